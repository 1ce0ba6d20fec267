// Which Chromium is installed on this machine? Shared by the e2e scripts and the
// browser station (src/main/station/cli.ts), so both look in the same places.
// Plain Node with no dependencies: it runs before node_modules exists.
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

const isExecutable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Like `which`, without starting a process: the first executable called `name` on PATH. */
function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * The Chromium a person named in KIOSK_CHROMIUM (or CHROMIUM_PATH), or null when neither is set.
 * Throws, in plain words, when the named file does not exist: a typo should not silently pick another browser.
 */
export function chromiumFromEnvironment(env = process.env) {
  const named = env.KIOSK_CHROMIUM || env.CHROMIUM_PATH;
  if (!named) return null;
  if (!existsSync(named)) throw new Error(`KIOSK_CHROMIUM/CHROMIUM_PATH is set to ${named}, which does not exist.`);
  return named;
}

/** A Chromium or Chrome installed system-wide (Debian's /usr/bin/chromium first, then PATH), or null. */
export function systemChromium(env = process.env) {
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const name of NAMES) {
    const found = onPath(name, env);
    if (found) return found;
  }
  return null;
}
