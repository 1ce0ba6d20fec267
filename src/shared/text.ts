import { z } from 'zod';
import type { ProblemCode } from './errors/problems';

/**
 * Characters free text must not carry into receipts, CSV exports and the audit log: C0 and C1 controls (NUL, CR,
 * LF, ESC…), the Unicode line and paragraph separators, the bidirectional controls that can make a name read
 * backwards on screen or in a spreadsheet ("Trojan Source"), the invisible zero-width characters and the BOM
 * (two names that look the same but differ), and lone surrogates (half a character, which no file can encode).
 */
const FORBIDDEN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x001f], // C0 controls: NUL, tab, CR, LF, ESC…
  [0x007f, 0x009f], // DEL and the C1 controls
  [0x061c, 0x061c], // Arabic letter mark
  [0x200e, 0x200f], // left-to-right and right-to-left marks
  [0x2028, 0x2029], // line and paragraph separators
  [0x202a, 0x202e], // embeddings and overrides
  [0x2066, 0x2069], // isolates
  [0x200b, 0x200d], // zero-width space, non-joiner and joiner
  [0x2060, 0x2060], // word joiner
  [0xfeff, 0xfeff], // zero-width no-break space, the byte order mark
  [0xd800, 0xdfff], // a surrogate on its own: iterating by code point yields one only when it is unpaired
];

/** The problem code of the rule (src/shared/errors/problems.ts has its words). */
export const FREE_TEXT_RULE = 'free-text-rule';

function isForbidden(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return FORBIDDEN_RANGES.some(([low, high]) => code >= low && code <= high);
}

export function hasForbiddenCharacters(text: string): boolean {
  for (const character of text) if (isForbidden(character)) return true;
  return false;
}

/** How much of a text from outside (OPSCOM's ErrorMessage…) the kiosk keeps: enough for any real message. */
export const FOREIGN_TEXT_MAX = 300;

/**
 * Text the kiosk did not write (OPSCOM's ErrorMessage), made fit for the screen, logs, the audit log and the
 * outbox: every character free text refuses and every run of white space becomes one space, and past `max`
 * characters (code points) it is cut, ending in "…" within the `max`. A 5 MB message then costs 300 characters
 * in each record that keeps it.
 */
export function boundForeignText(text: string, max = FOREIGN_TEXT_MAX): string {
  const kept: string[] = [];
  let space = false;
  for (const character of text) {
    if (isForbidden(character) || /^\s$/u.test(character)) {
      space = kept.length > 0;
      continue;
    }
    if (space) kept.push(' ');
    space = false;
    kept.push(character);
    if (kept.length > max)
      return `${kept
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
  }
  return kept.join('');
}

/** A trimmed line of text a person typed, with its length rule (problem codes), refusing control and bidi characters. */
export function freeText(options: { min?: number; max: number; tooShort?: ProblemCode; tooLong: ProblemCode }) {
  let schema = z.string().trim();
  if (options.min !== undefined) schema = schema.min(options.min, options.tooShort);
  return schema.max(options.max, options.tooLong).refine((text) => !hasForbiddenCharacters(text), FREE_TEXT_RULE);
}
