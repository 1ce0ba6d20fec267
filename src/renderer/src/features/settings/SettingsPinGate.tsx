import { useState } from 'react';
import { DEMO_ADMIN_PIN } from '../../../../shared/demo';
import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { PinField, PinKeys } from '../admin-pin/PinInput';
import { usePinLock } from '../admin-pin/PinPad';

/**
 * A supervisor's PIN first; main checks it and, after five wrong tries, locks it for a while and says until when.
 * During the lock-out the field, the keys and "Open settings" are off and the pad counts down. Landscape puts the
 * keys beside the field so the whole gate fits under the bars and a banner at 1024×768.
 */
export function SettingsPinGate() {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const checking = useKiosk((s) => s.inFlight.settings);
  const unlock = useKiosk((s) => s.unlockSettings);
  const demo = useKiosk((s) => s.info?.adminPin === 'demo');
  const { locked } = usePinLock();
  const submit = async () => {
    if (!pin || checking || locked) return;
    // A refused PIN is cleared so the next try starts clean; main's reason shows in the alert.
    if (!(await unlock(pin))) setPin('');
  };

  return (
    <main className="screen settings-screen pin-screen">
      <h1 className="screen-title">{t.settingsTitle}</h1>
      <div className="pin-gate">
        <div className="pin-gate__side">
          <p className="pin-gate__prompt">{t.settingsPinPrompt}</p>
          {demo && (
            <p className="warning-note" data-testid="demo-pin">
              {t.demoPinNotice(DEMO_ADMIN_PIN)}
            </p>
          )}
          <PinField
            pin={pin}
            onPin={setPin}
            label={t.adminPin}
            autoFocus
            disabled={locked}
            onEnter={() => void submit()}
          />
          <button
            type="button"
            className="button button--primary pin-gate__open"
            aria-busy={checking}
            disabled={!pin || checking || locked}
            onClick={() => void submit()}
          >
            {checking ? t.checking : t.openSettings}
          </button>
        </div>
        <PinKeys pin={pin} onPin={setPin} disabled={checking} />
      </div>
    </main>
  );
}
