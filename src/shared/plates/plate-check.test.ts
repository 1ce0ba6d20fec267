import { describe, expect, it } from 'vitest';
import { changedPositions, checkPlate, compileFormat, hasLookAlikes, plateStep } from './plate-check';
import { PLATE_REGIONS, REGION_CODES } from './plate-formats';

describe('checkPlate: the three outcomes', () => {
  it('fits: a standard plate of a home region goes straight on, look-alike characters or not', () => {
    expect(checkPlate('ABCD123', ['ON'])).toEqual({ kind: 'fits' });
    // B, Z, S, 2, 5 and 8 all read alike with something, and the old rule asked about every one of them.
    expect(checkPlate('BZSK258', ['ON'])).toEqual({ kind: 'fits' });
    // Typed with a space and a dash, in lower case: it is normalised first.
    expect(checkPlate('abc-123', ['ON'])).toEqual({ kind: 'fits' });
  });

  it('look-alike: one swap makes it a home plate, and that plate is offered', () => {
    expect(checkPlate('A8CD123', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD123'] });
    expect(checkPlate('ABCD1Z3', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD123'] });
    expect(checkPlate('ABCD12O', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD120'] });
    expect(checkPlate('BZ5K258', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['BZSK258'] });
  });

  it('look-alike: a letter the region never issues is read as its look-alike digit', () => {
    // Québec prints no letter O: O12ABC cannot be its A12 BCD series, 012ABC is its 123 ABC series.
    expect(checkPlate('O12ABC', ['QC'])).toEqual({ kind: 'look-alike', suggestions: ['012ABC'] });
    // British Columbia skips Z.
    expect(checkPlate('Z12ABC', ['BC'])).toEqual({ kind: 'look-alike', suggestions: ['212ABC'] });
    // Where Z is issued, the same plate simply fits.
    expect(checkPlate('Z12ABC', ['QC'])).toEqual({ kind: 'fits' });
  });

  it('look-alike: two swaps when no single one explains the plate', () => {
    expect(checkPlate('A8CD1Z3', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD123'] });
  });

  it('unknown: a vanity or out-of-region plate, which no swap turns into a home plate', () => {
    expect(checkPlate('GR8DAY', ['ON'])).toEqual({ kind: 'unknown' });
    expect(checkPlate('O8ABC1', ['ON'])).toEqual({ kind: 'unknown' });
    expect(checkPlate('HXK47', ['ON'])).toEqual({ kind: 'unknown' });
    // Québec's A12 BCD series at an Ontario kiosk.
    expect(checkPlate('X12KRT', ['ON'])).toEqual({ kind: 'unknown' });
    expect(checkPlate('X12KRT', ['ON', 'QC'])).toEqual({ kind: 'fits' });
  });

  it('a plate that fits as typed is not questioned, even when a swap would fit too', () => {
    // 512ABC is Québec's 123 ABC series, S12ABC its A12 BCD series: both real, so neither is second-guessed.
    expect(checkPlate('512ABC', ['QC'])).toEqual({ kind: 'fits' });
    expect(checkPlate('S12ABC', ['QC'])).toEqual({ kind: 'fits' });
  });

  it('orders suggestions: the current series first, then the home regions in the order chosen', () => {
    // British Columbia: AB1 23C (now) before ABC 123 (1970–2001).
    expect(checkPlate('MD85B8', ['BC'])).toEqual({ kind: 'look-alike', suggestions: ['MD858B', 'MDB588'] });
    expect(checkPlate('B1022N', ['QC', 'MA'])).toEqual({ kind: 'look-alike', suggestions: ['B10ZZN', '8102ZN'] });
    expect(checkPlate('B1022N', ['MA', 'QC'])).toEqual({ kind: 'look-alike', suggestions: ['8102ZN', 'B10ZZN'] });
  });

  it('offers at most three corrections, each once', () => {
    for (const region of REGION_CODES) {
      for (const plate of ['S8S8S8', '8S8S8S8', '0O0O0O', '1I1I1I1', 'Z2Z2Z2']) {
        const check = checkPlate(plate, [region]);
        if (check.kind !== 'look-alike') continue;
        expect(check.suggestions.length).toBeLessThanOrEqual(3);
        expect(new Set(check.suggestions).size).toBe(check.suggestions.length);
        for (const s of check.suggestions) expect(checkPlate(s, [region])).toEqual({ kind: 'fits' });
      }
    }
  });

  it('knows nothing without a plate or a home region', () => {
    expect(checkPlate('', ['ON'])).toEqual({ kind: 'unknown' });
    expect(checkPlate('ABCD123', [])).toEqual({ kind: 'unknown' });
  });
});

describe('checkPlate: the wider look-alikes (D and Q for 0, G for 6)', () => {
  it('reads D or Q in a digit position as 0, and G as 6', () => {
    expect(checkPlate('ABCD1D3', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD103'] });
    expect(checkPlate('ABCD12Q', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD120'] });
    expect(checkPlate('ABCD1G3', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD163'] });
  });

  it('offers every letter a 0 in a letter position may be, that the region issues', () => {
    // Ontario issues D and Q but no O.
    expect(checkPlate('AB0D123', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABDD123', 'ABQD123'] });
    // Minnesota issues neither O nor Q.
    expect(checkPlate('AB0123', ['MN'])).toEqual({ kind: 'look-alike', suggestions: ['ABD123'] });
  });
});

describe('plateStep: what the Issue screen does', () => {
  it('no step for a home plate, even full of look-alike characters', () => {
    expect(plateStep('ABC123', ['ON'])).toEqual({ kind: 'none' });
    expect(plateStep('BZSK258', ['ON'])).toEqual({ kind: 'none' });
  });

  it('the look-alike step, with the corrections, for a typo that breaks the format', () => {
    expect(plateStep('A8CD123', ['ON'])).toEqual({ kind: 'look-alike', suggestions: ['ABCD123'] });
  });

  it('the read-back step for a plate of no home format that has look-alike characters', () => {
    expect(plateStep('GR8DAY', ['ON'])).toEqual({ kind: 'read-back' });
    expect(plateStep('X12KRT', ['ON'])).toEqual({ kind: 'read-back' });
  });

  it('no step for a plate of no home format without a character to doubt', () => {
    expect(plateStep('HXK47', ['ON'])).toEqual({ kind: 'none' });
    expect(plateStep('MYCAR', ['ON'])).toEqual({ kind: 'none' });
  });

  it('without home regions, falls back to the read-back step whenever a look-alike is typed', () => {
    expect(plateStep('ABC123', [])).toEqual({ kind: 'read-back' });
    expect(plateStep('HXK47', [])).toEqual({ kind: 'none' });
  });
});

describe('plate format data', () => {
  it('gives every region at least one format and a cited source', () => {
    for (const region of REGION_CODES) {
      const data = PLATE_REGIONS[region];
      expect(data.formats.length, region).toBeGreaterThan(0);
      expect(data.sources.length, region).toBeGreaterThan(0);
      for (const source of data.sources) {
        expect(source.title.trim(), region).not.toBe('');
        expect(source.url, region).toMatch(/^https?:\/\/\S+$/);
      }
      for (const format of data.formats) expect(() => compileFormat(format, data.unusedLetters)).not.toThrow();
    }
  });

  it('covers the 13 provinces and territories and the nearest states', () => {
    const canada = REGION_CODES.filter((r) => PLATE_REGIONS[r].country === 'CA');
    expect(canada.sort()).toEqual(['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT']);
    for (const state of ['NY', 'VT', 'NH', 'ME', 'MA', 'MI', 'OH', 'PA', 'MN', 'ND', 'MT', 'ID', 'WA', 'AK'] as const) {
      expect(PLATE_REGIONS[state].country).toBe('US');
    }
  });

  it('reads patterns: letters without the unused ones, digits, either, and literal characters', () => {
    const [first, , last] = compileFormat({ pattern: 'L*{N}', note: '' }, 'IO');
    expect(first!.has('A') && !first!.has('I') && !first!.has('O') && !first!.has('1')).toBe(true);
    expect(last).toEqual(new Set(['N']));
    expect(compileFormat({ pattern: '{1A}99', note: '' }, '')).toHaveLength(4);
    expect(() => compileFormat({ pattern: 'L?', note: '' }, '')).toThrow(/Unknown token/);
  });
});

describe('helpers', () => {
  it('finds look-alike characters and the positions a correction changes', () => {
    expect(hasLookAlikes('HXK47')).toBe(false);
    expect(hasLookAlikes('HXK4Z')).toBe(true);
    expect(changedPositions('A8CD1Z3', 'ABCD123')).toEqual([1, 5]);
  });
});
