import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromiumFromEnvironment, systemChromium } from '../../../scripts/installed-chromium.mjs';

/** The same search as the e2e scripts: KIOSK_CHROMIUM (throws if that file is missing), then a system Chromium. */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  return chromiumFromEnvironment(env) ?? systemChromium(env) ?? undefined;
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
