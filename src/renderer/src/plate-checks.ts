import type { Permit } from '../../shared/domain';
import { normalisePlate } from '../../shared/plate';

/**
 * The two checks before a permit is sold. A mistyped plate is the commonest reason a paying driver still gets a
 * ticket (O for 0, I for 1), and a second permit for a car that has one is a double charge.
 */

/** Pairs that read alike on a plate, in glare, at a glance: O/0, I/1, B/8, S/5, Z/2. */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  '0': 'O',
  I: '1',
  '1': 'I',
  B: '8',
  '8': 'B',
  S: '5',
  '5': 'S',
  Z: '2',
  '2': 'Z',
};

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

export function hasLookAlikes(plate: string): boolean {
  return [...plate].some((character) => character in LOOK_ALIKES);
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
