import { useState, type MouseEvent } from 'react';
import { useT } from '../../i18n/useT';
import {
  KEYBOARD_LAYOUTS,
  keyCharacter,
  NO_CASE,
  pressKey,
  type KeyboardLayoutName,
  type KeyDef,
  type TextEdit,
} from './kiosk-keyboard';
import { TYPING_AREA_ATTRIBUTE } from './usePhysicalKeyboard';

interface Props {
  layout: KeyboardLayoutName;
  /** The group's accessible name: which field the keys type into. */
  label: string;
  /** The field's text and caret right now. */
  read: () => TextEdit;
  /** The field after a key. */
  write: (edit: TextEdit) => void;
  /** The Done key closes the keyboard; without it there is no Done key (Start shift's keys always show). */
  onDone?: (() => void) | undefined;
  maxLength?: number | undefined;
  /** Only keys for characters the field keeps (a name drops `&` or `#`: no key for them). */
  only?: RegExp | undefined;
  docked?: boolean;
}

/** A tap on a key must not take the focus (and the caret) away from the field being typed. */
const keepFocus = (event: MouseEvent) => event.preventDefault();

/**
 * The kiosk's own keyboard: lot stations have a touch screen and no keyboard, so every free-text field types
 * here. Each key is a button named by what it types ("é", "https://") or does ("Backspace", "Done").
 */
export function KioskKeyboard({ layout, label, read, write, onDone, maxLength, only, docked = false }: Props) {
  const { t } = useT();
  const [keyCase, setKeyCase] = useState(NO_CASE);
  const definition = KEYBOARD_LAYOUTS[layout];

  const press = (key: KeyDef) => {
    if (key.kind === 'done') return onDone?.();
    const before = read();
    const after = pressKey(definition, { edit: before, case: keyCase }, key, maxLength);
    setKeyCase(after.case);
    if (after.edit !== before) write(after.edit);
  };

  const shown = (key: KeyDef): boolean => {
    if (key.kind === 'done') return onDone !== undefined;
    if (!only) return true;
    if (key.kind === 'char') return only.test(key.char);
    if (key.kind === 'text') return [...key.text].every((c) => only.test(c));
    if (key.kind === 'space') return only.test(' ');
    return true;
  };

  const face = (key: KeyDef): string => {
    switch (key.kind) {
      case 'char':
        return keyCharacter(definition, key.char, keyCase);
      case 'text':
        return key.text;
      case 'shift':
        return t.keyShift;
      case 'caps':
        return t.keyCapsLock;
      case 'space':
        return t.space;
      case 'backspace':
        return t.backspace;
      case 'clear':
        return t.clear;
      case 'done':
        return t.done;
    }
  };

  return (
    <div
      className={`kiosk-keyboard kiosk-keyboard--${layout}${docked ? ' kiosk-keyboard--docked' : ''}`}
      role="group"
      aria-label={label}
      data-testid="kiosk-keyboard"
      // A space or Enter from a physical keyboard types in the field; it must not press the key tapped last.
      {...{ [TYPING_AREA_ATTRIBUTE]: '' }}
    >
      {definition.rows.map((row, rowIndex) => (
        <div className="kiosk-keyboard__row" key={rowIndex}>
          {row.filter(shown).map((key, index) => (
            <button
              key={`${key.kind}-${index}`}
              type="button"
              className={`kiosk-key kiosk-key--${key.kind}`}
              aria-pressed={key.kind === 'shift' ? keyCase.shift : key.kind === 'caps' ? keyCase.caps : undefined}
              onMouseDown={keepFocus}
              onClick={() => press(key)}
            >
              {face(key)}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
