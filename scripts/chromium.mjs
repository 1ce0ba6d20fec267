// Find a Chromium for the browser-station e2e tests, installing one if needed: on Debian as root Debian's package
// (without its recommends), elsewhere Playwright's own download.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDebianPackages } from './apt.mjs';
import { chromiumFromEnvironment, systemChromium } from './installed-chromium.mjs';
import { ROOT, bin, isMain, runSync } from './proc.mjs';
import { isDebianProper } from './system-packages.mjs';

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

function playwrightDownload() {
  console.log('No Chromium found. Trying Playwright\'s download ("playwright install chromium")...');
  runSync(bin('playwright'), ['install', 'chromium'], { timeout: 5 * 60_000 });
}

function debianPackage() {
  try {
    ensureDebianPackages({
      packages: ['chromium'],
      have: () => systemChromium() !== null,
      why: 'No Chromium found for the e2e tests',
    });
  } catch (error) {
    console.log(error instanceof Error ? error.message : String(error));
  }
}

/** @returns {Promise<string>} path of a Chromium executable. */
export async function findOrProvisionChromium() {
  let found = await find();
  // On Debian as root, Debian's own package first: its mirror is the one this machine is set up for, and Playwright's
  // download would need its system libraries too. Elsewhere Playwright's download first (Ubuntu's chromium is a snap).
  let ways = [playwrightDownload];
  if (isRoot && isDebianProper()) ways = [debianPackage, playwrightDownload];
  else if (isRoot && existsSync('/etc/debian_version')) ways = [playwrightDownload, debianPackage];
  for (const way of ways) {
    if (found) break;
    way();
    found = await find();
  }
  if (!found) {
    const sudo = isRoot ? '' : 'sudo ';
    const command = existsSync('/etc/debian_version')
      ? `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends chromium`
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
