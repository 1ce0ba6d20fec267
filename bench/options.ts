/**
 * What every bench reads from its command line. `--quick` (`npm run bench -- --quick`, and `npm test`): the same
 * code paths at small sizes, so a broken bench shows in seconds. Its figures are printed beside the targets like a
 * full run's, but they are too small a sample to judge by.
 */
export const QUICK = process.argv.includes('--quick');

/** The full run's size, or the quick one's. */
export function size<T>(full: T, quick: T): T {
  return QUICK ? quick : full;
}

/** A line under a bench's title in a quick run, so its figures are not read as a full run's. */
export function quickNote(): string {
  return QUICK ? '(quick run: small sizes, the same code paths; the figures are not a measurement)\n' : '';
}
