import { useT } from '../../i18n/useT';
import { formatClock, secondsLeft } from './pin-lock';
import { useKiosk } from '../../app/store';
import { useNow } from '../../ui/useNow';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

interface Props {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onClear: () => void;
  disabled?: boolean;
}

/**
 * Whether main's PIN lock-out is still on, and its countdown ("04:59"), ticking every second while it is.
 * Every PIN prompt reads the same lock: it is main's, for the one admin PIN.
 */
export function usePinLock(): { locked: boolean; clock: string } {
  const until = useKiosk((s) => s.pinLockedUntil);
  // The tick only redraws the clock each second; the time is read at drawing, because a tick up to a second old
  // would show a lock just set as longer than main made it (05:01 for five minutes).
  useNow(1_000);
  const seconds = secondsLeft(until, new Date());
  return { locked: seconds > 0, clock: formatClock(seconds) };
}

/**
 * The kiosk has no keyboard: a supervisor enters the admin PIN here, with gloves if need be. During a lock-out
 * the keys are off and the pad counts down to the lock's end.
 */
export function PinPad({ onDigit, onBackspace, onClear, disabled = false }: Props) {
  const { t } = useT();
  const lock = usePinLock();
  const off = disabled || lock.locked;
  return (
    <div className="pin-pad" role="group" aria-label={t.pinKeys}>
      {lock.locked && (
        // A timer is not read out every second; the banner above said why once.
        <p className="pin-pad__lock" role="timer" data-testid="pin-lock-countdown">
          {t.pinLockedFor(lock.clock)}
        </p>
      )}
      {DIGITS.map((digit) => (
        <button key={digit} type="button" className="key" disabled={off} onClick={() => onDigit(digit)}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key--word" disabled={off} onClick={onClear}>
        {t.clear}
      </button>
      <button type="button" className="key" disabled={off} onClick={() => onDigit('0')}>
        0
      </button>
      {/* The arrow tells it from Clear at a glance; its name is the word alone. */}
      <button type="button" className="key key--word pin-pad__backspace" disabled={off} onClick={onBackspace}>
        <span aria-hidden="true">←</span> {t.pinDelete}
      </button>
    </div>
  );
}
