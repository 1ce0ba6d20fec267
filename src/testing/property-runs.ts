/**
 * How many cases each fast-check property tries: the one setting every property test reads.
 *
 * - In CI (`CI` set, as `.ci/run` runs) each property runs its full count, the number written in the test.
 * - In the inner loop (`npm run test:unit` on a desk) a tenth of it, at least one, so the suite answers fast.
 * - `KIOSK_PROPERTY_RUNS` overrides both: `full` for the full counts, or a number of runs for every property.
 */
export function propertyRuns(full: number, env: NodeJS.ProcessEnv = process.env): number {
  const wanted = env.KIOSK_PROPERTY_RUNS?.trim();
  if (wanted) {
    if (wanted === 'full') return full;
    const runs = Number(wanted);
    if (!Number.isInteger(runs) || runs < 1)
      throw new Error(`KIOSK_PROPERTY_RUNS is "${wanted}": give "full" or a whole number of runs above 0.`);
    return runs;
  }
  return isSet(env.CI) ? full : Math.max(1, Math.ceil(full / 10));
}

const isSet = (value: string | undefined) => Boolean(value) && value !== '0' && value !== 'false';
