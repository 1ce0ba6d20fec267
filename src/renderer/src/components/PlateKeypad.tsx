import { useKiosk } from '../store';
import { TYPING_AREA_ATTRIBUTE } from '../usePhysicalKeyboard';

/** QWERTY order: attendants find letters where their hands expect them. */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'] as const;

export function PlateKeypad() {
  const typeCharacter = useKiosk((s) => s.typeCharacter);
  const backspace = useKiosk((s) => s.backspace);

  return (
    <div className="keypad" role="group" aria-label="Plate keys" {...{ [TYPING_AREA_ATTRIBUTE]: '' }}>
      {ROWS.map((row, rowIndex) =>
        [...row].map((character, index) => (
          <button
            key={character}
            type="button"
            className={`key${index === 0 ? ` key--row-${rowIndex + 1}` : ''}`}
            onClick={() => typeCharacter(character)}
          >
            {character}
          </button>
        )),
      )}
      <button type="button" className="key key--wide" onClick={backspace}>
        Backspace
      </button>
    </div>
  );
}
