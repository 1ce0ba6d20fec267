import { z } from 'zod';

/** OPSCOM's field table caps a plate at 25 characters (its error text says 50; we honour 25). */
export const PLATE_MAX_LENGTH = 25;

/**
 * Plates are compared and sent in one canonical form: upper case, without the spaces and dashes that
 * attendants and plate scanners add (pay-by-plate systems reject hyphens, so we normalise instead).
 */
export function normalisePlate(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/** Request-side plate: accepts what a person typed, yields the canonical plate or a plain-words error. */
export const PlateInputSchema = z
  .string({ error: 'Enter a licence plate.' })
  .transform(normalisePlate)
  .pipe(
    z
      .string()
      .min(1, 'Enter a licence plate.')
      .max(PLATE_MAX_LENGTH, `A licence plate has at most ${PLATE_MAX_LENGTH} characters.`)
      .regex(/^[A-Z0-9]+$/, 'A licence plate uses only the letters A to Z and the digits 0 to 9.'),
  );
