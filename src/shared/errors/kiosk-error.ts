import { z } from 'zod';
import { PROBLEM_CODES, type ProblemCode } from './problems';

/** A failure or a state main reports, as a code with parameters; the page words it (src/shared/errors/problems.ts). */
export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES as [ProblemCode, ...ProblemCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/**
 * A failure: `code` is its kind; `problem` says exactly what, for the page to word in its language (main always
 * sends one; an error the page raises itself may carry only `message`, already in the screen's language);
 * `message` is the English words; `field` names the input to fix, when there is one.
 */
export const KioskErrorSchema = z.object({
  code: z.enum([
    'invalid-request',
    'unknown-channel',
    'not-found',
    // Raised by the page's own transport when main cannot be reached; main never sends it.
    'unreachable',
    'not-active',
    'not-allowed',
    // The kiosk's own disk refused the write (full, failing or read-only): nothing was recorded (#19).
    'storage',
    'internal',
  ]),
  problem: ProblemSchema.optional(),
  message: z.string(),
  field: z.string().optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;
export type KioskErrorCode = KioskError['code'];
export type ProblemView = z.infer<typeof ProblemSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };
