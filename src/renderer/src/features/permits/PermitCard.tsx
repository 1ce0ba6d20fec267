import type { Permit } from '../../../../shared/permits/permit';
import { useT } from '../../i18n/useT';
import { REFUND_METHODS } from '../../../../shared/money/tender-rules';
import { useKiosk } from '../../app/store';
import { CANCEL_REASONS, cancelMoney, type CancelStep } from './permit-changes';
import { checkRefund } from '../payment/tender-form';
import { PinInput } from '../admin-pin/PinInput';
import { RadioButtons } from '../../ui/RadioButtons';
import { CentsKeypad, TenderForm } from '../payment/TenderForm';
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

/**
 * Money back on a cancel: none unless the attendant says so; then up to what was paid, by cash, card or voucher,
 * with the admin PIN typed here when the amount is above the kiosk's limit.
 */
function RefundChoice({ step, currency }: { step: CancelStep; currency: string }) {
  const { t, money } = useT();
  const info = useKiosk((s) => s.info);
  const { changeRefund, setCancelPin } = useKiosk.getState();
  const { payments, refund } = step;
  if (!payments) {
    return (
      <p className="refund__note" role="status">
        {t.refundLoading}
      </p>
    );
  }
  if (payments.refundableCents === 0) return <p className="refund__note">{t.refundNothingPaid}</p>;
  const refundable = money(payments.refundableCents, currency);
  const limit = info?.refundPinAboveCents ?? null;
  const check = checkRefund(refund, payments.refundableCents, limit);
  const methodLabel = { cash: t.tenderCash, card: t.tenderCard, voucher: t.tenderVoucher } as const;
  return (
    <div className="refund">
      <p className="refund__paid">{t.refundPaid(refundable)}</p>
      <RadioButtons
        label={t.refundTitle}
        options={[
          { value: 'keep', label: t.refundKeep },
          { value: 'give', label: t.refundGive },
        ]}
        selected={refund.give ? 'give' : 'keep'}
        onSelect={(choice) => changeRefund({ give: choice === 'give' })}
      />
      {refund.give && (
        <div className="refund__give">
          <div className="refund__amount">
            <p className="refund__figure">
              {t.refundAmount}{' '}
              <output data-testid="refund-amount">
                {refund.amountCents === null ? '—' : money(refund.amountCents, currency)}
              </output>
            </p>
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={refund.amountCents === payments.refundableCents}
              onClick={() => changeRefund({ amountCents: payments.refundableCents })}
            >
              {t.refundAll(refundable)}
            </button>
            {!check.ready && <p className="refund__gap">{t.refundGap(check.gap, refundable)}</p>}
            <RadioButtons
              label={t.refundBy}
              options={REFUND_METHODS.map((method) => ({ value: method, label: methodLabel[method] }))}
              selected={refund.method}
              onSelect={(method) => changeRefund({ method })}
            />
          </div>
          <CentsKeypad
            label={t.refundAmountKeys}
            value={refund.amountCents}
            onValue={(amountCents) => changeRefund({ amountCents })}
          />
          {check.ready && check.needsPin && limit !== null && (
            <div className="refund__pin">
              <p className="refund__pin-why">{t.refundNeedsPin(money(limit, currency))}</p>
              <div className="drawer-pin">
                <PinInput pin={step.adminPin} onPin={setCancelPin} />
              </div>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

function PermitActions({ permit, extendChoices }: { permit: Permit; extendChoices: number[] }) {
  const { t, duration, money, end } = useT();
  const info = useKiosk((s) => s.info);
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
        {/* The extension is paid on its own: its tender covers what it adds. */}
        <TenderForm
          amountCents={addedCents}
          currency={permit.currency}
          confirmLabel={extending ? t.extending : t.confirmExtend}
          busy={extending}
          onConfirm={(tender) => void confirmExtend(tender)}
          onBack={closePending}
          showDue={false}
        />
      </div>
    );
  }
  if (pending?.kind === 'cancel') {
    const ready = pending.reason !== null && cancelMoney(pending, info).ready;
    return (
      <div className="permit-card__confirm permit-card__confirm--danger">
        <p className="permit-card__prompt">{t.cancelPrompt(permit.plate)}</p>
        <RadioButtons
          label={t.reason}
          options={CANCEL_REASONS.map((r) => ({ value: r.value, label: t[r.label] }))}
          selected={pending.reason}
          onSelect={chooseCancelReason}
        />
        <RefundChoice step={pending} currency={permit.currency} />
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            aria-busy={cancelling}
            disabled={cancelling || !ready}
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
        onClick={() => void startCancel(permit.ticketNumber)}
      >
        {t.cancel}
      </button>
    </div>
  );
}

/** A permit's details with Extend and Cancel, in the details view of Active permits (whose title names the plate). */
export function PermitCard({ permit, extendChoices, canChange, now }: Props) {
  const { t, money, end, timeLeft } = useT();
  // An open extend or cancel step needs the room: its quote or prompt says what the figures would.
  const stepOpen = useKiosk(
    (s) => s.pending !== null && s.pending.kind !== 'quoting' && s.pending.ticketNumber === permit.ticketNumber,
  );
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
      <dl className="details details--compact" hidden={stepOpen}>
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
