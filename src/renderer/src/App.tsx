import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { IssueChecks } from './components/IssueChecks';
import { PausedBanner, StatusBar } from './components/StatusBar';
import { useT } from './i18n/useT';
import { ConfirmationScreen } from './screens/ConfirmationScreen';
import { IssueScreen } from './screens/IssueScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { OccupancyScreen } from './screens/OccupancyScreen';
import { PermitsScreen } from './screens/PermitsScreen';
import { QueueScreen } from './screens/QueueScreen';
import { SetPinScreen } from './screens/SetPinScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { ShiftScreen } from './screens/ShiftScreen';
import { StartShiftScreen } from './screens/StartShiftScreen';
import { useKiosk } from './store';
import { useIdleReset } from './useIdleReset';
import { useKioskSession } from './useKioskSession';
import { isStartShiftShown, usePhysicalKeyboard } from './usePhysicalKeyboard';

function CurrentScreen() {
  const info = useKiosk((s) => s.info);
  const screen = useKiosk((s) => s.screen);
  const confirmation = useKiosk((s) => s.lastConfirmation);
  const startShift = useKiosk(isStartShiftShown);
  const shiftLoaded = useKiosk((s) => s.shiftLoaded);
  const { t } = useT();

  if (!info) return null;
  // No admin PIN yet (a new kiosk): a supervisor chooses one before anything else.
  if (info.adminPin === 'not-set') return <SetPinScreen />;
  if (startShift) return <StartShiftScreen />;
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
  if (!shiftLoaded)
    return (
      <main className="screen loading-screen">
        <p className="loading-screen__text" role="status">
          {t.loading}
        </p>
      </main>
    );
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
  const { t, lang } = useT();

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.documentTitle;
  }, [lang, t]);

  if (!info) return <LoadingScreen />;

  return (
    <div className="kiosk">
      <StatusBar info={info} />
      <PausedBanner />
      {error && <ErrorBanner error={error} actionLabel={t.dismiss} onAction={dismissError} />}
      <div className="kiosk__body">
        <CurrentScreen />
      </div>
    </div>
  );
}
