import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { saveCsv } from '../../ui/download';
import { Notice } from '../../ui/Notice';
import { PrintArea, printSection } from '../../ui/PrintArea';
import { ReportDetails } from '../drawer/MoneyReport';
import type { ClosedShift as ClosedShiftSummary } from './shift-slice';
import { ShiftSummaryDetails } from './ShiftSummaryDetails';

/** The closed shift: its summary and its Z-report, to print and save, and the day's report for a supervisor. */
export function ClosedShift({ summary }: { summary: ClosedShiftSummary }) {
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
          <ShiftSummaryDetails summary={summary} />
          {summary.waiting > 0 && <p className="shift-screen__waiting">{t.shiftStillWaiting(summary.waiting)}</p>}
        </div>
      </div>
      <PrintArea testId="shift-print">
        <section className="receipt">
          <h1 className="receipt__title">{t.shiftSummaryTitle}</h1>
          <p className="receipt__note">{kioskName}</p>
          <ShiftSummaryDetails summary={summary} testIds={false} />
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
