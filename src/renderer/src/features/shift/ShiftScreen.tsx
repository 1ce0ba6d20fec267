import { useState } from 'react';
import type { ShiftSummary } from '../../../../shared/shift/shift-view';
import type { MoneyReport } from '../../../../shared/money/ledger-entries';
import { CountOutcome, CountStep, DrawerLine, MoveForm } from '../drawer/DrawerSteps';
import { PinInput } from '../admin-pin/PinInput';
import { DayReportTable, ReportDetails } from '../drawer/MoneyReport';
import { PrintArea, printSection } from '../../ui/PrintArea';
import { downloadText } from '../../ui/download';
import { useT } from '../../i18n/useT';
import type { ClosedShift as ClosedShiftSummary } from './shift-slice';
import { useKiosk } from '../../app/store';

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

function Notice() {
  const notice = useKiosk((s) => s.notice);
  return (
    <div className="notice" role="status">
      {notice}
    </div>
  );
}

const saveCsv = (fileName: string, csv: string) => downloadText(fileName, csv);

/** The closed shift: its summary and its Z-report, to print and save, and the day's report for a supervisor. */
function ClosedShift({ summary }: { summary: ClosedShiftSummary }) {
  const { t } = useT();
  const kioskName = useKiosk((s) => s.info?.kioskName ?? '');
  const zReport = useKiosk((s) => s.zReport);
  const { exportShift, finishClosedShift, saveReport, openDrawerStep } = useKiosk.getState();
  const report = summary.report;
  return (
    <main className="screen shift-screen shift-screen--closed">
      <h1 className="screen-title">{t.shiftClosedTitle}</h1>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => printSection('shift-summary')}>
          {t.printSummary}
        </button>
        <button type="button" className="button button--secondary" onClick={() => exportShift(saveCsv)}>
          {t.exportShift}
        </button>
        {report && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!zReport}
            onClick={() => zReport && saveReport(zReport, saveCsv)}
          >
            {t.saveReportCsv}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => openDrawerStep('day-report')}>
          {t.dayReport}
        </button>
        <button type="button" className="button button--secondary" onClick={finishClosedShift}>
          {t.done}
        </button>
      </div>
      <Notice />
      <div className="shift-screen__columns">
        {report && (
          <section aria-label={t.zReportTitle}>
            <h2 className="drawer-form__title">{t.zReportTitle}</h2>
            <ReportDetails report={report} />
          </section>
        )}
        <div>
          <SummaryDetails summary={summary} />
          {summary.waiting > 0 && <p className="shift-screen__waiting">{t.shiftStillWaiting(summary.waiting)}</p>}
        </div>
      </div>
      <PrintArea testId="shift-print">
        <section className="receipt">
          <h1 className="receipt__title">{t.shiftSummaryTitle}</h1>
          <p className="receipt__note">{kioskName}</p>
          <SummaryDetails summary={summary} testIds={false} />
          {report && (
            <>
              <h2 className="receipt__title">{t.zReportTitle}</h2>
              <ReportDetails report={report} testIds={false} />
            </>
          )}
        </section>
      </PrintArea>
    </main>
  );
}

/** A report on paper: the kiosk's name, the title, and the report as on screen. */
function PrintedReport({ title, report }: { title: string; report: MoneyReport }) {
  const kioskName = useKiosk((s) => s.info?.kioskName ?? '');
  return (
    <PrintArea testId="report-print">
      <section className="receipt">
        <h1 className="receipt__title">{title}</h1>
        <p className="receipt__note">{kioskName}</p>
        <ReportDetails report={report} testIds={false} />
      </section>
    </PrintArea>
  );
}

/** Print and Save report CSV, for a report on screen (off until it has arrived). */
function ReportButtons({ report }: { report: { fileName: string; csv: string } | null }) {
  const { t } = useT();
  const { saveReport } = useKiosk.getState();
  return (
    <>
      <button
        type="button"
        className="button button--primary"
        disabled={!report}
        onClick={() => printSection('shift-summary')}
      >
        {t.printReport}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!report}
        onClick={() => report && saveReport(report, saveCsv)}
      >
        {t.saveReportCsv}
      </button>
    </>
  );
}

