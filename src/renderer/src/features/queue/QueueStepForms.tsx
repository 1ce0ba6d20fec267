import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OutboxItem } from '../../../../shared/outbox/outbox-view';
import { cleanPlate } from '../../ui/format';
import { QUEUE_KIND_LABEL } from '../../i18n/labels';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { PinInput } from '../admin-pin/PinInput';
import { PlateKeypad } from '../keyboard/PlateKeypad';

const onEnter = (submit: () => void) => (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') {
    event.preventDefault();
    submit();
  }
};

/** The field opens inside a long list; bring it, keys and buttons, into view. */
function useRevealed<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  // Braces matter: newer engines return a promise from scrollIntoView, and React would call it as a cleanup.
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return ref;
}

/** The typo case: the attendant fixes the plate OPSCOM refused and sends the same action again. */
export function CorrectPlateForm({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const [plate, setPlate] = useState(item.plate);
  const busy = useKiosk((s) => s.queueWork !== null);
  const sending = useKiosk((s) => s.queueWork?.kind === 'correct');
  const { correctPlate, closeQueueStep } = useKiosk.getState();
  const ref = useRevealed<HTMLDivElement>();
  const submit = () => {
    if (plate && !busy) void correctPlate(item.actionId, plate);
  };

  return (
    <div className="queue-step" ref={ref}>
      <label className="queue-step__label">
        {t.correctedPlate}
        {/* inputMode none: the keypad below types; a USB keyboard still can, without a soft keyboard popping up. */}
        <input
          className="plate-display"
          inputMode="none"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={plate}
          onChange={(event) => setPlate(cleanPlate(event.target.value))}
          onKeyDown={onEnter(submit)}
        />
      </label>
      <PlateKeypad
        onCharacter={(character) => setPlate((current) => cleanPlate(current + character))}
        onBackspace={() => setPlate((current) => current.slice(0, -1))}
      />
      <div className="actions">
        <button type="button" className="button button--primary" disabled={!plate || busy} onClick={submit}>
          {sending ? t.sending : t.sendCorrected}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={closeQueueStep}>
          {t.back}
        </button>
      </div>
    </div>
  );
}

/** Dropping an action is a supervisor's call: main checks the admin PIN and says so when it is wrong. */
export function DiscardForm({ item }: { item: OutboxItem }) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  const busy = useKiosk((s) => s.queueWork !== null);
  const discarding = useKiosk((s) => s.queueWork?.kind === 'discard');
  const { discard, closeQueueStep } = useKiosk.getState();
  const ref = useRevealed<HTMLDivElement>();
  const submit = async () => {
    if (!pin || busy) return;
    // A refused PIN is cleared so the next try starts clean; the reason shows in the alert.
    if (!(await discard(item.actionId, pin))) setPin('');
  };

  return (
    <div className="queue-step queue-step--danger" ref={ref}>
      <p className="queue-step__prompt">{t.discardPrompt(t[QUEUE_KIND_LABEL[item.kind]], item.plate)}</p>
      <PinInput pin={pin} onPin={setPin} onEnter={() => void submit()} />
      <div className="actions">
        <button type="button" className="button button--danger" disabled={!pin || busy} onClick={() => void submit()}>
          {discarding ? t.discarding : t.confirmDiscard}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={closeQueueStep}>
          {t.back}
        </button>
      </div>
    </div>
  );
}
