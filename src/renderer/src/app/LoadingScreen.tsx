import { ErrorBanner } from '../ui/ErrorBanner';
import { useT } from '../i18n/useT';
import { useKiosk } from './store';

/** Before kiosk info arrives there is nothing safe to sell: show progress, or the failure and a Retry. */
export function LoadingScreen() {
  const { t } = useT();
  const infoError = useKiosk((s) => s.infoError);
  const start = useKiosk((s) => s.start);

  return (
    <main className="screen loading-screen">
      {infoError ? (
        <ErrorBanner error={infoError} actionLabel={t.retry} onAction={() => void start()} />
      ) : (
        <p className="loading-screen__text" role="status">
          {t.loading}
        </p>
      )}
    </main>
  );
}
