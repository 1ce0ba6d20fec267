import type { StorageStatus } from '../../../../shared/storage/storage-status';
import { useT } from '../../i18n/useT';
import { storageNotice } from './storage-notice';

/** A mark as well as a colour, like the connection's: "!" for a fault, "▲" for a warning. */
const MARK = { fault: '!', warning: '▲' } as const;

/** The kiosk's own disk, next to the connection, so "Online" is never all the bar says when the disk is in trouble. */
export function StorageIndicator({ storage }: { storage: StorageStatus | null | undefined }) {
  const { t, lang } = useT();
  const notice = storageNotice(storage, t, lang);
  if (!notice) return null;
  return (
    <div
      className={`storage storage--${notice.tone}`}
      role={notice.tone === 'fault' ? 'alert' : 'status'}
      title={t.problem(notice.problem)}
      data-testid="storage"
      data-state={storage?.state}
    >
      <span className="storage__mark" aria-hidden="true">
        {MARK[notice.tone]}
      </span>
      <span>{notice.text}</span>
    </div>
  );
}
