/**
 * Debian's Prometheus, Pushgateway and promtool, for `npm run fleet-demo` and the fleet tests: found on PATH, or
 * installed with apt-get when missing and running as root on Debian (as scripts/chromium.mjs does for Chromium).
 * Anywhere else the caller gets the command to run, never a silent skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface PrometheusTools {
  prometheus: string;
  pushgateway: string;
  promtool: string;
}

const PACKAGES = ['prometheus', 'prometheus-pushgateway'];
const NAMES: Record<keyof PrometheusTools, string> = {
  prometheus: 'prometheus',
  pushgateway: 'prometheus-pushgateway',
  promtool: 'promtool',
};

function onPath(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/local/bin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export function findPrometheusTools(): PrometheusTools | undefined {
  const found = Object.fromEntries(Object.entries(NAMES).map(([key, name]) => [key, onPath(name)]));
  return Object.values(found).every(Boolean) ? (found as unknown as PrometheusTools) : undefined;
}

/** The tools, installed first if need be; throws with the reason and the command to run when that cannot be. */
export function ensurePrometheusTools(say: (line: string) => void = console.log): PrometheusTools {
  const found = findPrometheusTools();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const debian = existsSync('/etc/debian_version');
  if (isRoot && debian) {
    say(`Installing Debian's ${PACKAGES.join(' and ')} with apt-get...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const run = (args: string[]) => spawnSync('apt-get', args, { env, stdio: 'inherit', timeout: 10 * 60_000 }).status;
    if (run(['update']) === 0 && run(['install', '-y', '--no-install-recommends', ...PACKAGES]) === 0) {
      const installed = findPrometheusTools();
      if (installed) return installed;
    }
  }
  const sudo = isRoot ? '' : 'sudo ';
  throw new Error(
    `Prometheus, the Pushgateway and promtool are needed and were not found${isRoot && debian ? ', and apt-get could not install them' : ''}. ` +
      (debian
        ? `Install them with: ${sudo}apt-get update && ${sudo}apt-get install -y ${PACKAGES.join(' ')}`
        : 'Install prometheus, pushgateway and promtool from https://prometheus.io/download/ and put them on PATH.'),
  );
}
