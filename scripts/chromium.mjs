// Find a Chromium for the browser-station e2e tests, installing one if
// needed: Playwright's own download is tried first, then Debian's package.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumFromEnvironment, systemChromium } from './installed-chromium.mjs';
import { ROOT, bin, isMain, runSync } from './proc.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const flags = JSON.parse(readFileSync(join(ROOT, 'scripts', 'chromium-args.json'), 'utf8'));

/** Flags Chromium needs in containers; --no-sandbox only when running as root. */
export const CHROMIUM_ARGS = [...(isRoot ? flags.rootOnly : []), ...flags.args];

async function playwrightChromium() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null; // playwright-core not installed, or it does not know this platform
  }
}

async function find() {
  const named = chromiumFromEnvironment();
  if (named) return { path: named, source: 'from KIOSK_CHROMIUM/CHROMIUM_PATH' };
  const bundled = await playwrightChromium();
  if (bundled) return { path: bundled, source: "Playwright's download" };
  const installed = systemChromium();
  return installed ? { path: installed, source: 'installed on this machine' } : null;
}

/** @returns {Promise<string>} path of a Chromium executable. */
export async function findOrProvisionChromium() {
  let found = await find();
  if (!found) {
    console.log('No Chromium found. Trying Playwright\'s download ("playwright install chromium")...');
    runSync(bin('playwright'), ['install', 'chromium'], { timeout: 5 * 60_000 });
    found = await find();
  }
  if (!found && isRoot && existsSync('/etc/debian_version')) {
    console.log("Playwright's download did not work. Installing Debian's chromium package with apt-get...");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const ok =
      runSync('apt-get', ['update'], { env }) === 0 && runSync('apt-get', ['install', '-y', 'chromium'], { env }) === 0;
    if (ok) found = await find();
  }
  if (!found) {
    const sudo = isRoot ? '' : 'sudo ';
    const command = existsSync('/etc/debian_version')
      ? `${sudo}apt-get update && ${sudo}apt-get install -y chromium`
      : 'npx playwright install chromium';
    throw new Error(
      `No Chromium browser found for the e2e tests. Install one with: ${command}  (or set KIOSK_CHROMIUM to its path)`,
    );
  }
  console.log(`Chromium: ${found.path} (${found.source})`);
  return found.path;
}

if (isMain(import.meta.url)) {
  findOrProvisionChromium().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