/** The X-report: the open shift so far. The expected cash stays hidden unless a supervisor enters the PIN. */
function XReportView() {
  const { t } = useT();
  const report = useKiosk((s) => s.xReport);
  const loading = useKiosk((s) => s.inFlight.reportX);
  const { loadXReport, closeDrawerStep } = useKiosk.getState();
  const [asking, setAsking] = useState(false);
  const [pin, setPin] = useState('');
  const hidden = report?.drawer.expectedCents === null;
  const show = async () => {
    if (!pin || loading) return;
    const shown = await loadXReport(pin);
    setPin('');
    if (shown) setAsking(false);
  };
  return (
    <main className="screen shift-screen">
      <h1 className="screen-title">{t.xReportTitle}</h1>
      <div className="actions">
        <ReportButtons report={report} />
        {hidden && !asking && (
          <button type="button" className="button button--secondary" onClick={() => setAsking(true)}>
            {t.showExpected}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={closeDrawerStep}>
          {t.back}
        </button>
      </div>
      <div className="shift-screen__columns">
        {report ? <ReportDetails report={report} /> : <p className="empty">{t.loading}</p>}
        {asking && hidden && (
          <section className="drawer-expected-pin" aria-label={t.showExpected}>
            <p className="confirm-step__prompt">{t.showExpectedPrompt}</p>
            <div className="drawer-pin">
              <PinInput pin={pin} onPin={setPin} disabled={loading} />
            </div>
            <div className="actions">
              <button
                type="button"
                className="button button--primary"
                disabled={!pin || loading}
                onClick={() => void show()}
              >
                {t.showExpected}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
                {t.back}
              </button>
            </div>
          </section>
        )}
      </div>
      {report && <PrintedReport title={t.xReportTitle} report={report} />}
    </main>
  );
}

/** Every shift of the day per attendant, for a supervisor: on screen, on paper and as CSV. */
function DayReportView() {
  const { t, lang } = useT();
  const report = useKiosk((s) => s.dayReport);
  const kioskName = useKiosk((s) => s.info?.kioskName ?? '');
  const { closeDrawerStep } = useKiosk.getState();
  const title = report ? t.dayReportTitle(formatDay(report.date, lang)) : t.dayReport;
  return (
    <main className="screen shift-screen">
      <h1 className="screen-title">{title}</h1>
      <div className="actions">
        <ReportButtons report={report} />
        <button type="button" className="button button--secondary" onClick={closeDrawerStep}>
          {t.back}
        </button>
      </div>
      <Notice />
      {report ? <DayReportTable report={report} /> : <p className="empty">{t.loading}</p>}
      {report && (
        <PrintArea testId="report-print">
          <section className="receipt">
            <h1 className="receipt__title">{title}</h1>
            <p className="receipt__note">{kioskName}</p>
            <DayReportTable report={report} />
          </section>
        </PrintArea>
      )}
    </main>
  );
}

/** "2026-03-05" as people read it, in the kiosk's language (a local date: no time zone shift). */
function formatDay(date: string, lang: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(new Date(year, month - 1, day));
}

/** Closing: the blind count first, then expected against counted, and the close (with the PIN if need be). */
function CloseStep() {
  const { t } = useT();
  const drawer = useKiosk((s) => s.drawer);
  const result = useKiosk((s) => s.countResult);
  return (
    <main className="screen shift-screen shift-screen--count">
      <h1 className="screen-title">{t.closeShift}</h1>
      {result ? (
        <CountOutcome result={result} />
      ) : drawer ? (
        <CountStep drawer={drawer} />
      ) : (
        <p className="empty">{t.loading}</p>
      )}
    </main>
  );
}

/** The open shift's running totals and drawer; paid-outs, drops, the X-report, and closing it. */
export function ShiftScreen() {
  const { t } = useT();
  const summary = useKiosk((s) => s.shiftSummary);
  const closed = useKiosk((s) => s.closedShift);
  const step = useKiosk((s) => s.shiftStep);
  const drawerStep = useKiosk((s) => s.drawerStep);
  const drawer = useKiosk((s) => s.drawer);
  const { askCloseShift, openDrawerStep } = useKiosk.getState();

  if (drawerStep?.kind === 'day-report') return <DayReportView />;
  if (closed) return <ClosedShift summary={closed} />;
  if (step === 'confirm-close') return <CloseStep />;
  if (drawerStep?.kind === 'x-report') return <XReportView />;
  if (drawerStep?.kind === 'paid-out' || drawerStep?.kind === 'drop') {
    return (
      <main className="screen shift-screen">
        <h1 className="screen-title">{t.drawerTitle}</h1>
        <MoveForm key={drawerStep.requestId} step={drawerStep} />
      </main>
    );
  }

  return (
    <main className="screen shift-screen">
      <h1 className="screen-title">{t.shiftTitle}</h1>
      <p className="shift-screen__intro">{t.shiftRunning}</p>
      <div className="shift-screen__columns">
        {summary ? <SummaryDetails summary={summary} /> : <p className="empty">{t.loading}</p>}
        <section className="shift-screen__drawer" aria-label={t.drawerTitle}>
          <h2 className="drawer-form__title">{t.drawerTitle}</h2>
          {drawer && <DrawerLine drawer={drawer} />}
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={() => openDrawerStep('paid-out')}>
              {t.paidOut}
            </button>
            <button type="button" className="button button--secondary" onClick={() => openDrawerStep('drop')}>
              {t.dropToSafe}
            </button>
          </div>
          {/* What the last paid-out or drop did, next to its buttons. */}
          <Notice />
        </section>
      </div>
      <div className="actions shift-screen__actions">
        <button type="button" className="button button--secondary" onClick={() => openDrawerStep('x-report')}>
          {t.xReport}
        </button>
        <button type="button" className="button button--secondary" onClick={() => openDrawerStep('day-report')}>
          {t.dayReport}
        </button>
        <button type="button" className="button button--danger" onClick={askCloseShift}>
          {t.closeShift}
        </button>
      </div>
    </main>
  );
}
