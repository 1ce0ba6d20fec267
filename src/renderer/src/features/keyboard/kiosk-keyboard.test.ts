import { describe, expect, it } from 'vitest';
import { isAllowedControllerUrl } from '../../../../shared/settings/controller-url';
import { ApiTokenSchema } from '../../../../shared/settings/setting-fields';
import {
  editText,
  isUpper,
  KEYBOARD_LAYOUTS,
  keyCharacter,
  nextCase,
  NO_CASE,
  pressesFor,
  pressKey,
  typeWith,
  type CaseState,
  type KeyboardLayout,
  type KeyboardLayoutName,
  type TextEdit,
} from './kiosk-keyboard';

const at = (value: string, start = value.length, end = start): TextEdit => ({ value, start, end });

/** Taps the keys for `text` (null when a character has no key) and returns what the field holds. */
function typed(layout: KeyboardLayout, text: string): string | null {
  const presses = pressesFor(layout, text);
  return presses && typeWith(layout, presses);
}

/** Every character a layout's keys can type, in either case. */
function typeable(layout: KeyboardLayout): string[] {
  const out = new Set<string>();
  const states: CaseState[] = [NO_CASE, { shift: true, caps: false }];
  for (const key of layout.rows.flat()) {
    if (key.kind === 'char') for (const state of states) out.add(keyCharacter(layout, key.char, state));
    if (key.kind === 'space') out.add(' ');
    if (key.kind === 'text') for (const c of key.text) out.add(c);
  }
  return [...out];
}

describe('editing a field with the kiosk keys', () => {
  it('types at the caret, not only at the end', () => {
    expect(editText(at('Zo', 2), { kind: 'insert', text: 'é' })).toEqual(at('Zoé', 3));
    expect(editText(at('Zé', 1), { kind: 'insert', text: 'o' })).toEqual(at('Zoé', 2));
    expect(editText(at('', 0), { kind: 'insert', text: 'https://' })).toEqual(at('https://', 8));
  });

  it('replaces a selection with what is typed', () => {
    expect(editText(at('Lot 1 Nord', 4, 5), { kind: 'insert', text: '2' })).toEqual(at('Lot 2 Nord', 5));
    // A selection made right to left is the same selection.
    expect(editText(at('Lot 1 Nord', 5, 4), { kind: 'insert', text: '2' })).toEqual(at('Lot 2 Nord', 5));
  });

  it('Backspace removes the character before the caret, or the selection', () => {
    expect(editText(at('Zoé'), { kind: 'backspace' })).toEqual(at('Zo'));
    expect(editText(at('Zoé', 1), { kind: 'backspace' })).toEqual(at('oé', 0));
    expect(editText(at('Zoé', 0), { kind: 'backspace' })).toEqual(at('Zoé', 0));
    expect(editText(at('Lot 12', 4, 6), { kind: 'backspace' })).toEqual(at('Lot ', 4));
    // A character typed on a physical keyboard outside the BMP goes in one tap, not half of it.
    expect(editText(at('A🚗'), { kind: 'backspace' })).toEqual(at('A'));
  });

  it('Clear empties the field', () => {
    expect(editText(at('http://x', 3), { kind: 'clear' })).toEqual(at('', 0));
  });

  it('keeps to the field’s length limit, and a caret past the end counts as the end', () => {
    expect(editText(at('1234'), { kind: 'insert', text: '56' }, 5)).toEqual(at('12345'));
    expect(editText(at('12345'), { kind: 'insert', text: '6' }, 5)).toEqual(at('12345'));
    expect(editText(at('12345', 0, 5), { kind: 'insert', text: '9' }, 5)).toEqual(at('9'));
    expect(editText({ value: 'ab', start: 9, end: 9 }, { kind: 'insert', text: 'c' })).toEqual(at('abc'));
  });
});

describe('Shift and Caps lock', () => {
  it('Shift types one capital and lets go; Caps lock stays until tapped again', () => {
    const shifted = nextCase(NO_CASE, 'shift');
    expect(isUpper(shifted)).toBe(true);
    expect(nextCase(shifted, 'typed')).toEqual(NO_CASE);
    const locked = nextCase(NO_CASE, 'caps');
    expect(nextCase(locked, 'typed')).toEqual(locked);
    expect(isUpper(nextCase(locked, 'typed'))).toBe(true);
    expect(nextCase(locked, 'caps')).toEqual(NO_CASE);
    // Shift under Caps lock gives one small letter, as on a physical keyboard.
    expect(isUpper(nextCase(locked, 'shift'))).toBe(false);
  });

  it('a tap on a letter key types its capital, accents included, only where letters have case', () => {
    const text = KEYBOARD_LAYOUTS.text;
    const state = { edit: at(''), case: { shift: true, caps: false } };
    const afterE = pressKey(text, state, { kind: 'char', char: 'é' });
    expect(afterE.edit.value).toBe('É');
    expect(afterE.case).toEqual(NO_CASE);
    expect(keyCharacter(text, 'ç', { shift: false, caps: true })).toBe('Ç');
    expect(keyCharacter(text, 'œ', { shift: false, caps: true })).toBe('Œ');
    expect(keyCharacter(KEYBOARD_LAYOUTS.number, '5', { shift: true, caps: false })).toBe('5');
  });

  it('Done leaves the field as it is', () => {
    const state = { edit: at('Zoé', 1), case: NO_CASE };
    expect(pressKey(KEYBOARD_LAYOUTS.text, state, { kind: 'done' })).toBe(state);
  });
});

