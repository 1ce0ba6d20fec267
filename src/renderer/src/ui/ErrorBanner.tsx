import type { KioskError } from '../../../shared/errors/kiosk-error';
import { useT } from '../i18n/useT';

interface Props {
  error: KioskError;
  /** "Dismiss" for an action's failure, "Retry" when the kiosk could not start. */
  actionLabel: string;
  onAction: () => void;
}

/** Main's problem is worded in the screen's language; an error the page raised itself is already in it. */
export function ErrorBanner({ error, actionLabel, onAction }: Props) {
  const { t, field } = useT();
  return (
    <div className="error-banner" role="alert" data-testid="error">
      <span className="error-banner__mark" aria-hidden="true">
        !
      </span>
      {/* Long words scroll inside the banner (styles.css), so the region takes focus for a keyboard to scroll it. */}
      <div className="error-banner__text" tabIndex={0}>
        <p className="error-banner__message">{error.problem ? t.problem(error.problem) : error.message}</p>
        {error.field && <p className="error-banner__field">{t.checkField(field(error.field))}</p>}
      </div>
      <button type="button" className="button button--on-dark" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
