// The Debian packages `npm test` needs besides node_modules: Chromium for the e2e tests and Prometheus' tools for the
// integration tests. On Debian as root, the missing ones are installed in the background from the very start of
// `npm test`, while npm ci and the first checks run; the steps that need them wait for it (systemPackagesReady).
// Anywhere else nothing happens here, and those steps find or ask for them themselves (scripts/chromium.mjs,
// scripts/fleet/tools.ts). Plain Node with no dependencies: node_modules may not exist yet.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromiumFromEnvironment, systemChromium } from './installed-chromium.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
/** Debian itself: Ubuntu's `chromium` package only installs a snap, which does not run in a container. */
export const isDebianProper = () => /^ID=debian$/m.test(read('/etc/os-release')) && existsSync('/usr/bin/apt-get');

const onPath = (name) =>
  [...(process.env.PATH ?? '').split(delimiter), '/usr/bin', '/usr/local/bin'].some(
    (dir) => dir && existsSync(join(dir, name)),
  );

/** A Chromium Playwright downloaded earlier (`npx playwright install chromium`), which scripts/chromium.mjs prefers. */
function playwrightChromiumDownloaded() {
  const folder = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  return existsSync(folder) && readdirSync(folder).some((name) => name.startsWith('chromium'));
}

/** What `npm test` would install with apt-get on this machine, or [] (not Debian, not root, or nothing missing). */
export function missingDebianPackages() {
  if (!isRoot() || !isDebianProper()) return [];
  const missing = [];
  const hasChromium = (() => {
    try {
      return Boolean(chromiumFromEnvironment() || systemChromium() || playwrightChromiumDownloaded());
    } catch {
      return true; // KIOSK_CHROMIUM names a file that is not there: scripts/chromium.mjs says so, in words.
    }
  })();
  if (!hasChromium) missing.push('chromium');
  // The names scripts/fleet/tools.ts looks for, and the packages it would install.
  if (!['prometheus', 'prometheus-pushgateway', 'promtool'].every(onPath))
    missing.push('prometheus', 'prometheus-pushgateway');
  return missing;
}

/**
 * Starts apt-get for the missing packages in the background, without waiting. The process that waits for it may be
 * another one (this script run again on the project's Node): it finds the job through the environment.
 */
export function startSystemPackages() {
  if (process.env.KIOSK_APT_STATUS) return;
  const packages = missingDebianPackages();
  if (packages.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-apt-'));
  const log = join(dir, 'apt.log');
  const status = join(dir, 'status');
  const output = openSync(log, 'a');
  const list = packages.join(' ');
  const script =
    `apt-get update && apt-get install -y --no-install-recommends ${list}; ` +
    `echo $? > "${status}.part" && mv "${status}.part" "${status}"`;
  const child = spawn('sh', ['-c', script], {
    stdio: ['ignore', output, output],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  child.unref();
  Object.assign(process.env, {
    KIOSK_APT_PACKAGES: list,
    KIOSK_APT_LOG: log,
    KIOSK_APT_STATUS: status,
    KIOSK_APT_STARTED: String(Date.now()),
  });
  console.log(`Installing ${list} with apt-get in the background (--no-install-recommends; log: ${log}).`);
}

/**
 * Waits for the background apt-get, if one was started. Resolves to null when none was, else to what it did; its
 * output is printed when it failed (the step that needs the packages then tries, or says what to run).
 */
export async function systemPackagesReady() {
  const { KIOSK_APT_STATUS: status, KIOSK_APT_LOG: log, KIOSK_APT_PACKAGES: packages } = process.env;
  if (!status) return null;
  while (!existsSync(status)) await new Promise((resolve) => setTimeout(resolve, 500));
  const code = Number(read(status).trim());
  const ms = statSync(status).mtimeMs - Number(process.env.KIOSK_APT_STARTED);
  if (code === 0) console.log(`apt-get installed ${packages} in the background (${(ms / 1000).toFixed(1)} s).`);
  else console.log(`apt-get could not install ${packages} (exit code ${code}):\n${read(log).slice(-4000)}`);
  return { packages, code, ms };
}
