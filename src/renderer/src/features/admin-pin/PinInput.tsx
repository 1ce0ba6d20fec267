import { useT } from '../../i18n/useT';
import { PinPad } from './PinPad';

/** The admin PIN on its field and keys, for a supervisor's approval. */
export function PinEntry({ pin, onPin, disabled }: { pin: string; onPin: (pin: string) => void; disabled: boolean }) {
  const { t } = useT();
  return (
    <div className="drawer-pin">
      <label className="queue-step__label">
        {t.adminPin}
        <input
          className="pin-input"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-label={t.adminPin}
          value={pin}
          disabled={disabled}
          onChange={(event) => onPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <PinPad
        disabled={disabled}
        onDigit={(digit) => onPin((pin + digit).slice(0, 8))}
        onBackspace={() => onPin(pin.slice(0, -1))}
        onClear={() => onPin('')}
      />
    </div>
  );
}
