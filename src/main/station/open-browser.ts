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

/**
 * Chromium's command line for the station: app mode (no address bar), and in kiosk mode full screen with
 * `--kiosk-printing`, so a receipt goes to the system's default printer with no dialog. Chromium honours that flag
 * only together with `--kiosk`; outside kiosk mode the attendant's print dialog stays.
 */
export function chromiumArgs(url: string, dataDir: string, kiosk: boolean, root = process.getuid?.() === 0): string[] {
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
  if (kiosk) args.push('--kiosk', '--kiosk-printing');
  if (root) args.push('--no-sandbox');
  return args;
}

/** Opens the station in Chromium's app mode (no address bar), full-screen kiosk when asked. */
export function openInChromium(executable: string, url: string, dataDir: string, kiosk: boolean): void {
  spawn(executable, chromiumArgs(url, dataDir, kiosk), { stdio: 'ignore', detached: true }).unref();
}
