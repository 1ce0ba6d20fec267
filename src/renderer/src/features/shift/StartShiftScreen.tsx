import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useKeyboardTarget } from '../keyboard/KeyboardField';
import { KioskKeyboard } from '../keyboard/KioskKeyboard';
import { useT } from '../../i18n/useT';
import { ATTENDANT_CHARACTER, ATTENDANT_MAX_LENGTH } from './shift-slice';
import { useKiosk } from '../../app/store';
import { ATTENDANT_FIELD_ATTRIBUTE } from '../keyboard/usePhysicalKeyboard';

/** No shift, no sales: the attendant says who is on duty, by name, badge number or a badge scanner. */
export function StartShiftScreen() {
  const { t } = useT();
  const draft = useKiosk((s) => s.attendantDraft);
  const starting = useKiosk((s) => s.inFlight.shiftStart);
  const { setAttendantDraft, startShift } = useKiosk.getState();
  const input = useRef<HTMLInputElement>(null);
  const { read, write } = useKeyboardTarget(input, draft, setAttendantDraft);

  // A badge scanner types where the focus is: start there.
  useEffect(() => {
    input.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && !event.repeat) {
      event.preventDefault();
      void startShift();
    }
  };

  return (
    <main className="screen start-shift-screen">
      <h1 className="screen-title">{t.startShiftTitle}</h1>
      <p className="start-shift-screen__intro">{t.startShiftIntro}</p>
      <div className="start-shift-screen__form">
        <div className="plate-row">
          {/* inputMode none: the keys below type; a USB keyboard or badge scanner still can. */}
          <input
            ref={input}
            {...{ [ATTENDANT_FIELD_ATTRIBUTE]: '' }}
            className="plate-display attendant-input"
            aria-label={t.attendantLabel}
            placeholder={t.attendantLabel}
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={ATTENDANT_MAX_LENGTH}
            value={draft}
            onChange={(event) => setAttendantDraft(event.target.value)}
            onKeyDown={onKeyDown}
            // Letters typed while a key had the focus are already in the field: go on after them, not before.
            onFocus={(event) => {
              const end = event.currentTarget.value.length;
              event.currentTarget.setSelectionRange(end, end);
            }}
          />
          <button
            type="button"
            className="button button--primary start-shift-screen__start"
            aria-busy={starting}
            disabled={!draft.trim() || starting}
            onClick={() => void startShift()}
          >
            {starting ? t.startingShift : t.startShift}
          </button>
        </div>
        {/* Always shown (a lot station has no other keys): names with French accents, typed at the caret. */}
        <KioskKeyboard
          layout="text"
          label={t.attendantKeys}
          read={read}
          write={write}
          maxLength={ATTENDANT_MAX_LENGTH}
          only={ATTENDANT_CHARACTER}
        />
      </div>
    </main>
  );
}
