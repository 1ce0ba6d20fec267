// `npm run test:e2e [-- playwright args]`: build if needed, find (or install)
// Chromium, then run Playwright. Extra arguments go straight to `playwright test`.
// `npm run screenshots` (`--screenshots`): only the walk that takes the README's pictures, written over
// docs/screenshots/ (every other run keeps them in test-results/, so a test run leaves the clone unchanged).
import { findOrProvisionChromium } from './chromium.mjs';
import { findElectronBinary } from './electron-binary.mjs';
import { bin, buildOrExit, isStale, runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

ensureSetupOrExit();
try {
  if (isStale('out/renderer/index.html', ['src', 'electron.vite.config.ts'])) buildOrExit();
  const env = { ...process.env, KIOSK_CHROMIUM: await findOrProvisionChromium() };
  let args = process.argv.slice(2);
  if (args.includes('--screenshots')) {
    args = ['e2e/station/screenshots.spec.ts', ...args.filter((arg) => arg !== '--screenshots')];
    env.KIOSK_SCREENSHOTS_DIR = 'docs/screenshots';
    console.log('Taking the README screenshots into docs/screenshots/ ...');
  } else if (!findElectronBinary()) {
    // Without a binary the Electron spec reports itself skipped, with the reason, rather than vanishing.
    console.log('No Electron binary on this machine: the Electron spec will be skipped.');
  }
  runAndExit(bin('playwright'), ['test', ...args], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
