import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogs } from '../../i18n/catalog';
import type { KeyboardLayoutName } from './kiosk-keyboard';
import type { Language } from '../../../../shared/language';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));
// A server render reads a store's initial state, not the current one: the screen language comes from here.
let language: Language = 'en-CA';
vi.mock('../../i18n/useT', async (original) => {
  const actual = await original<typeof import('../../i18n/useT')>();
  return { ...actual, useT: () => actual.i18nFor(language) };
});

const { KioskKeyboard } = await import('./KioskKeyboard');
const { ATTENDANT_CHARACTER } = await import('../shift/shift-slice');

const noEdit = { read: () => ({ value: '', start: 0, end: 0 }), write: () => {} };

/** The keys as drawn: each button's face, in order. */
function keyFaces(layout: KeyboardLayoutName, props: { onDone?: () => void; only?: RegExp } = {}): string[] {
  const html = renderToStaticMarkup(createElement(KioskKeyboard, { layout, label: 'keys', ...noEdit, ...props }));
  return [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]!.replace(/&#x27;/g, "'"));
}

describe('the kiosk keyboard as drawn', () => {
  beforeEach(() => {
    language = 'en-CA';
  });

  it.each(['en-CA', 'fr-CA'] as const)('names its word keys in the screen language (%s)', (screenLanguage) => {
    language = screenLanguage;
    const t = catalogs[screenLanguage];
    const other = catalogs[screenLanguage === 'en-CA' ? 'fr-CA' : 'en-CA'];
    const faces = keyFaces('text', { onDone: () => {} });
    const words = [t.keyShift, t.keyCapsLock, t.space, t.backspace, t.clear, t.done];
    expect(faces).toEqual(expect.arrayContaining(words));
    for (const word of [other.keyShift, other.keyCapsLock, other.space, other.backspace, other.done]) {
      expect(faces).not.toContain(word);
    }
  });

  it('offers only the keys a field keeps: Start shift has no key for & or #, and no Done (its keys always show)', () => {
    const faces = keyFaces('text', { only: ATTENDANT_CHARACTER });
    for (const dropped of ['&', '/', '(', ')', '#', '!', '?', ':', ',', 'Done']) expect(faces).not.toContain(dropped);
    for (const kept of ['z', 'é', 'ç', 'œ', "'", '-', '.', '0', 'Shift', 'Space', 'Backspace']) {
      expect(faces).toContain(kept);
    }
  });

  it('has no Shift on capitals-and-digits keys, and its letters are capitals', () => {
    const faces = keyFaces('code', { onDone: () => {} });
    expect(faces).not.toContain('Shift');
    expect(faces.filter((face) => /^\p{L}$/u.test(face)).every((face) => face === face.toUpperCase())).toBe(true);
    expect(faces.filter((face) => /^[A-Z0-9]$/.test(face))).toHaveLength(36);
  });
});
