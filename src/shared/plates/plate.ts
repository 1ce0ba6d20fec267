// No zod here: the page's first screen needs these, and the schema lives in plate-schema.ts.

/** OPSCOM's field table caps a plate at 25 characters (its error text says 50; we honour 25). */
export const PLATE_MAX_LENGTH = 25;

/**
 * Plates are compared and sent in one canonical form: upper case, without the spaces and dashes that
 * attendants and plate scanners add (pay-by-plate systems reject hyphens, so we normalise instead).
 */
export function normalisePlate(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, '');
}

/** Recent plates after issuing `plate`: the newest first, without repeats, at most `limit`. */
// 6 is RECENT_PLATES_SHOWN (shared/permits/permit.ts, which this zod-free module cannot import).
export function rememberPlate(recent: readonly string[], plate: string, limit = 6): string[] {
  return [plate, ...recent.filter((p) => p !== plate)].slice(0, limit);
}
