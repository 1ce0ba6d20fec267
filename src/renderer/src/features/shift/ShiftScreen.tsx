import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { Notice } from '../../ui/Notice';
import { CountOutcome, CountStep, DrawerLine, MoveForm } from '../drawer/DrawerSteps';
import { DayReportView, XReportView } from '../drawer/ReportScreens';
import { ClosedShift } from './ClosedShift';
import { ShiftSummaryDetails } from './ShiftSummaryDetails';

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
        {summary ? <ShiftSummaryDetails summary={summary} /> : <p className="empty">{t.loading}</p>}
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
