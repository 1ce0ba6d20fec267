import type { Permit } from '../../../shared/domain';
import { useT } from '../i18n/useT';
import { CANCEL_REASONS, useKiosk } from '../store';
import { RadioButtons } from './RadioButtons';
import { SyncBadge } from './SyncBadge';
import { ExtraCopiesNote } from './UnreachableCopies';

interface Props {
  permit: Permit;
  /** Minutes offered for an extension: the kiosk's default first, then the zone's own durations. */
  extendChoices: number[];
  /** False without an open shift: main refuses extend and cancel then, so the buttons are not offered. */
  canChange: boolean;
  now: Date;
}

function PermitActions({ permit, extendChoices }: { permit: Permit; extendChoices: number[] }) {
  const { t, duration, money, end } = useT();
  const pending = useKiosk((s) => (s.pending?.ticketNumber === permit.ticketNumber ? s.pending : null));
  const quoting = useKiosk((s) => s.inFlight.quote);
  const extending = useKiosk((s) => s.inFlight.extend);
  const cancelling = useKiosk((s) => s.inFlight.cancel);
  const { startExtend, confirmExtend, startCancel, chooseCancelReason, confirmCancel, closePending } =
    useKiosk.getState();

  if (pending?.kind === 'quoting') {
    return (
      <p className="permit-card__prompt" role="status">
        {t.checkingPrice}
      </p>
    );
  }
  if (pending?.kind === 'extend') {
    const { newEndAt, addedCents } = pending.quote;
    return (
      <div className="permit-card__confirm">
        <p className="permit-card__prompt" data-testid="extend-quote">
          {t.extendQuote(end(newEndAt), money(addedCents, permit.currency))}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-busy={extending}
            disabled={extending}
            onClick={() => void confirmExtend()}
          >
            {extending ? t.extending : t.confirmExtend}
          </button>
          <button type="button" className="button button--secondary" disabled={extending} onClick={closePending}>
            {t.back}
          </button>
        </div>
      </div>
    );
  }
  if (pending?.kind === 'cancel') {
    return (
      <div className="permit-card__confirm permit-card__confirm--danger">
        <p className="permit-card__prompt">{t.cancelPrompt(permit.plate)}</p>
        <RadioButtons
          label={t.reason}
          options={CANCEL_REASONS.map((r) => ({ value: r.value, label: t[r.label] }))}
          selected={pending.reason}
          onSelect={chooseCancelReason}
        />
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            aria-busy={cancelling}
            disabled={cancelling || !pending.reason}
            onClick={() => void confirmCancel()}
          >
            {cancelling ? t.cancelling : t.confirmCancel}
          </button>
          <button type="button" className="button button--secondary" disabled={cancelling} onClick={closePending}>
            {t.keepPermit}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="permit-card__actions">
      <div className="extend-choices" role="group" aria-label={t.extendBy}>
        <span className="extend-choices__title" aria-hidden="true">
          {t.extendBy}
        </span>
        {extendChoices.map((minutes, index) => (
          <button
            key={minutes}
            type="button"
            className={`button ${index === 0 ? 'button--primary' : 'button--secondary'} extend-choice`}
            disabled={quoting}
            onClick={() => void startExtend(permit.ticketNumber, minutes)}
          >
            {/* Named "Extend +30 min"; the group title says "Extend by" once for the eye. */}
            <span className="visually-hidden">{t.extendPreset(duration(minutes))}</span>
            <span aria-hidden="true">+{duration(minutes)}</span>
          </button>
        ))}
      </div>
      <button
        type="button"
        className="button button--secondary permit-card__cancel"
        onClick={() => startCancel(permit.ticketNumber)}
      >
        {t.cancel}
      </button>
    </div>
  );
}

/** A permit's details with Extend and Cancel, in the details view of Active permits (whose title names the plate). */
export function PermitCard({ permit, extendChoices, canChange, now }: Props) {
  const { t, money, end, timeLeft } = useT();
  return (
    <div className="permit-card" data-testid="permit-card" data-ticket={permit.ticketNumber}>
      <div className="permit-card__head">
        <span className="permit-card__left" data-testid="time-left">
          {timeLeft(permit.endAt, now)}
        </span>
        <SyncBadge sync={permit.sync} />
      </div>
      {permit.sync === 'attention' && permit.syncProblem && (
        <p className="permit-card__sync-message">{t.problem(permit.syncProblem)}</p>
      )}
      <ExtraCopiesNote copies={permit.unreachableCopies} heldWithoutReference={permit.heldWithoutReference} />
      <dl className="details details--compact">
        <div className="detail-row">
          <dt>{t.zone}</dt>
          <dd>{permit.zone}</dd>
        </div>
        <div className="detail-row">
          <dt>{t.endsAt}</dt>
          <dd>{end(permit.endAt, now)}</dd>
        </div>
        <div className="detail-row">
          <dt>{t.amount}</dt>
          <dd>{money(permit.amountCents, permit.currency)}</dd>
        </div>
        <div className="detail-row">
          <dt>{t.ticket}</dt>
          <dd>{permit.ticketNumber}</dd>
        </div>
      </dl>
      {canChange && <PermitActions permit={permit} extendChoices={extendChoices} />}
    </div>
  );
}
