import { defineConfig } from 'vitest/config';

/**
 * Two projects, told apart by the file name so the split survives moves:
 * - `unit` (`*.test.ts`): in process — servers on port 0, data in temporary folders of their own — so files run in
 *   parallel, two at a time (this is a 2-core machine's figure; `--maxWorkers` changes it). `npm run test:unit`.
 * - `integration` (`*.integration.test.ts`): tests that start processes (the CLIs, the station, drivers under the
 *   LD_PRELOAD disk-fault shim), build that shim, install Debian packages, run Prometheus, the Pushgateway or
 *   promtool, rehearse the fleet, or fill a real tmpfs. `npm run test:integration`.
 * `vitest run` with neither runs both; `npm test` runs them as two steps.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.integration.test.ts'],
          maxWorkers: 2,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['src/**/*.integration.test.ts'],
          maxWorkers: 2,
          // The projects' worker counts are their own; integration goes after unit, not beside it.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
