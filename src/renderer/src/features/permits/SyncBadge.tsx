import type { SyncState } from '../../../../shared/permits/permit';
import { useT } from '../../i18n/useT';

/** A mark as well as a colour, so the state reads in glare and for colour-blind attendants. */
const SYNC_MARK = { sent: '✓', waiting: '…', attention: '!' } as const;

export function SyncBadge({ sync }: { sync: SyncState }) {
  const { syncLabel } = useT();
  return (
    <span className={`sync-badge sync-badge--${sync}`}>
      <span className="sync-badge__mark" aria-hidden="true">
        {SYNC_MARK[sync]}
      </span>
      <span data-testid="sync-badge">{syncLabel(sync)}</span>
    </span>
  );
}
