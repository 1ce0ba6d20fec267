import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const override = env.KIOSK_CHROMIUM;
  if (override && existsSync(override)) return override;
  for (const name of CANDIDATES) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    const location = found.stdout?.trim();
    if (found.status === 0 && location) return location;
  }
  return undefined;
}

export function hasDisplay(env: Record<string, string | undefined> = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens the station in Chromium's app mode (no address bar), full-screen kiosk when asked. */
export function openInChromium(executable: string, url: string, dataDir: string, kiosk: boolean): void {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${path.join(dataDir, 'chromium-profile')}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
  ];
  if (kiosk) args.push('--kiosk');
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  spawn(executable, args, { stdio: 'ignore', detached: true }).unref();
}
