import { ErrorBanner } from './components/ErrorBanner';
import { PausedBanner, StatusBar } from './components/StatusBar';
import { ConfirmationScreen } from './screens/ConfirmationScreen';
import { IssueScreen } from './screens/IssueScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { PermitsScreen } from './screens/PermitsScreen';
import { QueueScreen } from './screens/QueueScreen';
import { useKiosk } from './store';
import { useKioskSession } from './useKioskSession';
import { usePhysicalKeyboard } from './usePhysicalKeyboard';

export function App() {
  useKioskSession();
  usePhysicalKeyboard();
  const info = useKiosk((s) => s.info);
  const screen = useKiosk((s) => s.screen);
  const confirmation = useKiosk((s) => s.lastConfirmation);
  const error = useKiosk((s) => s.error);
  const dismissError = useKiosk((s) => s.dismissError);

  if (!info) return <LoadingScreen />;

  return (
    <div className="kiosk">
      <StatusBar info={info} />
      <PausedBanner />
      {error && <ErrorBanner error={error} actionLabel="Dismiss" onAction={dismissError} />}
      {screen === 'confirmation' && confirmation ? (
        <ConfirmationScreen permit={confirmation} />
      ) : screen === 'permits' ? (
        <PermitsScreen info={info} />
      ) : screen === 'queue' ? (
        <QueueScreen />
      ) : (
        <IssueScreen info={info} />
      )}
    </div>
  );
}
