// Install Debian packages a script needs, as `npm test` does for Chromium: with apt-get when this is Debian or Ubuntu
// and we run as root; otherwise stop with the exact command to run. Plain Node, no dependencies.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');

/**
 * Make sure `have()` is true, installing `packages` with apt-get when it is not.
 * @param {{ packages: string[], have: () => boolean, why: string }} need
 *   `why` names what needs them, for the messages ("npm run test:package needs debootstrap").
 */
export function ensureDebianPackages({ packages, have, why }) {
  if (have()) return;
  const list = packages.join(' ');
  if (!isDebian()) throw new Error(`${why}, and this is not Debian or Ubuntu: install ${list} first.`);
  if (!isRoot()) throw new Error(`${why}. Install it as root: sudo apt-get update && sudo apt-get install -y ${list}`);
  console.log(`${why}. Installing ${list} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', ...packages]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env, timeout: 10 * 60_000 });
    if (result.status !== 0)
      throw new Error(`apt-get ${args.join(' ')} failed (see above): install ${list} by hand, then run this again.`);
  }
  if (!have()) throw new Error(`apt-get installed ${list}, but it still cannot be found.`);
}
