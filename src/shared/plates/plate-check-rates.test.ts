import { describe, expect, it } from 'vitest';
import { checkPlate, LOOK_ALIKES, plateStep, regionFormats, type CompiledFormat } from './plate-check';
import { REGION_CODES, type RegionCode } from './plate-formats';

/**
 * Measured, not assumed: for every region's formats, plates drawn at random (seeded, so every run measures the same
 * plates) and every single look-alike typo of them, checked with that region as the kiosk's home region.
 *   - correct plates that reach a step: target ≤ 5 %;
 *   - typos that break the format and reach the look-alike step with the right plate among the suggestions:
 *     target ≥ 95 %.
 * The figures are printed (they are in docs/supervisor.md, "Plate check and home regions").
 */

const PLATES_PER_FORMAT = 400;

/** mulberry32: a small seeded PRNG, so the samples are the same on every run and machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw(format: CompiledFormat, random: () => number): string {
  return format.positions
    .map((allowed) => {
      const choices = [...allowed];
      return choices[Math.floor(random() * choices.length)]!;
    })
    .join('');
}

/** Every plate with exactly one look-alike character swapped (each look-alike it may be misread as). */
function singleTypos(plate: string): string[] {
  return [...plate].flatMap((c, i) =>
    [...(LOOK_ALIKES[c] ?? '')].map((other) => plate.slice(0, i) + other + plate.slice(i + 1)),
  );
}

interface Rates {
  plates: number;
  /** Correctly typed plates that got a step (look-alike or read-back) before the sale. */
  stepped: number;
  typos: number;
  /** Typos that are themselves a valid plate of a home region: no format check can see them. */
  silent: number;
  /** Typos that fit no home format as typed. */
  breaking: number;
  /** …that reach the look-alike step with the right plate among its one-tap choices. */
  caught: number;
  /** …with the right plate as the first choice. */
  caughtFirst: number;
}

/** Plates of the `from` regions' formats and all their single look-alike typos, checked at a `home` kiosk. */
function measure(home: readonly RegionCode[], from: readonly RegionCode[], seed: number): Rates {
  const random = prng(seed);
  const rates: Rates = { plates: 0, stepped: 0, typos: 0, silent: 0, breaking: 0, caught: 0, caughtFirst: 0 };
  for (const format of from.flatMap(regionFormats)) {
    for (let n = 0; n < PLATES_PER_FORMAT; n += 1) {
      const plate = draw(format, random);
      rates.plates += 1;
      if (plateStep(plate, home).kind !== 'none') rates.stepped += 1;
      for (const typo of singleTypos(plate)) {
        rates.typos += 1;
        if (checkPlate(typo, home).kind === 'fits') {
          rates.silent += 1;
          continue;
        }
        rates.breaking += 1;
        const step = plateStep(typo, home);
        if (step.kind === 'look-alike' && step.suggestions.includes(plate)) rates.caught += 1;
        if (step.kind === 'look-alike' && step.suggestions[0] === plate) rates.caughtFirst += 1;
      }
    }
  }
  return rates;
}

const pct = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)} %`);

function line(name: string, r: Rates): string {
  return (
    `${name.padEnd(5)} correct→step ${pct(r.stepped, r.plates).padStart(7)} of ${String(r.plates).padStart(5)}  ` +
    `typos caught ${pct(r.caught, r.breaking).padStart(7)} of ${String(r.breaking).padStart(5)} ` +
    `(right one first ${pct(r.caughtFirst, r.breaking).padStart(7)}; ` +
    `${r.silent} of ${r.typos} typos are valid plates)`
  );
}

function expectTargets(r: Rates): void {
  expect(r.plates).toBeGreaterThan(0);
  expect(r.stepped / r.plates).toBeLessThanOrEqual(0.05);
  // A region whose every typo is itself a valid plate would have nothing to catch; none of ours is like that.
  expect(r.breaking).toBeGreaterThan(0);
  expect(r.caught / r.breaking).toBeGreaterThanOrEqual(0.95);
}

describe('plate check rates, per home region (seeded samples)', () => {
  const table = REGION_CODES.map((region, index) => ({ region, ...measure([region], [region], 1000 + index) }));

  it('prints the measured figures', () => {
    const lines = table.map((r) => line(r.region, r));
    const all = table.reduce(
      (sum, r) => ({
        plates: sum.plates + r.plates,
        stepped: sum.stepped + r.stepped,
        typos: sum.typos + r.typos,
        silent: sum.silent + r.silent,
        breaking: sum.breaking + r.breaking,
        caught: sum.caught + r.caught,
        caughtFirst: sum.caughtFirst + r.caughtFirst,
      }),
      { plates: 0, stepped: 0, typos: 0, silent: 0, breaking: 0, caught: 0, caughtFirst: 0 },
    );
    console.log(`Plate check, ${PLATES_PER_FORMAT} plates per format:\n${lines.join('\n')}\n${line('all', all)}`);
    expect(table).toHaveLength(REGION_CODES.length);
    expectTargets(all);
  });

  it.each(REGION_CODES)(
    '%s: ≤ 5 % of correct plates reach a step, ≥ 95 % of breaking typos are corrected',
    (region) => {
      expectTargets(table.find((row) => row.region === region)!);
    },
  );
});

describe('a kiosk with two home regions (seeded samples)', () => {
  it.each([
    [['ON', 'QC'], 'ON'],
    [['ON', 'QC'], 'QC'],
    [['QC', 'ON'], 'ON'],
    [['BC', 'WA'], 'WA'],
    [['ON', 'NY', 'MI'], 'MI'],
  ] as const)('home %j, plates of %s: the same targets hold', (home, from) => {
    const r = measure(home, [from], 77);
    console.log(line(`${home.join('+')} ${from}`, r));
    expectTargets(r);
  });
});

describe('plates from elsewhere at an Ontario kiosk (seeded samples)', () => {
  it('prints how often another region’s plate fits, is offered a correction, or goes to the read-back step', () => {
    const random = prng(7);
    const rows = REGION_CODES.filter((r) => r !== 'ON').map((region) => {
      const counts = { fits: 0, 'look-alike': 0, unknown: 0 };
      let plates = 0;
      for (const format of regionFormats(region)) {
        for (let n = 0; n < 100; n += 1) {
          counts[checkPlate(draw(format, random), ['ON']).kind] += 1;
          plates += 1;
        }
      }
      return { region, plates, ...counts };
    });
    console.log(
      `Other regions' plates at an Ontario kiosk:\n${rows
        .map(
          (r) =>
            `${r.region}  fits ${pct(r.fits, r.plates).padStart(7)}  correction offered ${pct(r['look-alike'], r.plates).padStart(7)}  unknown ${pct(r.unknown, r.plates).padStart(7)}`,
        )
        .join('\n')}`,
    );
    // Québec's current series (A12 BCD) cannot be read as an Ontario plate.
    expect(rows.find((r) => r.region === 'QC')!.plates).toBeGreaterThan(0);
  });
});
