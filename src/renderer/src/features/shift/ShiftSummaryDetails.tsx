import type { ShiftSummary } from '../../../../shared/shift/shift-view';
import { useT } from '../../i18n/useT';

/** The figures of a shift, on screen and on paper alike. */
export function ShiftSummaryDetails({ summary, testIds = true }: { summary: ShiftSummary; testIds?: boolean }) {
  const { t, dateTime, money } = useT();
  const rows: [string, string, string][] = [
    [t.attendant, summary.shift.attendant, 'shift-attendant-name'],
    [t.shiftStarted, dateTime(summary.shift.startedAt), 'shift-started'],
    ...(summary.closedAt
      ? [[t.shiftClosed, dateTime(summary.closedAt), 'shift-closed'] as [string, string, string]]
      : []),
    [t.permitsIssued, String(summary.issued), 'shift-issued'],
    [t.permitsExtended, String(summary.extended), 'shift-extended'],
    [t.permitsCancelled, String(summary.cancelled), 'shift-cancelled'],
    [
      t.amountCharged,
      summary.amounts.length === 0
        ? t.nothingCharged
        : summary.amounts.map((a) => money(a.cents, a.currency)).join(' · '),
      'shift-amounts',
    ],
    [t.waitingToSend, String(summary.waiting), 'shift-waiting'],
    [t.needingAttention, String(summary.attention), 'shift-attention'],
  ];
  return (
    <dl className={testIds ? 'details details--grid shift-details' : 'details'}>
      {rows.map(([label, value, testId]) => (
        <div key={testId} className="detail-row">
          <dt>{label}</dt>
          <dd data-testid={testIds ? testId : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
