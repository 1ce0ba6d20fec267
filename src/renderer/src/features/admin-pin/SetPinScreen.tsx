import { useState } from 'react';
import { PinField, PinKeys } from './PinInput';
import { WHOLE_PIN } from './pin-digits';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';

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
    if (!WHOLE_PIN.test(pin)) return setProblem(t.setPinTooShort);
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
          <PinField pin={pin} onPin={setPin} label={label} onEnter={() => void next()} />
        </label>
        {problem && (
          <p className="field__error" role="alert">
            {problem}
          </p>
        )}
        <PinKeys pin={pin} onPin={setPin} disabled={saving} />
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
