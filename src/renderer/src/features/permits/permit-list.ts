import type { Permit } from '../../../../shared/permits/permit';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../../../shared/plates/plate';

/**
 * The Active permits list as plain functions: which permits it shows, in which order, and what the search keeps.
 * No store and no React here, so each rule has its own unit test (permit-list.test.ts).
 */

/** The search as typed on the kiosk's keys or a keyboard: a plate fragment in the plates' own canonical form. */
export function normaliseSearch(raw: string): string {
  return normalisePlate(raw)
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, PLATE_MAX_LENGTH);
}

/** A plate matches when the normalised search is anywhere in it ("bc-1" finds ABC123); an empty search keeps all. */
export function plateMatches(plate: string, search: string): boolean {
  return normalisePlate(plate).includes(normaliseSearch(search));
}

/** Soonest end first: the car whose time runs out next is at the top. Ties by plate, then ticket, so rows never jump. */
export function bySoonestEnd(a: Permit, b: Permit): number {
  return (
    Date.parse(a.endAt) - Date.parse(b.endAt) ||
    a.plate.localeCompare(b.plate) ||
    a.ticketNumber.localeCompare(b.ticketNumber)
  );
}

/** The rows of Active permits: status active (one past its end reads "ended"), matching the search, soonest end first. */
export function activePermits(permits: readonly Permit[], search = ''): Permit[] {
  return permits.filter((p) => p.status === 'active' && plateMatches(p.plate, search)).sort(bySoonestEnd);
}

/** The permit a search leads to when it leaves exactly one row (Enter from a keyboard or plate scanner opens it). */
export function onlyMatch(permits: readonly Permit[], search: string): Permit | null {
  if (normaliseSearch(search) === '') return null;
  const rows = activePermits(permits, search);
  return rows.length === 1 ? (rows[0] ?? null) : null;
}

/** The permit whose details are open, while it is still active (a cancel from anywhere closes them). */
export function openDetails(permits: readonly Permit[], ticketNumber: string | null): Permit | null {
  if (ticketNumber === null) return null;
  return permits.find((p) => p.ticketNumber === ticketNumber && p.status === 'active') ?? null;
}
