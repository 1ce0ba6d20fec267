import { lazy, Suspense, useEffect } from 'react';
import { ErrorBanner } from '../ui/ErrorBanner';
import { KeyboardDock } from '../features/keyboard/KeyboardField';
import { IssueChecks } from '../features/issue/IssueChecks';
import { frameState, StateFrameLabel } from '../features/status-bar/StateFrame';
import { StatusBar } from '../features/status-bar/StatusBar';
import { useT } from '../i18n/useT';
import { ConfirmationScreen } from '../features/issue/ConfirmationScreen';
import { IssueScreen } from '../features/issue/IssueScreen';
import { LoadingScreen } from './LoadingScreen';
import { PermitsScreen } from '../features/permits/PermitsScreen';
import { FloatStep } from '../features/drawer/FloatStep';
import { StartShiftScreen } from '../features/shift/StartShiftScreen';
import { isDrawerPending, isFloatStepShown } from '../features/drawer/drawer-slice';
import { useKiosk } from './store';
import { useIdleReset } from './useIdleReset';
import { useKioskSession } from './useKioskSession';
import { isStartShiftShown, usePhysicalKeyboard } from '../features/keyboard/usePhysicalKeyboard';

// Screens a supervisor or the end of a shift needs, seldom during sales: each loads on first use, in its own chunk.
const OccupancyScreen = lazy(() =>
  import('../features/occupancy/OccupancyScreen').then((m) => ({ default: m.OccupancyScreen })),
);
const SettingsScreen = lazy(() =>
  import('../features/settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
);
const ShiftScreen = lazy(() => import('../features/shift/ShiftScreen').then((m) => ({ default: m.ShiftScreen })));
const QueueScreen = lazy(() => import('../features/queue/QueueScreen').then((m) => ({ default: m.QueueScreen })));
// Once in a kiosk's life: the first start, before a supervisor has chosen the admin PIN.
const SetPinScreen = lazy(() =>
  import('../features/admin-pin/SetPinScreen').then((m) => ({ default: m.SetPinScreen })),
);

/** What shows while a screen is not ready: a screen that says so, announced politely to screen readers. */
function ScreenLoading() {
  const { t } = useT();
  return (
    <main className="screen loading-screen">
      <p className="loading-screen__text" role="status">
        {t.loading}
      </p>
    </main>
  );
}

function CurrentScreen() {
  const info = useKiosk((s) => s.info);
  const screen = useKiosk((s) => s.screen);
  const confirmation = useKiosk((s) => s.lastConfirmation);
  const startShift = useKiosk(isStartShiftShown);
  const shiftLoaded = useKiosk((s) => s.shiftLoaded);
  const floatStep = useKiosk(isFloatStepShown);
  const drawerPending = useKiosk(isDrawerPending);

  if (!info) return null;
  // No admin PIN yet (a new kiosk): a supervisor chooses one before anything else.
  if (info.adminPin === 'not-set') return <SetPinScreen />;
  if (startShift) return <StartShiftScreen />;
  // The drawer's float comes before the first sale: one step, right after Start shift.
  if (floatStep) return <FloatStep />;
  switch (screen) {
    case 'permits':
      return <PermitsScreen info={info} />;
    case 'queue':
      return <QueueScreen />;
    case 'shift':
      return <ShiftScreen />;
    case 'occupancy':
      return <OccupancyScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'confirmation':
      if (confirmation) return <ConfirmationScreen permit={confirmation} info={info} />;
      break;
  }
  // Nothing is sold before main has said whether a shift is open.
  if (!shiftLoaded || drawerPending) return <ScreenLoading />;
  return (
    <>
      <IssueScreen info={info} />
      <IssueChecks />
    </>
  );
}

export function App() {
  useKioskSession();
  usePhysicalKeyboard();
  useIdleReset();
  const info = useKiosk((s) => s.info);
  const error = useKiosk((s) => s.error);
  const dismissError = useKiosk((s) => s.dismissError);
  const frame = useKiosk((s) => frameState(s.outbox));
  const { t, lang } = useT();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.documentTitle;
  }, [lang, t]);

  if (!info) return <LoadingScreen />;

  return (
    // Offline or paused: a coloured frame around everything, with its words in the strip under the bar.
    <div className={frame ? `kiosk kiosk--framed kiosk--${frame}` : 'kiosk'} data-frame={frame ?? undefined}>
      <StatusBar info={info} />
      <StateFrameLabel />
      {error && <ErrorBanner error={error} actionLabel={t.dismiss} onAction={dismissError} />}
      <div className="kiosk__body">
        <Suspense fallback={<ScreenLoading />}>
          <CurrentScreen />
        </Suspense>
      </div>
      <KeyboardDock />
    </div>
  );
}
