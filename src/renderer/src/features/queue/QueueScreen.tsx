import { QueueRow } from './QueueRow';
import { ReconcileCard } from './ReconcileCard';
import { downloadText } from '../../ui/download';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';

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
      <ReconcileSection />
    </main>
  );
}

/** The reconciliation list: permits whose copies in OPSCOM the kiosk cannot vouch for, for a supervisor. */
function ReconcileSection() {
  const { t } = useT();
  const entries = useKiosk((s) => s.reconciliation);
  const loaded = useKiosk((s) => s.reconciliationLoaded);
  const loading = useKiosk((s) => s.inFlight.reconcile);
  const exporting = useKiosk((s) => s.inFlight.reconcileExport);
  const exportList = useKiosk((s) => s.exportReconciliation);
  return (
    <section className="reconcile-section" aria-labelledby="reconcile-title" data-testid="reconcile-section">
      <h2 className="section-title" id="reconcile-title">
        {t.reconcileTitle}
      </h2>
      {entries.length === 0 ? (
        <p className="empty">{loaded ? t.reconcileEmpty : loading ? t.loading : t.reconcileNotLoaded}</p>
      ) : (
        <>
          <p className="hint">{t.reconcileIntro}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              aria-busy={exporting}
              disabled={exporting}
              onClick={() => void exportList((file) => downloadText(file.fileName, file.csv))}
            >
              {exporting ? t.exporting : t.exportReconcile}
            </button>
          </div>
          <ul className="queue-list">
            {entries.map((entry) => (
              <ReconcileCard key={entry.ticketNumber} entry={entry} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
