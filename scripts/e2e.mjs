// `npm run test:e2e [-- playwright args]`: build if needed, find (or install)
// Chromium, then run Playwright. Extra arguments go straight to `playwright test`.
import { findOrProvisionChromium } from './chromium.mjs';
import { findElectronBinary } from './electron-binary.mjs';
import { bin, buildOrExit, isStale, runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

ensureSetupOrExit();
try {
  if (isStale('out/renderer/index.html', ['src', 'electron.vite.config.ts'])) buildOrExit();
  const env = { ...process.env, KIOSK_CHROMIUM: await findOrProvisionChromium() };
  const args = process.argv.slice(2);
  // Without a binary the Electron spec reports itself skipped, with the reason, rather than vanishing.
  if (!findElectronBinary()) console.log('No Electron binary on this machine: the Electron spec will be skipped.');
  runAndExit(bin('playwright'), ['test', ...args], { env });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
