// No zod here: the Issue screen runs this in the page's entry chunk (see docs/performance.md).
import { normalisePlate } from './plate';
import { PLATE_REGIONS, type PlateFormat, type RegionCode } from './plate-formats';

/**
 * Characters that read alike on a plate, in glare, at a glance: each one and what it may really be, most likely
 * first. Only letter/digit confusions are listed, since those are the ones a plate format can tell apart: O, D and Q
 * for 0; I for 1; Z for 2; S for 5; G for 6; B for 8 (and back).
 */
export const LOOK_ALIKES: Readonly<Record<string, string>> = {
  O: '0',
  D: '0',
  Q: '0',
  '0': 'ODQ',
  I: '1',
  '1': 'I',
  Z: '2',
  '2': 'Z',
  S: '5',
  '5': 'S',
  G: '6',
  '6': 'G',
  B: '8',
  '8': 'B',
};

export function hasLookAlikes(plate: string): boolean {
  return [...plate].some((character) => character in LOOK_ALIKES);
}

/**
 * What the plate check says about a typed plate, against the kiosk's home regions:
 *   - `fits`: it is a standard plate of a home region, as typed. Nothing to ask.
 *   - `look-alike`: it is not, but swapping look-alike characters makes it one; `suggestions` are those plates,
 *     best first (fewest swaps, then the region listed first and its current series first).
 *   - `unknown`: no home region issues plates like it (a vanity plate, another province or state).
 * A plate that fits as typed is `fits` even when a swap would fit too: a real plate of the current series is never
 * questioned, which is what keeps the step rare enough to be read.
 */
export type PlateCheck = { kind: 'fits' } | { kind: 'look-alike'; suggestions: string[] } | { kind: 'unknown' };

/** At most this many corrections are offered, as one-tap choices. */
export const MAX_SUGGESTIONS = 3;
/** Swaps tried: one look-alike typo, or two when no single one explains the plate. */
const MAX_SWAPS = 2;

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/** One position of a format: the characters allowed there. */
type Position = ReadonlySet<string>;

export interface CompiledFormat {
  region: RegionCode;
  /** Its rank for ordering suggestions: region first (as listed), then the region's own order. */
  rank: number;
  positions: readonly Position[];
}

/** `LLL999`, `99999{N}`, `{1A}***` → the allowed characters at each position. */
export function compileFormat(format: PlateFormat, unusedLetters: string): Position[] {
  const letters = new Set([...LETTERS].filter((c) => !unusedLetters.includes(c)));
  const digits = new Set(DIGITS);
  const either = new Set([...letters, ...digits]);
  const positions: Position[] = [];
  for (let i = 0; i < format.pattern.length; i += 1) {
    const token = format.pattern[i]!;
    if (token === 'L') positions.push(letters);
    else if (token === '9') positions.push(digits);
    else if (token === '*') positions.push(either);
    else if (token === '{') {
      const end = format.pattern.indexOf('}', i);
      if (end < 0) throw new Error(`Unclosed literal in plate format ${format.pattern}`);
      for (const literal of format.pattern.slice(i + 1, end)) positions.push(new Set([literal]));
      i = end;
    } else throw new Error(`Unknown token ${token} in plate format ${format.pattern}`);
  }
  return positions;
}

const compiled = new Map<RegionCode, CompiledFormat[]>();

/** A region's formats, compiled once. */
export function regionFormats(region: RegionCode): CompiledFormat[] {
  let formats = compiled.get(region);
  if (!formats) {
    const { formats: list, unusedLetters } = PLATE_REGIONS[region];
    formats = list.map((format, index) => ({ region, rank: index, positions: compileFormat(format, unusedLetters) }));
    compiled.set(region, formats);
  }
  return formats;
}

export function fitsFormat(plate: string, format: CompiledFormat): boolean {
  const { positions } = format;
  if (plate.length !== positions.length) return false;
  for (let i = 0; i < plate.length; i += 1) if (!positions[i]!.has(plate[i]!)) return false;
  return true;
}

/** The best (lowest) rank among the home formats the plate fits, or null when it fits none. */
function bestFit(plate: string, formats: readonly CompiledFormat[]): number | null {
  let best: number | null = null;
  for (const format of formats) {
    if (fitsFormat(plate, format) && (best === null || format.rank < best)) best = format.rank;
  }
  return best;
}

function homeFormats(homeRegions: readonly RegionCode[]): CompiledFormat[] {
  const seen = new Set<RegionCode>();
  const formats: CompiledFormat[] = [];
  homeRegions.forEach((region, regionIndex) => {
    if (seen.has(region) || !(region in PLATE_REGIONS)) return;
    seen.add(region);
    for (const format of regionFormats(region)) formats.push({ ...format, rank: regionIndex * 1000 + format.rank });
  });
  return formats;
}

/** Every way to swap `count` of the plate's look-alike characters, in order of position. */
function* swaps(plate: string, count: number, from = 0): Generator<string> {
  for (let i = from; i < plate.length; i += 1) {
    for (const other of LOOK_ALIKES[plate[i]!] ?? '') {
      const swapped = plate.slice(0, i) + other + plate.slice(i + 1);
      if (count === 1) yield swapped;
      else yield* swaps(swapped, count - 1, i + 1);
    }
  }
}

/** Checks a typed plate (any form: it is normalised first) against the standard plates of the home regions. */
export function checkPlate(raw: string, homeRegions: readonly RegionCode[]): PlateCheck {
  const plate = normalisePlate(raw);
  const formats = homeFormats(homeRegions);
  if (!plate || formats.length === 0) return { kind: 'unknown' };
  if (bestFit(plate, formats) !== null) return { kind: 'fits' };

  for (let count = 1; count <= MAX_SWAPS; count += 1) {
    const found: { plate: string; rank: number; order: number }[] = [];
    let order = 0;
    for (const candidate of swaps(plate, count)) {
      const rank = bestFit(candidate, formats);
      if (rank !== null && !found.some((f) => f.plate === candidate)) found.push({ plate: candidate, rank, order });
      order += 1;
    }
    if (found.length > 0) {
      found.sort((a, b) => a.rank - b.rank || a.order - b.order);
      return { kind: 'look-alike', suggestions: found.slice(0, MAX_SUGGESTIONS).map((f) => f.plate) };
    }
  }
  return { kind: 'unknown' };
}

/** The positions where a suggestion differs from the plate as typed, to mark them on screen. */
export function changedPositions(typed: string, suggestion: string): number[] {
  const changed: number[] = [];
  for (let i = 0; i < suggestion.length; i += 1) if (typed[i] !== suggestion[i]) changed.push(i);
  return changed;
}

/**
 * The step the Issue screen shows before it sells, from the check:
 *   - none: the plate fits a home format (or fits nothing but has no look-alike character to doubt);
 *   - look-alike: the corrections, offered as one-tap choices;
 *   - read-back: the plate fits no home format and has look-alike characters: shown large, each one named.
 */
export type PlateStep = { kind: 'none' } | { kind: 'look-alike'; suggestions: string[] } | { kind: 'read-back' };

export function plateStep(raw: string, homeRegions: readonly RegionCode[]): PlateStep {
  const check = checkPlate(raw, homeRegions);
  if (check.kind === 'look-alike') return check;
  if (check.kind === 'fits' || !hasLookAlikes(normalisePlate(raw))) return { kind: 'none' };
  return { kind: 'read-back' };
}
