import { useState } from 'react';
import { PinPad } from './PinPad';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';

const PIN = /^\d{4,8}$/;

/**
 * A new kiosk has no admin PIN (there is no default to guess): before anything is sold a supervisor chooses one,
 * typing it twice on the kiosk's own keys.
 */
export function SetPinScreen() {
  const { t } = useT();
  const [first, setFirst] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const saving = useKiosk((s) => s.inFlight.firstPin);
  const setFirstPin = useKiosk((s) => s.setFirstPin);

  const next = async () => {
    if (saving) return;
    if (!PIN.test(pin)) return setProblem(t.setPinTooShort);
    if (first === null) {
      setFirst(pin);
      setPin('');
      return setProblem(null);
    }
    if (pin !== first) {
      setFirst(null);
      setPin('');
      return setProblem(t.setPinMismatch);
    }
    setProblem(null);
    if (!(await setFirstPin(pin))) {
      setFirst(null);
      setPin('');
    }
  };

  const label = first === null ? t.setPinEnter : t.setPinRepeat;
  return (
    <main className="screen settings-screen">
      <h1 className="screen-title">{t.setPinTitle}</h1>
      <div className="pin-gate">
        <p className="pin-gate__prompt">{t.setPinIntro}</p>
        <label className="queue-step__label">
          {label}
          <input
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label={label}
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void next();
            }}
          />
        </label>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <PinPad
          disabled={saving}
          onDigit={(digit) => setPin((current) => (current.length < 8 ? current + digit : current))}
          onBackspace={() => setPin((current) => current.slice(0, -1))}
          onClear={() => setPin('')}
        />
        <button
          type="button"
          className="button button--primary pin-gate__open"
          aria-busy={saving}
          disabled={!pin || saving}
          onClick={() => void next()}
        >
          {saving ? t.setPinSaving : first === null ? t.setPinNext : t.setPinSave}
        </button>
      </div>
    </main>
  );
}
