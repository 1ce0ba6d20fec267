import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/useT';
import { pinDigits } from './pin-digits';
import { PinPad } from './PinPad';

/**
 * The one admin PIN input, for every prompt that asks for it (Settings, the first PIN, the queue's discard, the
 * reconciliation, a refund, the drawer's close and X-report, a late plate fix). However the digits come — typed,
 * pasted, tapped on the pad — the field keeps only digits, at most eight (`pinDigits`).
 */

interface FieldProps {
  pin: string;
  /** Not needed for a pad-only field, whose keys change the PIN themselves. */
  onPin?: (pin: string) => void;
  /** The field's accessible name: "Admin PIN", or the first-PIN screen's "Choose…" / "Repeat…". */
  label: string;
  disabled?: boolean;
  /** Only the pad types: a keyboard's keys go elsewhere (the plate fix step's plate). */
  padOnly?: boolean;
  autoFocus?: boolean;
  /** Enter in the field, e.g. "Open settings". */
  onEnter?: () => void;
}

/** The PIN's field: dots, digits only, at most eight. */
export function PinField({ pin, onPin, label, disabled = false, padOnly = false, autoFocus, onEnter }: FieldProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (onEnter && event.key === 'Enter') {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <input
      className="pin-input"
      type="password"
      readOnly={padOnly}
      inputMode={padOnly ? 'none' : 'numeric'}
      autoComplete="off"
      aria-label={label}
      autoFocus={autoFocus}
      disabled={disabled}
      value={pin}
      onChange={(event) => onPin?.(pinDigits(event.target.value))}
      onKeyDown={onKeyDown}
    />
  );
}

/** The PIN's keys, under the same rule as its field: a ninth digit is not taken. */
export function PinKeys({ pin, onPin, disabled }: { pin: string; onPin: (pin: string) => void; disabled?: boolean }) {
  return (
    <PinPad
      disabled={disabled}
      onDigit={(digit) => onPin(pinDigits(pin + digit))}
      onBackspace={() => onPin(pin.slice(0, -1))}
      onClear={() => onPin('')}
    />
  );
}

/** The common prompt: "Admin PIN" over its field, then its keys. */
export function PinInput({
  pin,
  onPin,
  disabled = false,
  onEnter,
}: {
  pin: string;
  onPin: (pin: string) => void;
  disabled?: boolean;
  onEnter?: () => void;
}) {
  const { t } = useT();
  return (
    <>
      <label className="queue-step__label">
        {t.adminPin}
        <PinField pin={pin} onPin={onPin} label={t.adminPin} disabled={disabled} onEnter={onEnter} />
      </label>
      <PinKeys pin={pin} onPin={onPin} disabled={disabled} />
    </>
  );
}
