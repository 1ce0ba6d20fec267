import type { ReactNode } from 'react';
import type {
  CountResult,
  DayReport,
  MoneyReport,
  RefundMethod,
  TenderKind,
} from '../../../../shared/money/ledger-entries';
import type { Catalog } from '../../i18n/catalog';
import { useT, type I18n } from '../../i18n/useT';

const TENDER_LABEL = {
  cash: 'tenderCash',
  card: 'tenderCard',
  voucher: 'tenderVoucher',
  complimentary: 'tenderComplimentary',
  unrecorded: 'tenderUnrecorded',
} as const satisfies Record<TenderKind | RefundMethod, keyof Catalog>;

/** "Over $2.50", "Short $7.50" or "Even": the count against the expected cash. */
export function verdict({ t, money }: I18n, result: Pick<CountResult, 'outcome' | 'differenceCents' | 'currency'>) {
  if (result.outcome === 'even') return t.drawerEven;
  const amount = money(Math.abs(result.differenceCents), result.currency);
  return result.outcome === 'over' ? t.drawerOver(amount) : t.drawerShort(amount);
}

type Row = [label: string, value: ReactNode, testId: string];

/** One value per line (a line per tender, per currency), or "None". */
function Lines({ lines, none }: { lines: string[]; none: string }) {
  if (lines.length === 0) return <>{none}</>;
  return (
    <>
      {lines.map((line) => (
        <span key={line} className="report-line">
          {line}
        </span>
      ))}
    </>
  );
}

/**
 * An X- or Z-report, on screen and on paper alike: the drawer (over or short, expected, counted, the float, cash in
 * and out), then sales per tender and currency, refunds, cancels and the net. The expected cash of an X-report asked for
 * without the admin PIN before the count is hidden: main does not send it.
 */
export function ReportDetails({ report, testIds = true }: { report: MoneyReport; testIds?: boolean }) {
  const i18n = useT();
  const { t, money } = i18n;
  const d = report.drawer;
  const cash = (cents: number) => money(cents, d.currency);
  const rows: Row[] = [
    // The drawer's verdict first: what a close is about; then where its cash went, then the sales.
    [t.overShort, d.count ? verdict(i18n, d.count) : t.notCounted, 'report-over-short'],
    ...(report.kind === 'z'
      ? [[t.approvedByPin, d.approvedByPin ? t.answerYes : t.answerNo, 'report-approved'] as Row]
      : []),
    [t.expectedCash, d.expectedCents === null ? t.expectedHidden : cash(d.expectedCents), 'report-expected'],
    [t.countedCash, d.count ? cash(d.count.countedCents) : t.notCounted, 'report-counted'],
    [t.drawerFloat, cash(d.floatCents), 'report-float'],
    [t.cashSales, cash(d.cashSalesCents), 'report-cash-sales'],
    [t.cashRefunds, cash(d.cashRefundsCents), 'report-cash-refunds'],
    [
      t.drawerPaidOuts,
      <Lines
        none={t.reportNone}
        lines={report.paidOuts.map((r) => t.reportCount(String(r.count), money(r.cents, r.currency)))}
      />,
      'report-paid-outs',
    ],
    [
      t.drawerDrops,
      <Lines
        none={t.reportNone}
        lines={report.drops.map((r) => t.reportCount(String(r.count), money(r.cents, r.currency)))}
      />,
      'report-drops',
    ],
    [
      t.reportSales,
      <Lines
        none={t.reportNone}
        lines={report.tenders.map((r) =>
          t.reportLine(t[TENDER_LABEL[r.tender]], String(r.count), money(r.cents, r.currency)),
        )}
      />,
      'report-sales',
    ],
    [
      t.reportRefunds,
      <Lines
        none={t.reportNone}
        lines={report.refunds.map((r) =>
          t.reportLine(t[TENDER_LABEL[r.method]], String(r.count), money(r.cents, r.currency)),
        )}
      />,
      'report-refunds',
    ],
    [
      t.reportVoids,
      <Lines
        none={t.reportNone}
        lines={report.voids.map((r) => t.reportVoidLine(r.count, r.refunded, money(r.cents, r.currency)))}
      />,
      'report-voids',
    ],
    [
      t.reportNet,
      <Lines none={t.reportNone} lines={report.net.map((r) => money(r.netCents, r.currency))} />,
      'report-net',
    ],
  ];
  return (
    <dl className={testIds ? 'details details--grid money-report' : 'details money-report'}>
      {rows.map(([label, value, testId]) => (
        <div key={testId} className="detail-row">
          <dt>{label}</dt>
          <dd data-testid={testIds ? testId : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The day's shifts per attendant: how many, what they sold per tender, refunds, and their over or short. */
export function DayReportTable({ report }: { report: DayReport }) {
  const i18n = useT();
  const { t, money } = i18n;
  if (report.attendants.length === 0) return <p className="empty">{t.dayReportEmpty}</p>;
  return (
    <table className="day-report" data-testid="day-report">
      <thead>
        <tr>
          <th scope="col">{t.attendant}</th>
          <th scope="col">{t.reportShifts}</th>
          <th scope="col">{t.reportSales}</th>
          <th scope="col">{t.reportRefunds}</th>
          <th scope="col">{t.overShort}</th>
        </tr>
      </thead>
      <tbody>
        {report.attendants.map((row) => (
          <tr key={row.attendant} data-testid="day-report-row">
            <th scope="row">{row.attendant}</th>
            <td>{row.shifts}</td>
            <td>
              <Lines
                none={t.reportNone}
                lines={row.tenders.map((r) =>
                  t.reportLine(t[TENDER_LABEL[r.tender]], String(r.count), money(r.cents, r.currency)),
                )}
              />
            </td>
            <td>
              <Lines
                none={t.reportNone}
                lines={row.refunds.map((r) =>
                  t.reportLine(t[TENDER_LABEL[r.method]], String(r.count), money(r.cents, r.currency)),
                )}
              />
            </td>
            <td>
              <Lines
                none={t.notCounted}
                lines={row.overShort.map((o) =>
                  verdict(i18n, {
                    currency: o.currency,
                    differenceCents: o.cents,
                    outcome: o.cents === 0 ? 'even' : o.cents > 0 ? 'over' : 'short',
                  }),
                )}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
