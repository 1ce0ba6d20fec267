import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';
import { issueExtendAndCancel } from '../support/attendant-flow';
import { presetAdminPin, SANDBOX_TOKEN, test } from '../support/fixtures';
import { tempDataDir } from '../support/processes';

const electronBinary = findElectronBinary();

const SKIP_REASON =
  'No Electron binary on this machine (it cannot be downloaded here). Install Electron normally or set ' +
  'ELECTRON_OVERRIDE_DIST_PATH to run this spec; the same flow runs in the browser station spec.';
// The list reporter shows a skip without its reason, so say it once where the run's output shows it.
if (electronBinary === null) console.log(`[electron spec] skipped: ${SKIP_REASON}`);

// Skipped before any fixture starts.
test.skip(electronBinary === null, SKIP_REASON);

test('the Electron app issues, extends and cancels a permit', async ({ sandbox }) => {
  const data = await tempDataDir();
  await presetAdminPin(data.dir);
  const app = await electron.launch({
    executablePath: electronBinary!,
    args: [path.resolve('out/main/index.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: SANDBOX_TOKEN, KIOSK_DATA_DIR: data.dir },
  });
  try {
    const page = await app.firstWindow();
    // Sandboxed, isolated, no Node: the page sees neither require nor process, only the contract's API.
    const exposed = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      kiosk: Object.keys((window as unknown as { kiosk: object }).kiosk).sort(),
    }));
    test.expect(exposed).toEqual({ require: 'undefined', process: 'undefined', kiosk: ['on', 'send'] });
    await issueExtendAndCancel(page, sandbox);
  } finally {
    await app.close();
    await data.remove();
  }
});