describe('each layout has the characters its fields need', () => {
  it('token: every character OPSCOM allows in a token, and nothing the token rule refuses', () => {
    const allowed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-';
    for (const c of allowed) expect(typed(KEYBOARD_LAYOUTS.token, c), c).toBe(c);
    for (const c of typeable(KEYBOARD_LAYOUTS.token)) expect(ApiTokenSchema.safeParse(c).success, c).toBe(true);
    const token = 'E2E-TOKEN-0123456789-abcdefghijklmnopqrstuvwxyzABC';
    expect(ApiTokenSchema.safeParse(token).success).toBe(true);
    expect(typed(KEYBOARD_LAYOUTS.token, token)).toBe(token);
  });

  it('url: the production controller, the local sandbox, and every URL character listed', () => {
    const url = KEYBOARD_LAYOUTS.url;
    for (const address of [
      'https://controller.operationscommander.io',
      'https://controller.operationscommander.com/',
      'http://127.0.0.1:18080',
      'https://gate.example.ca/api?kiosk=K7&mode=a%20b#top',
      'https://host.example/~ops/a_b',
    ]) {
      expect(typed(url, address), address).toBe(address);
      expect(isAllowedControllerUrl(address), address).toBe(true);
    }
    for (const c of ':/.-_~?=&%@#') expect(typed(url, c), c).toBe(c);
    expect(typed(url, 'Lot 1')).toBeNull(); // no space in an address
    // The helpers type their whole text in one tap.
    const helpers = url.rows.flat().flatMap((key) => (key.kind === 'text' ? [key.text] : []));
    expect(helpers).toEqual(expect.arrayContaining(['https://', '.com']));
    for (const text of helpers) expect(typeWith(url, [{ kind: 'text', text }])).toBe(text);
  });

  it('text: French names and reasons, accents in both cases', () => {
    const text = KEYBOARD_LAYOUTS.text;
    const accents = 'éèêëàâçôûùüïîœ';
    for (const c of accents + accents.toLocaleUpperCase('fr-CA')) expect(typed(text, c), c).toBe(c);
    for (const words of ['Zoé', 'François Côté', "Hélène D'Amours", 'Guérite Nord-Est (lot 4)']) {
      expect(typed(text, words), words).toBe(words);
    }
    for (const c of ".,'-&/()#!?:") expect(typed(text, c), c).toBe(c);
    for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ') expect(typed(text, c)).toBe(c);
  });

  it('number: digits only; numberList adds the comma and space of "15, 30, 60"', () => {
    expect(typeable(KEYBOARD_LAYOUTS.number).sort().join('')).toBe('0123456789');
    expect(typed(KEYBOARD_LAYOUTS.number, '9075')).toBe('9075');
    expect(typed(KEYBOARD_LAYOUTS.number, '1.5')).toBeNull();
    expect(typeable(KEYBOARD_LAYOUTS.numberList).sort().join('')).toBe(' ,0123456789');
    expect(typed(KEYBOARD_LAYOUTS.numberList, '15, 30, 60')).toBe('15, 30, 60');
  });

  it('code: capitals and digits only, for plates, kiosk ids and currency codes', () => {
    const code = KEYBOARD_LAYOUTS.code;
    expect(typeable(code).sort().join('')).toBe('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    for (const words of ['ABCD123', 'K7QF2MXA', 'CAD']) expect(typed(code, words), words).toBe(words);
    // No lower case and no space: a search or an id cannot be typed in a form the field would refuse.
    expect(typed(code, 'abc')).toBeNull();
    expect(typed(code, 'AB 12')).toBeNull();
  });

  it.each(Object.keys(KEYBOARD_LAYOUTS) as KeyboardLayoutName[])(
    '%s has Backspace, Clear and Done, and Shift when its letters come in both cases',
    (name) => {
      const layout = KEYBOARD_LAYOUTS[name];
      const kinds = new Set(layout.rows.flat().map((key) => key.kind));
      for (const kind of ['backspace', 'clear', 'done'] as const) expect(kinds.has(kind), kind).toBe(true);
      const chars = typeable(layout);
      const bothCases = chars.some((c) => c !== c.toUpperCase() && chars.includes(c.toUpperCase()));
      expect(kinds.has('shift')).toBe(bothCases);
      expect(layout.cased).toBe(bothCases);
    },
  );
});
