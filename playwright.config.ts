import { readFileSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// Chromium flags shared with scripts/chromium.mjs (one list, two readers).
const flags = JSON.parse(readFileSync(new URL('./scripts/chromium-args.json', import.meta.url), 'utf8')) as {
  args: string[];
  rootOnly: string[];
};
const isRoot = process.getuid?.() === 0;
const isCI = Boolean(process.env.CI);

// `npm run test:e2e` sets KIOSK_CHROMIUM (see scripts/e2e.mjs).
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The sandbox and station CLIs, built once for the run (e2e/support/global-setup.ts).
  globalSetup: './e2e/support/global-setup.ts',
  // Every test starts its own sandbox and station, on ports from 0 and data folders of their own: two at a time,
  // one per core here, spread test by test rather than file by file. KIOSK_E2E_WORKERS changes the number.
  workers: Number(process.env.KIOSK_E2E_WORKERS) || 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  reporter: isCI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  projects: [
    {
      name: 'station',
      testMatch: 'station/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.KIOSK_CHROMIUM,
          args: [...(isRoot ? flags.rootOnly : []), ...flags.args],
        },
        viewport: { width: 1280, height: 800 },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
});
