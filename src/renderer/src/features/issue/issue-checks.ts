import type { Permit } from '../../../../shared/permits/permit';
import { normalisePlate } from '../../../../shared/plates/plate';
import { changedPositions, LOOK_ALIKES } from '../../../../shared/plates/plate-check';

/**
 * The two checks before a permit is sold. A mistyped plate is the commonest reason a paying driver still gets a
 * ticket (O for 0, I for 1): the plate check (src/shared/plates/plate-check.ts) compares it with the formats of the
 * kiosk's home regions. A second permit for a car that has one is a double charge.
 */

export interface PlateCharacter {
  character: string;
  /** Set for a character that has a look-alike: say which one it is. */
  kind: 'letter' | 'digit' | null;
}

/** Each character of the plate, with look-alikes named as letter or digit. */
export function describePlate(plate: string): PlateCharacter[] {
  return [...plate].map((character) => ({
    character,
    kind: character in LOOK_ALIKES ? (/[0-9]/.test(character) ? 'digit' : 'letter') : null,
  }));
}

/** A correction the plate check offers, with only the characters it changed named as letter or digit. */
export function describeCorrection(typed: string, suggestion: string): PlateCharacter[] {
  const changed = new Set(changedPositions(typed, suggestion));
  return [...suggestion].map((character, index) => ({
    character,
    kind: changed.has(index) ? (/[0-9]/.test(character) ? 'digit' : 'letter') : null,
  }));
}

/** A permit this kiosk sold for the same plate that is still running at `now`; the latest-ending one if several. */
export function findActivePermit(permits: Permit[], plate: string, now: Date = new Date()): Permit | null {
  const wanted = normalisePlate(plate);
  let found: Permit | null = null;
  for (const permit of permits) {
    if (permit.status !== 'active' || permit.plate !== wanted) continue;
    if (Date.parse(permit.endAt) <= now.getTime()) continue;
    if (!found || Date.parse(permit.endAt) > Date.parse(found.endAt)) found = permit;
  }
  return found;
}
