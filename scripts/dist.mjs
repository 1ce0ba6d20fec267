// `npm run dist [-- electron-builder args]`: build, then package the Electron app for this OS with
// electron-builder (electron-builder.yml: AppImage and deb on Linux, NSIS on Windows, dmg on macOS; fuses set).
// The installers land in dist/. Packaging needs Electron's binary for this OS: the one `npm start` uses (see
// docs/setup.md, 'Offline installs'), fetched once here if missing. Without it, one line says so and the exit code is 1.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';
import { ROOT, bin, buildOrExit, runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

export const NO_ELECTRON_FOR_DIST =
  "No Electron binary for this OS could be found or downloaded (see docs/setup.md, 'Offline installs'): npm run dist cannot package the app.";

const isSet = (value) => Boolean(value) && value !== '0' && value !== 'false';

/** Electron's binary, fetched quietly once when missing (unless KIOSK_SKIP_ELECTRON_BINARY is set). */
function electronBinary() {
  const found = findElectronBinary();
  if (found || isSet(process.env.KIOSK_SKIP_ELECTRON_BINARY)) return found;
  spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 120_000,
  });
  return findElectronBinary();
}

/** The folder electron-builder copies Electron from, so it packages the same binary and does not fetch another. */
function electronDist(exe) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override && resolve(exe).startsWith(resolve(override))) return resolve(override);
  return join(ROOT, 'node_modules', 'electron', 'dist');
}

ensureSetupOrExit();
const exe = electronBinary();
if (!exe) {
  console.error(NO_ELECTRON_FOR_DIST);
  process.exit(1);
}
buildOrExit();
// electron-builder.yml is its default config file; --publish never: the feed is a folder the operator serves.
runAndExit(bin('electron-builder'), [
  `-c.electronDist=${electronDist(exe)}`,
  '--publish',
  'never',
  ...process.argv.slice(2),
]);
