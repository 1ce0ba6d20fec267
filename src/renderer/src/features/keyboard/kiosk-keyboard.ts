/**
 * The kiosk's own keyboard, without React or the DOM: its layouts, what a key does to a field's text, and the
 * Shift / Caps lock state. A lot station has a touch screen and no keyboard; every free-text field uses these.
 */

/** One key. `char` types its character (upper case under Shift or Caps lock when `cased`); `text` types a string. */
export type KeyDef =
  | { kind: 'char'; char: string }
  | { kind: 'text'; text: string }
  | { kind: 'shift' }
  | { kind: 'caps' }
  | { kind: 'space' }
  | { kind: 'backspace' }
  | { kind: 'clear' }
  | { kind: 'done' };

export interface KeyboardLayout {
  /** Letters have a case: the layout has Shift and Caps lock. */
  cased: boolean;
  rows: KeyDef[][];
}

export type KeyboardLayoutName = 'text' | 'url' | 'token' | 'code' | 'number' | 'numberList';

const chars = (row: string): KeyDef[] => [...row].map((char) => ({ kind: 'char', char }));
const SHIFT: KeyDef = { kind: 'shift' };
const CAPS: KeyDef = { kind: 'caps' };
const SPACE: KeyDef = { kind: 'space' };
const BACKSPACE: KeyDef = { kind: 'backspace' };
const CLEAR: KeyDef = { kind: 'clear' };
const DONE: KeyDef = { kind: 'done' };

/**
 * QWERTY, as on the booth keyboards attendants know. Letters are written in lower case; Shift and Caps lock give
 * the upper case (É from é, Ç from ç, Œ from œ).
 */
export const KEYBOARD_LAYOUTS: Record<KeyboardLayoutName, KeyboardLayout> = {
  /** Names, reasons, notes: French accents one tap away, and the punctuation names and addresses use. */
  text: {
    cased: true,
    rows: [
      chars("1234567890'-"),
      chars('qwertyuiopéèê'),
      chars('asdfghjklàâç'),
      [SHIFT, ...chars('zxcvbnm,.ôûù')],
      [CAPS, ...chars('ëïîüœ&/()#!?:')],
      [CLEAR, SPACE, BACKSPACE, DONE],
    ],
  },
  /** Controller addresses: no space; the parts of a URL; the scheme and the usual endings in one tap. */
  url: {
    cased: true,
    rows: [
      chars('1234567890'),
      chars('qwertyuiop'),
      [...chars('asdfghjkl'), ...chars(':/')],
      [SHIFT, ...chars('zxcvbnm.-_~')],
      [
        ...chars('?=&%@#'),
        { kind: 'text', text: 'https://' },
        { kind: 'text', text: '.com' },
        { kind: 'text', text: '.io' },
      ],
      [CLEAR, BACKSPACE, DONE],
    ],
  },
  /** OPSCOM API tokens: letters of both cases, digits and dashes (src/shared/settings/setting-fields.ts, ApiTokenSchema). */
  token: {
    cased: true,
    rows: [
      chars('1234567890-'),
      chars('qwertyuiop'),
      [CAPS, ...chars('asdfghjkl')],
      [SHIFT, ...chars('zxcvbnm')],
      [CLEAR, BACKSPACE, DONE],
    ],
  },
  /**
   * Capitals and digits only, as printed on plates: plate search, kiosk ids, currency codes. No case keys, so
   * nothing can be typed in the wrong case.
   */
  code: {
    cased: false,
    rows: [chars('1234567890'), chars('QWERTYUIOP'), chars('ASDFGHJKL'), chars('ZXCVBNM'), [CLEAR, BACKSPACE, DONE]],
  },
  /** Whole numbers: cents, seconds, counts, a PIN. */
  number: {
    cased: false,
    rows: [chars('123'), chars('456'), chars('789'), [CLEAR, ...chars('0'), BACKSPACE], [DONE]],
  },
  /** A list of whole numbers ("15, 30, 60"): a zone's durations. */
  numberList: {
    cased: false,
    rows: [chars('123'), chars('456'), chars('789'), [...chars(','), ...chars('0'), SPACE], [CLEAR, BACKSPACE, DONE]],
  },
};

/** Shift types one upper-case letter and lets go; Caps lock stays until tapped again. */
export interface CaseState {
  shift: boolean;
  caps: boolean;
}

export const NO_CASE: CaseState = { shift: false, caps: false };

export type CaseAction = 'shift' | 'caps' | 'typed';

