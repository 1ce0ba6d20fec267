// `npm start [-- app args]`: run the Electron kiosk, or the browser station
// when this machine has no Electron binary (e.g. installed offline).
import { findElectronBinary } from './electron-binary.mjs';
import { buildOrExit, runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

ensureSetupOrExit();
const args = process.argv.slice(2);
const electron = findElectronBinary();
if (electron) {
  buildOrExit();
  // Chromium refuses to start as root unless its sandbox is turned off.
  const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
  runAndExit(electron, [...(isRoot ? ['--no-sandbox'] : []), '.', ...args]);
} else {
  console.log(
    "No Electron binary on this machine (see docs/setup.md, 'Offline installs'): starting the browser station instead.",
  );
  runAndExit(process.execPath, ['scripts/station.mjs', ...args]);
}
