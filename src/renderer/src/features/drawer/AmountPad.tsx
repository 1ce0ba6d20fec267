import { AMOUNT_MAX_DIGITS, centsOfDigits } from './drawer-arithmetic';
import { useT } from '../../i18n/useT';
import { KioskKeyboard } from '../keyboard/KioskKeyboard';

interface Props {
  /** The digits typed so far: the amount in cents, filled from the cents up as on a till. */
  digits: string;
  onDigits: (digits: string) => void;
  currency: string;
  /** What the amount is ("Float", "Amount"): the display's name. */
  label: string;
}

/** An amount on the kiosk's number keys, shown as money as it is typed ("1250" reads $12.50). */
export function AmountPad({ digits, onDigits, currency, label }: Props) {
  const { t, money } = useT();
  return (
    <div className="amount-pad">
      <p className="amount-pad__display">
        <span className="amount-pad__label">{label}</span>
        <output className="amount-pad__value" aria-label={label} data-testid="amount-display">
          {money(centsOfDigits(digits), currency)}
        </output>
      </p>
      <KioskKeyboard
        layout="number"
        label={t.amountKeys}
        read={() => ({ value: digits, start: digits.length, end: digits.length })}
        write={(edit) => onDigits(edit.value)}
        maxLength={AMOUNT_MAX_DIGITS}
      />
    </div>
  );
}
