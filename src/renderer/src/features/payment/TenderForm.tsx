import { useState } from 'react';
import type { TenderInput } from '../../../../shared/money/ledger-entries';
import { cashQuickAmounts } from '../../../../shared/money/tender-rules';
import { useT } from '../../i18n/useT';
import { AMOUNT_MAX_DIGITS } from '../drawer/drawer-arithmetic';
import { centsOfKeys, checkTender, EMPTY_TENDER, TENDER_CHOICES, type TenderDraft } from './tender-form';
import { KeyboardField } from '../keyboard/KeyboardField';
import { KioskKeyboard } from '../keyboard/KioskKeyboard';
import { RadioButtons } from '../../ui/RadioButtons';

/**
 * The amount keys of the payment and refund steps: the kiosk's number keys, filling from the cents up as on a
 * till and as the drawer's amount keys do (AmountPad), for an amount kept in cents, null until one is typed.
 */
export function CentsKeypad({
  label,
  value,
  onValue,
}: {
  label: string;
  value: number | null;
  onValue: (cents: number | null) => void;
}) {
  const digits = value === null ? '' : String(value);
  return (
    <KioskKeyboard
      layout="number"
      label={label}
      read={() => ({ value: digits, start: digits.length, end: digits.length })}
      write={(edit) => onValue(centsOfKeys(edit.value))}
      maxLength={AMOUNT_MAX_DIGITS}
    />
  );
}

interface Props {
  amountCents: number;
  currency: string;
  /** The primary button's words ("Issue permit", "Confirm extend"). */
  confirmLabel: string;
  busy: boolean;
  onConfirm: (tender: TenderInput) => void;
  onBack: () => void;
  /** The amount due, large; an extension's quote already says it. */
  showDue?: boolean;
}

/**
 * How the driver pays for a sale or an extension: cash with the change shown large before anything is confirmed,
 * card with its optional last 4 digits and approval code, voucher or complimentary with a reason. The draft lives
 * here: closing the step forgets it, as leaving the screen does.
 */
export function TenderForm({ amountCents, currency, confirmLabel, busy, onConfirm, onBack, showDue = true }: Props) {
  const { t, money } = useT();
  const [draft, setDraft] = useState<TenderDraft>(EMPTY_TENDER);
  const change = (patch: Partial<TenderDraft>) => setDraft((current) => ({ ...current, ...patch }));
  const check = checkTender(draft, amountCents);
  const quick = cashQuickAmounts(amountCents);
  const choiceLabel = {
    cash: t.tenderCash,
    card: t.tenderCard,
    voucher: t.tenderVoucher,
    complimentary: t.tenderComplimentary,
  } as const;
  const gapText = check.ready
    ? null
    : check.gap === 'cash-short'
      ? t.tenderShort(money(check.shortCents ?? 0, currency))
      : t.tenderGap(check.gap);

  return (
    <div className="tender" data-testid="tender">
      {showDue && (
        <p className="tender__due">
          {t.tenderDue} <strong data-testid="tender-due">{money(amountCents, currency)}</strong>
        </p>
      )}
      <RadioButtons
        label={t.tenderPaidBy}
        options={TENDER_CHOICES.map((choice) => ({ value: choice, label: choiceLabel[choice] }))}
        selected={draft.choice}
        onSelect={(choice) => change({ choice })}
      />
      {draft.choice === 'cash' && (
        <div className="tender__cash">
          <div className="tender__cash-pick">
            <div className="tender__quick" role="group" aria-label={t.tenderQuickAmounts}>
              {quick.map((cents) => (
                <button
                  key={cents}
                  type="button"
                  className="button button--secondary tender__quick-amount"
                  aria-pressed={draft.tenderedCents === cents}
                  onClick={() => change({ tenderedCents: cents })}
                >
                  {cents === amountCents ? t.tenderExact(money(cents, currency)) : money(cents, currency)}
                </button>
              ))}
            </div>
            <p className="tender__tendered">
              {t.tenderTendered}{' '}
              <output data-testid="tender-tendered">
                {draft.tenderedCents === null ? '—' : money(draft.tenderedCents, currency)}
              </output>
            </p>
            {/* The change is what the attendant counts out: the largest thing on the step. */}
            <p className="tender__change" data-testid="tender-change" aria-live="polite">
              {check.ready && check.changeCents !== null
                ? t.tenderChange(money(check.changeCents, currency))
                : (gapText ?? '')}
            </p>
          </div>
          <CentsKeypad
            label={t.tenderAmountKeys}
            value={draft.tenderedCents}
            onValue={(tenderedCents) => change({ tenderedCents })}
          />
        </div>
      )}
      {draft.choice === 'card' && (
        <div className="tender__fields">
          <label className="field tender__field">
            <span className="field-label">{t.tenderLast4}</span>
            <KeyboardField
              className="text-input"
              keyboard="number"
              keyboardLabel={t.keyboardFor(t.tenderLast4)}
              inputMode="numeric"
              maxLength={4}
              only={/^\d$/}
              autoComplete="off"
              value={draft.last4}
              onValue={(last4) => change({ last4: last4.replace(/\D/g, '').slice(0, 4) })}
            />
          </label>
          <label className="field tender__field">
            <span className="field-label">{t.tenderApproval}</span>
            <KeyboardField
              className="text-input"
              keyboard="code"
              keyboardLabel={t.keyboardFor(t.tenderApproval)}
              maxLength={12}
              autoComplete="off"
              spellCheck={false}
              value={draft.approvalCode}
              onValue={(approvalCode) => change({ approvalCode: approvalCode.toUpperCase() })}
            />
          </label>
          <p className="tender__hint">{t.tenderCardOptional}</p>
        </div>
      )}
      {(draft.choice === 'voucher' || draft.choice === 'complimentary') && (
        <div className="tender__fields">
          <label className="field tender__field">
            <span className="field-label">{t.tenderReason}</span>
            <KeyboardField
              className="text-input"
              keyboard="text"
              keyboardLabel={t.keyboardFor(t.tenderReason)}
              maxLength={200}
              autoComplete="off"
              value={draft.reason}
              onValue={(reason) => change({ reason })}
            />
          </label>
        </div>
      )}
      {draft.choice !== 'cash' && gapText && <p className="tender__gap">{gapText}</p>}
      <div className="actions dialog__actions">
        <button type="button" className="button button--secondary" disabled={busy} onClick={onBack}>
          {t.back}
        </button>
        <button
          type="button"
          className="button button--primary tender__confirm"
          aria-busy={busy}
          disabled={!check.ready || busy}
          onClick={() => {
            if (check.ready) onConfirm(check.tender);
          }}
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
