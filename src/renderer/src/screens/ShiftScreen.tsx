import type { ShiftSummary } from '../../../shared/domain';
import { PrintArea, printSection } from '../components/PrintArea';
import { downloadText } from '../download';
import { useT } from '../i18n/useT';
import { useKiosk } from '../store';

/** The figures of a shift, on screen and on paper alike. */
function SummaryDetails({ summary, testIds = true }: { summary: ShiftSummary; testIds?: boolean }) {
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

function ClosedShift({ summary }: { summary: ShiftSummary }) {
  const { t } = useT();
  const notice = useKiosk((s) => s.notice);
  const kioskName = useKiosk((s) => s.info?.kioskName ?? '');
  const { exportShift, finishClosedShift } = useKiosk.getState();
  return (
    <main className="screen shift-screen">
      <h1 className="screen-title">{t.shiftClosedTitle}</h1>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => printSection('shift-summary')}>
          {t.printSummary}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => exportShift((fileName, csv) => downloadText(fileName, csv))}
        >
          {t.exportShift}
        </button>
        <button type="button" className="button button--secondary" onClick={finishClosedShift}>
          {t.done}
        </button>
      </div>
      <SummaryDetails summary={summary} />
      {summary.waiting > 0 && <p className="shift-screen__waiting">{t.shiftStillWaiting(summary.waiting)}</p>}
      <div className="notice" role="status">
        {notice}
      </div>
      <PrintArea testId="shift-print">
        <section className="receipt">
          <h1 className="receipt__title">{t.shiftSummaryTitle}</h1>
          <p className="receipt__note">{kioskName}</p>
          <SummaryDetails summary={summary} testIds={false} />
        </section>
      </PrintArea>
    </main>
  );
}

/** The open shift's running totals, and closing it. */
export function ShiftScreen() {
  const { t } = useT();
  const summary = useKiosk((s) => s.shiftSummary);
  const closed = useKiosk((s) => s.closedShift);
  const step = useKiosk((s) => s.shiftStep);
  const closing = useKiosk((s) => s.inFlight.shiftClose);
  const { askCloseShift, cancelCloseShift, closeShift } = useKiosk.getState();

  if (closed) return <ClosedShift summary={closed} />;

  return (
    <main className="screen shift-screen">
      <h1 className="screen-title">{t.shiftTitle}</h1>
      <p className="shift-screen__intro">{t.shiftRunning}</p>
      {summary ? <SummaryDetails summary={summary} /> : <p className="empty">{t.loading}</p>}
      {step === 'confirm-close' ? (
        <div className="confirm-step" role="group" aria-label={t.closeShift}>
          <p className="confirm-step__prompt">{t.closeShiftPrompt}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              aria-busy={closing}
              disabled={closing}
              onClick={() => void closeShift()}
            >
              {closing ? t.closingShift : t.confirmCloseShift}
            </button>
            <button type="button" className="button button--secondary" disabled={closing} onClick={cancelCloseShift}>
              {t.back}
            </button>
          </div>
        </div>
      ) : (
        <div className="actions shift-screen__actions">
          <button type="button" className="button button--danger" onClick={askCloseShift}>
            {t.closeShift}
          </button>
        </div>
      )}
    </main>
  );
}
