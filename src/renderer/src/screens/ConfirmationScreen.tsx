import type { Permit } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';
import { formatDateTime } from '../../../shared/time';
import { syncText } from '../format';
import { useKiosk } from '../store';

function Row({
  label,
  testId,
  className,
  children,
}: {
  label: string;
  testId: string;
  className?: string;
  children: string;
}) {
  return (
    <div className={`detail-row${className ? ` ${className}` : ''}`}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** `permit` is the store's lastConfirmation, which permit:changed keeps current, so the sync state is live. */
export function ConfirmationScreen({ permit }: { permit: Permit }) {
  const newPermit = useKiosk((s) => s.newPermit);
  const goTo = useKiosk((s) => s.goTo);

  return (
    <main className="screen confirmation-screen">
      <div className="confirmation-screen__mark" aria-hidden="true">
        ✓
      </div>
      <h1 className="confirmation-screen__title">Permit issued</h1>
      <dl className="details">
        <Row label="Plate" testId="confirm-plate">
          {permit.plate}
        </Row>
        <Row label="Zone" testId="confirm-zone">
          {permit.zone}
        </Row>
        <Row label="Ends at" testId="confirm-end">
          {formatDateTime(permit.endAt)}
        </Row>
        <Row label="Amount" testId="confirm-amount">
          {formatMoney(permit.amountCents, permit.currency)}
        </Row>
        <Row label="Ticket number" testId="confirm-ticket">
          {permit.ticketNumber}
        </Row>
        <Row label="OPSCOM" testId="confirm-sync" className={`sync-row sync-row--${permit.sync}`}>
          {syncText(permit.sync, permit.syncMessage)}
        </Row>
        {/* The reference comes from OPSCOM and may follow later through permit:changed. */}
        <Row label="OPSCOM reference" testId="confirm-reference">
          {permit.referenceId ?? 'waiting to send'}
        </Row>
      </dl>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={newPermit}>
          New permit
        </button>
        <button type="button" className="button button--secondary" onClick={() => goTo('permits')}>
          Active permits
        </button>
        {permit.sync === 'attention' && (
          <button type="button" className="button button--danger" onClick={() => goTo('queue')}>
            Open queue
          </button>
        )}
      </div>
    </main>
  );
}
