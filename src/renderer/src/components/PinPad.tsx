const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface Props {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onClear: () => void;
}

/** The kiosk has no keyboard: a supervisor enters the admin PIN here, with gloves if need be. */
export function PinPad({ onDigit, onBackspace, onClear }: Props) {
  return (
    <div className="pin-pad" role="group" aria-label="PIN keys">
      {DIGITS.map((digit) => (
        <button key={digit} type="button" className="key" onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key--word" onClick={onClear}>
        Clear
      </button>
      <button type="button" className="key" onClick={() => onDigit('0')}>
        0
      </button>
      <button type="button" className="key key--word" onClick={onBackspace}>
        Delete
      </button>
    </div>
  );
}
