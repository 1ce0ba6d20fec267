import { promises as fs } from 'node:fs';
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

/**
 * The data folder holds the outbox, the audit log, the PIN hash and, in the station, the token: only the kiosk's
 * own user may read it. The folder is made 0700 and every file the kiosk keeps at its top level 0600, including
 * files an older version created with wider modes. Windows has no such modes (its ACLs follow the user profile).
 */
export async function makePrivate(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  if (process.platform === 'win32') return;
  await fs.chmod(dir, 0o700);
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) await fs.chmod(path.join(dir, entry.name), 0o600).catch(ignoreVanished);
  }
}

// A temporary file of a write in flight may be renamed between the listing and the chmod; it was 0600 already.
function ignoreVanished(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
