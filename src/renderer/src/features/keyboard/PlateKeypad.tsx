import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { TYPING_AREA_ATTRIBUTE } from './usePhysicalKeyboard';

/** QWERTY order: attendants find letters where their hands expect them. */
const ROWS = ['1234567890', 'QWERTYUIOP', 'ASDFGHJKL', 'ZXCVBNM'] as const;

interface Props {
  /** Defaults to the issue screen's plate; the queue's plate correction and Start shift pass their own field. */
  onCharacter?: (character: string) => void;
  onBackspace?: () => void;
  /** Adds a Space key (names, not plates). */
  withSpace?: boolean;
  /** The group's accessible name; defaults to "Plate keys". */
  label?: string;
}

export function PlateKeypad({ onCharacter, onBackspace, withSpace = false, label }: Props) {
  const storeType = useKiosk((s) => s.typeCharacter);
  const storeBackspace = useKiosk((s) => s.backspace);
  const { t } = useT();
  const typeCharacter = onCharacter ?? storeType;
  const backspace = onBackspace ?? storeBackspace;

  return (
    <div
      className={withSpace ? 'keypad keypad--with-space' : 'keypad'}
      role="group"
      aria-label={label ?? t.plateKeys}
      {...{ [TYPING_AREA_ATTRIBUTE]: '' }}
    >
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
      {withSpace && (
        <button type="button" className="key key--space" onClick={() => typeCharacter(' ')}>
          {t.space}
        </button>
      )}
      <button type="button" className="key key--wide" onClick={backspace}>
        {t.backspace}
      </button>
    </div>
  );
}
