import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'opscom-gate-kiosk';

/**
 * The kiosk's data folder, the same for the Electron app and the station: `KIOSK_DATA_DIR` when set, otherwise
 * the folder Electron's `userData` would be on this OS for this app's name.
 */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  const override = env.KIOSK_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
  }
}
