import { QueueRow } from '../components/QueueRow';
import { downloadText } from '../download';
import { useT } from '../i18n/useT';
import { useKiosk } from '../store';

/** What has not reached OPSCOM yet, and the tools to un-stick it. The list follows outbox:changed. */
export function QueueScreen() {
  const { t } = useT();
  const queue = useKiosk((s) => s.queue);
  const loaded = useKiosk((s) => s.queueLoaded);
  const loading = useKiosk((s) => s.inFlight.queue);
  const notice = useKiosk((s) => s.notice);
  const flushing = useKiosk((s) => s.inFlight.flush);
  const exporting = useKiosk((s) => s.inFlight.export);
  const { flush, exportAudit } = useKiosk.getState();

  return (
    <main className="screen queue-screen">
      <h1 className="screen-title">{t.queueTitle}</h1>
      <div className="actions queue-screen__tools">
        <button
          type="button"
          className="button button--primary"
          aria-busy={flushing}
          disabled={flushing}
          onClick={() => void flush('manual')}
        >
          {flushing ? t.sending : t.sendNow}
        </button>
        <button
          type="button"
          className="button button--secondary"
          aria-busy={exporting}
          disabled={exporting}
          onClick={() => void exportAudit((file) => downloadText(file.fileName, file.csv))}
        >
          {exporting ? t.exporting : t.exportAudit}
        </button>
      </div>
      <div className="notice" role="status">
        {notice}
      </div>
      {queue.length === 0 ? (
        <p className="empty">{loaded ? t.nothingWaiting : loading ? t.loading : t.queueNotLoaded}</p>
      ) : (
        <ul className="queue-list">
          {queue.map((item) => (
            <QueueRow key={item.actionId} item={item} />
          ))}
        </ul>
      )}
    </main>
  );
}
