import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
  type InputHTMLAttributes,
  type RefObject,
} from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardLayoutName, TextEdit } from './kiosk-keyboard';
import { KioskKeyboard } from './KioskKeyboard';

/** Where an open kiosk keyboard is drawn: the bottom of the kiosk, below the screen, which shrinks above it. */
const DOCK_ID = 'kiosk-keyboard-dock';

/** The dock, once, at the bottom of the kiosk (App). Empty, it takes no room. */
export function KeyboardDock() {
  return <div id={DOCK_ID} className="keyboard-dock" />;
}

// One keyboard open at a time: which field has it.
let openField: string | null = null;
const listeners = new Set<() => void>();
function setOpenField(field: string | null): void {
  if (openField === field) return;
  openField = field;
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
const currentField = () => openField;

/**
 * Reads and writes an input for the kiosk keys: the text and caret as they are, and the caret put back where the
 * key left it once React has drawn the new value (a controlled input otherwise jumps to the end).
 */
export function useKeyboardTarget(
  input: RefObject<HTMLInputElement | null>,
  value: string,
  onValue: (value: string) => void,
): { read: () => TextEdit; write: (edit: TextEdit) => void } {
  const caret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const field = input.current;
    const at = caret.current;
    caret.current = null;
    // type="url" has no selection to set (its selectionStart is null, and setSelectionRange throws).
    if (field && at !== null && document.activeElement === field && field.selectionStart !== null) {
      const end = Math.min(at, field.value.length);
      field.setSelectionRange(end, end);
    }
  });
  // Read at the tap, not at render: the caret moves without React knowing.
  const read = (): TextEdit => {
    const field = input.current;
    if (field && document.activeElement === field && field.selectionStart !== null) {
      return { value, start: field.selectionStart, end: field.selectionEnd ?? field.selectionStart };
    }
    return { value, start: value.length, end: value.length };
  };
  const write = (edit: TextEdit) => {
    caret.current = edit.start;
    onValue(edit.value);
  };
  return { read, write };
}

export type KeyboardFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'inputMode'> & {
  /** Which keys the field needs. */
  keyboard: KeyboardLayoutName;
  /** The keyboard's accessible name ("Keyboard: Controller URL"). */
  keyboardLabel: string;
  value: string;
  onValue: (value: string) => void;
  /** The operating system's soft keyboard, while the kiosk's own is closed. */
  inputMode?: 'text' | 'numeric' | 'url' | 'none';
  /** Only keys for characters the field keeps. */
  only?: RegExp;
};

/**
 * A text input with the kiosk's keyboard: a tap on it opens the keys docked at the bottom of the screen and scrolls
 * the field into view above them; the keys type at the caret; Done, Escape, or a tap elsewhere closes them. A
 * physical keyboard types in the input as in any other. The keys never show what was typed (no preview bubble),
 * so a secret field (the API token) is echoed nowhere but in its own input.
 */
export function KeyboardField({
  keyboard,
  keyboardLabel,
  value,
  onValue,
  inputMode,
  only,
  onClick,
  onKeyDown,
  maxLength,
  ...rest
}: KeyboardFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const open = useSyncExternalStore(subscribe, currentField) === id;
  const { read, write } = useKeyboardTarget(input, value, onValue);

  // A field that goes (another screen, idle reset) takes its keyboard with it.
  useEffect(
    () => () => {
      if (openField === id) setOpenField(null);
    },
    [id],
  );

  useEffect(() => {
    if (!open) return;
    const field = input.current;
    // The screen has just shrunk above the keys: bring the field back into view there, and after a resize.
    const reveal = () => field?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    reveal();
    // A tap anywhere but the field and its keys closes them, once that tap has done its own work.
    const onTap = (event: Event) => {
      // A tap on another kiosk-keyboard field has already given the keys to that field: leave them there.
      if (openField !== id) return;
      const target = event.target as Node | null;
      if (!target || field?.contains(target) || document.getElementById(DOCK_ID)?.contains(target)) return;
      setOpenField(null);
    };
    window.addEventListener('resize', reveal);
    document.addEventListener('click', onTap);
    return () => {
      window.removeEventListener('resize', reveal);
      document.removeEventListener('click', onTap);
    };
  }, [open, id]);

  const dock = open ? document.getElementById(DOCK_ID) : null;
  return (
    <>
      <input
        {...rest}
        ref={input}
        value={value}
        maxLength={maxLength}
        // While the kiosk's keys show, the operating system's own keyboard has no reason to.
        inputMode={open ? 'none' : inputMode}
        onChange={(event) => onValue(event.target.value)}
        onClick={(event) => {
          setOpenField(id);
          onClick?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && open) {
            event.preventDefault();
            setOpenField(null);
          }
          onKeyDown?.(event);
        }}
      />
      {dock &&
        createPortal(
          <KioskKeyboard
            docked
            layout={keyboard}
            label={keyboardLabel}
            read={read}
            write={write}
            maxLength={maxLength}
            only={only}
            onDone={() => setOpenField(null)}
          />,
          dock,
        )}
    </>
  );
}
