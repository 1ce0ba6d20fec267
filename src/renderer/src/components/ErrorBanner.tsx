import type { KioskError } from '../../../shared/domain';
import { useT } from '../i18n/useT';

interface Props {
  error: KioskError;
  /** "Dismiss" for an action's failure, "Retry" when the kiosk could not start. */
  actionLabel: string;
  onAction: () => void;
}

/** Main's message is already plain words for an attendant; it is shown as is (main speaks English). */
export function ErrorBanner({ error, actionLabel, onAction }: Props) {
  const { t, field } = useT();
  return (
    <div className="error-banner" role="alert" data-testid="error">
      <span className="error-banner__mark" aria-hidden="true">
        !
      </span>
      <div className="error-banner__text">
        <p className="error-banner__message">{error.message}</p>
        {error.field && <p className="error-banner__field">{t.checkField(field(error.field))}</p>}
      </div>
      <button type="button" className="button button--on-dark" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
