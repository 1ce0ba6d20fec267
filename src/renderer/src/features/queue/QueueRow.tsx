import type { OutboxItem } from '../../../../shared/outbox/outbox-view';
import { QUEUE_KIND_LABEL, QUEUE_STATE_LABEL } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { CorrectPlateForm, DiscardForm } from './QueueStepForms';
import { ExtraCopiesNote } from '../permits/UnreachableCopies';

function Detail({ label, wide, children }: { label: string; wide?: boolean; children: string }) {
  return (
    <div className={wide ? 'detail-row detail-row--wide' : 'detail-row'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function AttentionActions({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const step = useKiosk((s) => (s.queueStep?.actionId === item.actionId ? s.queueStep.kind : null));
  const busy = useKiosk((s) => s.queueWork !== null);
  const retrying = useKiosk((s) => s.queueWork?.kind === 'retry' && s.queueWork.actionId === item.actionId);
  const { retry, openQueueStep } = useKiosk.getState();

  if (step === 'correct') return <CorrectPlateForm item={item} />;
  if (step === 'discard') return <DiscardForm item={item} />;
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void retry(item.actionId)}
      >
        {retrying ? t.retrying : t.retry}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => openQueueStep({ kind: 'correct', actionId: item.actionId })}
      >
        {t.correctPlate}
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        onClick={() => openQueueStep({ kind: 'discard', actionId: item.actionId })}
      >
        {t.discard}
      </button>
    </div>
  );
}

export function QueueRow({ item }: { item: OutboxItem }) {
  const { t, end } = useT();
  return (
    <li className={`queue-row queue-row--${item.state}`} data-testid="queue-row" data-action={item.actionId}>
      <div className="queue-row__head">
        <span className="queue-row__kind" data-testid="queue-kind">
          {t[QUEUE_KIND_LABEL[item.kind]]}
        </span>
        <span className="queue-row__plate">{item.plate}</span>
        <span className={`queue-state queue-state--${item.state}`} data-testid="queue-state">
          {t[QUEUE_STATE_LABEL[item.state]]}
        </span>
      </div>
      {item.possibleDuplicate && (
        <p className="queue-row__duplicate" data-testid="queue-duplicate">
          {t.possibleDuplicate}
        </p>
      )}
      <ExtraCopiesNote copies={item.unreachableCopies} heldWithoutReference={false} />
      <dl className="details details--compact queue-row__details">
        <Detail label={t.zone}>{item.zone}</Detail>
        <Detail label={t.ticket}>{item.ticketNumber}</Detail>
        <Detail label={t.takenAt}>{end(item.takenAt)}</Detail>
        <Detail label={t.attempts}>{String(item.attempts)}</Detail>
        {item.lastProblem && (
          <Detail label={t.lastError} wide>
            {t.problem(item.lastProblem)}
          </Detail>
        )}
      </dl>
      {item.state === 'attention' && <AttentionActions item={item} />}
    </li>
  );
}
