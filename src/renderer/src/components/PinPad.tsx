import { useT } from '../i18n/useT';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface Props {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  disabled?: boolean;
}

/** The kiosk has no keyboard: a supervisor enters the admin PIN here, with gloves if need be. */
export function PinPad({ onDigit, onBackspace, onClear, disabled = false }: Props) {
  const { t } = useT();
  return (
    <div className="pin-pad" role="group" aria-label={t.pinKeys}>
      {DIGITS.map((digit) => (
        <button key={digit} type="button" className="key" disabled={disabled} onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key--word" disabled={disabled} onClick={onClear}>
        {t.clear}
      </button>
      <button type="button" className="key" disabled={disabled} onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="key key--word" disabled={disabled} onClick={onBackspace}>
        {t.pinDelete}
      </button>
    </div>
  );
}
