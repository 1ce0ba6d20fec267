import { useState } from 'react';
import type { MoneyReport } from '../../../../shared/money/ledger-entries';
import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { saveCsv } from '../../ui/download';
import { Notice } from '../../ui/Notice';
import { PrintArea, printSection } from '../../ui/PrintArea';
import { PinInput } from '../admin-pin/PinInput';
import { DayReportTable, ReportDetails } from './MoneyReport';

/** The money reports the Shift screen opens over itself: the X-report of the open shift and the day's report. */

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
export function XReportView() {
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
export function DayReportView() {
  const { t, day } = useT();
  const report = useKiosk((s) => s.dayReport);
  const kioskName = useKiosk((s) => s.info?.kioskName ?? '');
  const { closeDrawerStep } = useKiosk.getState();
  const title = report ? t.dayReportTitle(day(report.date)) : t.dayReport;
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
