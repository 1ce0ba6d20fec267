/**
 * Everything main can tell the page went wrong, as a code with parameters, and the words for each in both of the
 * kiosk's languages, one file per language: ./problem-words/en-CA.ts and ./problem-words/fr-CA.ts. Main sends
 * `{ code: <kind>, problem: { code, params }, message }`; the page shows `problemText(language, problem)`.
 * `message` is the English text, for logs and for tests that read it.
 *
 * The contract's own validation messages are codes from here too ('pin-format', 'choose-zone'…), so a refusal
 * by a schema is translated like any other. English is the reference: French must have every code, and no other,
 * or the build fails (./problems.test.ts proves it).
 */
import type { Language } from '../language';
import type { Words } from './problem-words/params';
import { en } from './problem-words/en-CA';
import { fr } from './problem-words/fr-CA';

export type ProblemParams = Record<string, string | number>;
export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

export type ProblemCode = keyof typeof en;

const words: Record<Language, Record<ProblemCode, Words>> = { 'en-CA': en, 'fr-CA': fr };

export const PROBLEM_CODES = Object.keys(en) as ProblemCode[];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(en, value);
}

/** The words for a problem in a language. */
export function problemText(language: Language, problem: Problem): string {
  return words[language][problem.code](problem.params ?? {});
}

/** English, for logs, audit lines and the `message` every error still carries. */
export function problemMessage(problem: Problem): string {
  return problemText('en-CA', problem);
}
