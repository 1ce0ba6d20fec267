import type { Permit } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time';
import { formatDuration, formatEnd } from '../format';
import { useKiosk } from '../store';
import { SyncBadge } from './SyncBadge';

function PermitActions({ permit, extendMinutes }: { permit: Permit; extendMinutes: number }) {
  const pending = useKiosk((s) => (s.pending?.ticketNumber === permit.ticketNumber ? s.pending : null));
  const quoting = useKiosk((s) => s.inFlight.quote);
  const extending = useKiosk((s) => s.inFlight.extend);
  const cancelling = useKiosk((s) => s.inFlight.cancel);
  const { startExtend, confirmExtend, startCancel, confirmCancel, closePending } = useKiosk.getState();

  if (pending?.kind === 'quoting') {
    return <p className="permit-card__prompt">Checking the price…</p>;
  }
  if (pending?.kind === 'extend') {
    const { newEndAt, addedCents } = pending.quote;
    return (
      <div className="permit-card__confirm">
        <p className="permit-card__prompt">
          New end {formatEnd(newEndAt)}, adds {formatMoney(addedCents, permit.currency)}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-busy={extending}
            disabled={extending}
            onClick={() => void confirmExtend()}
          >
            {extending ? 'Extending…' : 'Confirm extend'}
          </button>
          <button type="button" className="button button--secondary" disabled={extending} onClick={closePending}>
            Back
          </button>
        </div>
      </div>
    );
  }
  if (pending?.kind === 'cancel') {
    return (
      <div className="permit-card__confirm">
        <p className="permit-card__prompt">Cancel permit for {permit.plate}?</p>
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            aria-busy={cancelling}
            disabled={cancelling}
            onClick={() => void confirmCancel()}
          >
            {cancelling ? 'Cancelling…' : 'Confirm cancel'}
          </button>
          <button type="button" className="button button--secondary" disabled={cancelling} onClick={closePending}>
            Keep permit
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="actions">
      <button
        type="button"
        className="button button--primary"
        disabled={quoting}
        onClick={() => void startExtend(permit.ticketNumber)}
      >
        Extend +{formatDuration(extendMinutes)}
      </button>
      <button type="button" className="button button--secondary" onClick={() => startCancel(permit.ticketNumber)}>
        Cancel
      </button>
    </div>
  );
}

export function PermitCard({ permit, extendMinutes }: { permit: Permit; extendMinutes: number }) {
  return (
    <li className="permit-card" data-testid="permit-row" data-ticket={permit.ticketNumber}>
      <div className="permit-card__head">
        <p className="permit-card__plate">{permit.plate}</p>
        <SyncBadge sync={permit.sync} />
      </div>
      {permit.sync === 'attention' && permit.syncMessage && (
        <p className="permit-card__sync-message">{permit.syncMessage}</p>
      )}
      <dl className="details details--compact">
        <div className="detail-row">
          <dt>Zone</dt>
          <dd>{permit.zone}</dd>
        </div>
        <div className="detail-row">
          <dt>Ends at</dt>
          <dd>{formatDateTime(permit.endAt)}</dd>
        </div>
        <div className="detail-row">
          <dt>Amount</dt>
          <dd>{formatMoney(permit.amountCents, permit.currency)}</dd>
        </div>
        <div className="detail-row">
          <dt>Ticket</dt>
          <dd>{permit.ticketNumber}</dd>
        </div>
      </dl>
      <PermitActions permit={permit} extendMinutes={extendMinutes} />
    </li>
  );
}
