import type { OutboxStatus } from '../../../../shared/outbox/outbox-view';
import { useT } from '../../i18n/useT';
import { useNow } from '../../ui/useNow';

/** Often enough that "oldest 3 min" never lags by more than a quarter of a minute. */
const AGE_REFRESH_MS = 15_000;

function OldestAge({ since }: { since: string }) {
  const now = useNow(AGE_REFRESH_MS);
  const { t, age } = useT();
  return (
    <span className="outbox-summary__oldest" data-testid="outbox-oldest">
      {t.outboxOldest(age(since, now))}
    </span>
  );
}

/**
 * What still has to reach OPSCOM; the attention count is a button because it is a call to act. Its "!" mark is
 * drawn by CSS so the button's text stays just the count and words.
 */
export function OutboxSummary({ outbox, onOpenQueue }: { outbox: OutboxStatus; onOpenQueue: () => void }) {
  const { t } = useT();
  const { waiting, attention, oldestWaitingSince, reconcile } = outbox;
  return (
    <div className="outbox-summary">
      {/* Count over age, like name over id, so the bar stays two rows at 1024 px. */}
      <div className="outbox-summary__counts">
        <span className={`outbox-summary__waiting${waiting > 0 ? ' is-active' : ''}`} data-testid="outbox-waiting">
          {t.outboxWaiting(waiting)}
        </span>
        {waiting > 0 && oldestWaitingSince && <OldestAge since={oldestWaitingSince} />}
        {reconcile > 0 && (
          <span className="outbox-summary__reconcile" data-testid="outbox-reconcile">
            {t.outboxToCheck(reconcile)}
          </span>
        )}
      </div>
      <button
        type="button"
        className={`button outbox-summary__attention${attention > 0 ? ' is-loud' : ''}`}
        data-testid="outbox-attention"
        onClick={onOpenQueue}
      >
        {t.outboxAttention(attention)}
      </button>
    </div>
  );
}
