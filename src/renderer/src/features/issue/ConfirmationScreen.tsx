import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import { printSection } from '../../ui/PrintArea';
import { Receipt } from './Receipt';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { tenderText } from '../payment/tender-words';
import { useNow } from '../../ui/useNow';

/** Often enough that the countdown never shows a minute that has already gone. */
const COUNTDOWN_REFRESH_MS = 5_000;

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
export function ConfirmationScreen({ permit, info }: { permit: Permit; info: KioskInfo }) {
  const i18n = useT();
  const { t, end, money, countdown, sync } = i18n;
  const tender = useKiosk((s) => s.lastTender);
  const changeCents = tender?.method === 'cash' ? tender.changeCents : 0;
  const now = useNow(COUNTDOWN_REFRESH_MS);
  const newPermit = useKiosk((s) => s.newPermit);
  const goTo = useKiosk((s) => s.goTo);
  const connection = useKiosk((s) => s.outbox?.connection ?? 'unknown');
  const paused = useKiosk((s) => s.outbox?.paused != null);
  // Not sent yet and OPSCOM out of reach (or sending paused): say what happens to it, so nobody issues it again.
  const sendsLater =
    permit.sync !== 'waiting'
      ? null
      : paused
        ? t.confirmSendPaused
        : connection !== 'online'
          ? t.confirmSendsWhenBack
          : null;

  return (
    <main className="screen confirmation-screen">
      <div className="confirmation-screen__head">
        <div className="confirmation-screen__mark" aria-hidden="true">
          ✓
        </div>
        <h1 className="confirmation-screen__title">{t.permitIssued}</h1>
        {/* The change is counted out next: it is the one figure the attendant must not miss. */}
        {changeCents > 0 && (
          <p className="confirmation-screen__change" data-testid="confirm-change">
            {t.giveChange(money(changeCents, permit.currency))}
          </p>
        )}
      </div>
      <dl className="details details--grid confirmation-screen__details">
        <Row label={t.plate} testId="confirm-plate" className="detail-row--plate">
          {permit.plate}
        </Row>
        <Row label={t.zone} testId="confirm-zone">
          {permit.zone}
        </Row>
        <Row label={t.startsAt} testId="confirm-start">
          {end(permit.startAt, now)}
        </Row>
        <div className="detail-row">
          <dt>{t.endsAt}</dt>
          <dd>
            <span data-testid="confirm-end">{end(permit.endAt, now)}</span>{' '}
            <span className="countdown" data-testid="confirm-countdown">
              {countdown(permit.endAt, now)}
            </span>
          </dd>
        </div>
        <Row label={t.amount} testId="confirm-amount">
          {money(permit.amountCents, permit.currency)}
        </Row>
        {tender && (
          <Row label={t.paidWith} testId="confirm-tender">
            {tenderText(i18n, tender, permit.currency)}
          </Row>
        )}
        <Row label={t.ticketNumber} testId="confirm-ticket">
          {permit.ticketNumber}
        </Row>
        <div className={`detail-row sync-row sync-row--${permit.sync}`}>
          <dt>{t.opscom}</dt>
          <dd>
            <span data-testid="confirm-sync">
              {sync(permit.sync, permit.syncProblem ? t.problem(permit.syncProblem) : null)}
            </span>
            {sendsLater && (
              <span className="sends-later" data-testid="confirm-sends-later">
                {sendsLater}
              </span>
            )}
          </dd>
        </div>
        {/* The reference comes from OPSCOM and may follow later through permit:changed. */}
        <Row label={t.opscomReference} testId="confirm-reference">
          {permit.referenceId ?? t.referenceWaiting}
        </Row>
      </dl>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={newPermit}>
          {t.newPermit}
        </button>
        <button type="button" className="button button--secondary" onClick={() => printSection('receipt')}>
          {t.printReceipt}
        </button>
        <button type="button" className="button button--secondary" onClick={() => goTo('permits')}>
          {t.navPermits}
        </button>
        {permit.sync === 'attention' && (
          <button type="button" className="button button--danger" onClick={() => goTo('queue')}>
            {t.openQueue}
          </button>
        )}
      </div>
      <Receipt permit={permit} info={info} tenders={tender ? [tender] : []} />
    </main>
  );
}
