import { z } from 'zod';
import type { ProblemCode } from './problems';

/**
 * Characters free text must not carry into receipts, CSV exports and the audit log: C0 and C1 controls (NUL, CR,
 * LF, ESC…), the Unicode line and paragraph separators, and the bidirectional controls that can make a name read
 * backwards on screen or in a spreadsheet ("Trojan Source").
 */
const FORBIDDEN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x001f], // C0 controls: NUL, tab, CR, LF, ESC…
  [0x007f, 0x009f], // DEL and the C1 controls
  [0x061c, 0x061c], // Arabic letter mark
  [0x200e, 0x200f], // left-to-right and right-to-left marks
  [0x2028, 0x2029], // line and paragraph separators
  [0x202a, 0x202e], // embeddings and overrides
  [0x2066, 0x2069], // isolates
];

/** The problem code of the rule (src/shared/problems.ts has its words). */
export const FREE_TEXT_RULE = 'free-text-rule';

export function hasForbiddenCharacters(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (FORBIDDEN_RANGES.some(([low, high]) => code >= low && code <= high)) return true;
  }
  return false;
}

/** A trimmed line of text a person typed, with its length rule (problem codes), refusing control and bidi characters. */
export function freeText(options: { min?: number; max: number; tooShort?: ProblemCode; tooLong: ProblemCode }) {
  let schema = z.string().trim();
  if (options.min !== undefined) schema = schema.min(options.min, options.tooShort);
  return schema.max(options.max, options.tooLong).refine((text) => !hasForbiddenCharacters(text), FREE_TEXT_RULE);
}