export function nextCase(state: CaseState, action: CaseAction): CaseState {
  switch (action) {
    case 'shift':
      return { ...state, shift: !state.shift };
    case 'caps':
      return { shift: false, caps: !state.caps };
    case 'typed':
      return state.shift ? { ...state, shift: false } : state;
  }
}

/** Upper case when exactly one of Shift and Caps lock is on, as on a physical keyboard. */
export function isUpper(state: CaseState): boolean {
  return state.shift !== state.caps;
}

/** What a character key shows and types in this case state. */
export function keyCharacter(layout: KeyboardLayout, char: string, state: CaseState): string {
  return layout.cased && isUpper(state) ? char.toLocaleUpperCase('fr-CA') : char;
}

/** A field's text and its selection (`start === end` is the caret). */
export interface TextEdit {
  value: string;
  start: number;
  end: number;
}

export type KeyPress = { kind: 'insert'; text: string } | { kind: 'backspace' } | { kind: 'clear' };

const clamp = (n: number, max: number) => Math.min(Math.max(0, Math.trunc(n)), max);

/** The field after a key: typing replaces the selection; Backspace removes it, or the character before the caret. */
export function editText(edit: TextEdit, press: KeyPress, maxLength?: number): TextEdit {
  const { value } = edit;
  let start = clamp(Math.min(edit.start, edit.end), value.length);
  const end = clamp(Math.max(edit.start, edit.end), value.length);
  switch (press.kind) {
    case 'clear':
      return { value: '', start: 0, end: 0 };
    case 'backspace': {
      if (start === end) {
        if (start === 0) return { value, start, end };
        // A character outside the BMP is two code units: remove both halves.
        const pair =
          start >= 2 && /[\uDC00-\uDFFF]/.test(value[start - 1]!) && /[\uD800-\uDBFF]/.test(value[start - 2]!);
        start -= pair ? 2 : 1;
      }
      return { value: value.slice(0, start) + value.slice(end), start, end: start };
    }
    case 'insert': {
      const room = maxLength === undefined ? Infinity : maxLength - (value.length - (end - start));
      const text = room <= 0 ? '' : press.text.slice(0, room);
      const caret = start + text.length;
      return { value: value.slice(0, start) + text + value.slice(end), start: caret, end: caret };
    }
  }
}

/** What the keyboard knows between taps: the field's text and caret, and the case keys. */
export interface KeyboardState {
  edit: TextEdit;
  case: CaseState;
}

/**
 * One tap on a key. Done changes nothing here (the field closes the keyboard); `maxLength` keeps typed text to
 * the field's limit.
 */
export function pressKey(layout: KeyboardLayout, state: KeyboardState, key: KeyDef, maxLength?: number): KeyboardState {
  switch (key.kind) {
    case 'shift':
    case 'caps':
      return { ...state, case: nextCase(state.case, key.kind) };
    case 'char':
      return {
        edit: editText(state.edit, { kind: 'insert', text: keyCharacter(layout, key.char, state.case) }, maxLength),
        case: nextCase(state.case, 'typed'),
      };
    case 'text':
      return { ...state, edit: editText(state.edit, { kind: 'insert', text: key.text }, maxLength) };
    case 'space':
      return { ...state, edit: editText(state.edit, { kind: 'insert', text: ' ' }, maxLength) };
    case 'backspace':
    case 'clear':
      return { ...state, edit: editText(state.edit, { kind: key.kind }) };
    case 'done':
      return state;
  }
}

/** The taps (Shift included) that type `text` on this layout, or null when a character has no key. */
export function pressesFor(layout: KeyboardLayout, text: string): KeyDef[] | null {
  const keys = layout.rows.flat();
  const presses: KeyDef[] = [];
  let state = NO_CASE;
  const keyFor = (wanted: string, inCase: CaseState) =>
    keys.find(
      (k) =>
        (k.kind === 'char' && keyCharacter(layout, k.char, inCase) === wanted) ||
        (k.kind === 'space' && wanted === ' '),
    );
  for (const wanted of text) {
    let key = keyFor(wanted, state);
    if (!key && layout.cased) {
      key = keyFor(wanted, nextCase(state, 'shift'));
      if (key) {
        presses.push(SHIFT);
        state = nextCase(state, 'shift');
      }
    }
    if (!key) return null;
    presses.push(key);
    if (key.kind === 'char') state = nextCase(state, 'typed');
  }
  return presses;
}

/** Taps keys from an empty field, as a person would: what the field then holds. */
export function typeWith(layout: KeyboardLayout, presses: KeyDef[]): string {
  let state: KeyboardState = { edit: { value: '', start: 0, end: 0 }, case: NO_CASE };
  for (const key of presses) state = pressKey(layout, state, key);
  return state.edit.value;
}
