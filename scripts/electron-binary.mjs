// Where is Electron's binary, if this machine has one? Never downloads it:
// require('electron') would start a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, isMain } from './proc.mjs';

const EXE_NAMES = { darwin: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' };

/** @returns {string | null} absolute path of the Electron executable, or null. */
export function findElectronBinary() {
  const electronDir = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;

  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = join(override, recorded ?? EXE_NAMES[process.platform] ?? 'electron');
    if (existsSync(exe)) return exe;
  }
  if (recorded) {
    const exe = join(electronDir, 'dist', recorded);
    if (existsSync(exe)) return exe;
  }
  return null;
}

if (isMain(import.meta.url)) {
  const found = findElectronBinary();
  if (found) console.log(found);
  else {
    console.error('No Electron binary on this machine.');
    process.exit(1);
  }
}
