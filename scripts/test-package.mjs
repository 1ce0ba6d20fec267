// `npm run test:package` (not part of `npm test`; needs root and, the first time, a Debian mirror): installs the
// station's .deb into a fresh Debian 12 (bookworm) minimal root and checks, over HTTP, that the installed files
// serve the kiosk page and issue a permit in demo mode through the station's bridge (docs/operator/install-station.md).
//
// - On a fresh machine it installs what it needs first, as `npm test` does: the packages (setup.mjs), and
//   debootstrap with Debian's archive keyring through apt-get (apt.mjs) when it has to make a root.
// - The root comes from debootstrap --variant=minbase once, then from its cached copy in
//   ~/.cache/opscom-kiosk/bookworm-minbase-root.tar (DEBIAN_MIRROR picks another mirror; --fresh ignores the cache).
// - There is no systemd in a chroot: the station unit's own ExecStart line is run, as its User=, with its
//   Environment= (only the port is swapped for a free one, as /etc/opscom-kiosk/station.env would).
// - --keep leaves the root in place for a look inside.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages } from './apt.mjs';
import { isStale, ROOT } from './proc.mjs';
import { ensureSetupOrExit, PROJECT_NODE_MAJOR } from './setup.mjs';

const MIRROR = process.env.DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
const CACHE = join(os.homedir(), '.cache', 'opscom-kiosk');
const ROOT_TAR = join(CACHE, 'bookworm-minbase-root.tar');
const args = new Set(process.argv.slice(2));
const figures = [];
const step = async (name, work) => {
  const started = Date.now();
  const value = await work();
  figures.push([name, `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  return value;
};

function run(cmd, cmdArgs, options = {}) {
  const result = spawnSync(cmd, cmdArgs, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${cmd} could not run: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${cmd} ${cmdArgs.join(' ')} failed (${result.status}):\n${result.stderr || result.stdout}`);
  return result.stdout;
}

function check(condition, what) {
  if (!condition) throw new Error(`FAILED: ${what}`);
  console.log(`ok   ${what}`);
}

const DEBIAN_KEYRING = '/usr/share/keyrings/debian-archive-keyring.gpg';
const hasDebootstrap = () =>
  (existsSync('/usr/sbin/debootstrap') || existsSync('/usr/bin/debootstrap')) && existsSync(DEBIAN_KEYRING);
/** A cached root is used unless --fresh: debootstrap is needed only without one. */
const needsDebootstrap = () => args.has('--fresh') || !existsSync(ROOT_TAR);

/** debootstrap and the keyring that checks Debian's archive (Ubuntu lacks it), with apt-get when missing. */
function ensureDebootstrap() {
  ensureDebianPackages({
    packages: ['debootstrap', 'debian-archive-keyring'],
    have: hasDebootstrap,
    why: 'npm run test:package makes a Debian 12 root with debootstrap, which is not installed',
  });
}

async function debianRoot(dir) {
  if (!needsDebootstrap()) {
    run('tar', ['-C', dir, '-xpf', ROOT_TAR]);
    return 'cached';
  }
  ensureDebootstrap();
  const result = spawnSync('debootstrap', ['--variant=minbase', 'bookworm', dir, MIRROR], { encoding: 'utf8' });
  if (result.status !== 0) {
    const last = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`debootstrap could not make a Debian 12 root from ${MIRROR}:\n${last}`);
  }
  mkdirSync(CACHE, { recursive: true });
  run('tar', ['-C', dir, '-cpf', ROOT_TAR, '.']);
  return `debootstrap from ${MIRROR}`;
}

/** The unit's ExecStart, User= and Environment= lines, as systemd would read them (no quoting in ours). */
function readUnit(text) {
  const lines = text.split('\n').map((line) => line.trim());
  const value = (key) => lines.filter((line) => line.startsWith(`${key}=`)).map((line) => line.slice(key.length + 1));
  const env = Object.fromEntries(value('Environment').map((pair) => pair.split(/=(.*)/s).slice(0, 2)));
  return { execStart: value('ExecStart')[0], user: value('User')[0], env };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startStation(root, unit, port) {
  const env = { ...unit.env, KIOSK_PORT: String(port), PATH: '/usr/bin:/bin' };
  const argv = unit.execStart.split(/\s+/).map((word) => word.replace(/\$\{(\w+)\}/g, (_, name) => env[name] ?? ''));
  const child = spawn(
    'chroot',
    [
      `--userspec=${unit.user}:${unit.user}`,
      root,
      '/usr/bin/env',
      '-i',
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
      ...argv,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The station did not start within 60 s:\n${output}`)), 60_000);
    child.on('exit', (code) => reject(new Error(`The station stopped (${code}):\n${output}`)));
    const poll = setInterval(() => {
      const match = /Kiosk station ready at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 50);
  });
  return { child, ready, output: () => output, argv };
}

async function bridge(url, secret, channel, request) {
  const response = await fetch(`${url}bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Secret': secret },
    body: JSON.stringify(request),
  });
  const answer = await response.json();
  if (response.status !== 200 || !answer.ok)
    throw new Error(`${channel} failed: HTTP ${response.status} ${JSON.stringify(answer).slice(0, 300)}`);
  return answer.value;
}

async function main() {
  if (process.getuid?.() !== 0)
    throw new Error(
      'npm run test:package needs root: it installs the package with dpkg in a chroot (and, the first time, ' +
        'makes a Debian 12 root with debootstrap). Run it as root, e.g. sudo npm run test:package',
    );
  const started = Date.now();
  // What a fresh machine lacks, before the long build: the packages (as npm test installs them), then debootstrap.
  ensureSetupOrExit();
  if (needsDebootstrap()) ensureDebootstrap();
  // dist-station.mjs needs esbuild from node_modules, which exists only now.
  const { distStation } = await import('./dist-station.mjs');
  const sources = [
    'src',
    'deploy/debian',
    'scripts/dist-station.mjs',
    'out/renderer',
    'package.json',
    'node_modules/node/bin/node',
  ];
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const debName = `dist/opscom-kiosk-station_${version}_amd64.deb`;
  const deb = isStale(debName, sources) ? await step('build the .deb', distStation) : join(ROOT, debName);
  figures.push(['.deb size', `${(statSync(deb).size / 1e6).toFixed(1)} MB`]);

  const root = mkdtempSync(join(os.tmpdir(), 'opscom-bookworm-'));
  let station;
  try {
    const source = await step('Debian 12 root', () => debianRoot(root));
    figures.push(['root from', source]);
    // mkdtemp made it 0700 (and the cached tar keeps that): as the chroot's "/", every user must enter it.
    chmodSync(root, 0o755);
    check(readFileSync(join(root, 'etc/debian_version'), 'utf8').startsWith('12'), 'the root is Debian 12');
    run('cp', [deb, join(root, 'tmp', 'station.deb')]);
    const installed = await step('dpkg -i', () => run('chroot', [root, 'dpkg', '-i', '/tmp/station.deb']));
    check(/Setting up opscom-kiosk-station/.test(installed), 'dpkg -i installed the package');
    check(
      run('chroot', [root, 'getent', 'passwd', 'opscom-kiosk']).includes('/var/lib/opscom-kiosk'),
      'postinst made the user opscom-kiosk',
    );
    check(
      run('chroot', [root, 'getent', 'passwd', 'opscom-screen']).length > 0,
      'postinst made the screen user opscom-screen',
    );
    const data = statSync(join(root, 'var/lib/opscom-kiosk'));
    check((data.mode & 0o777) === 0o700, 'the data folder is 0700');
    const nodeVersion = run('chroot', [root, '/opt/opscom-kiosk/node', '--version']).trim();
    check(/^v\d+\./.test(nodeVersion), `the carried Node runs in the root (${nodeVersion})`);
    check(
      Number(nodeVersion.slice(1).split('.')[0]) >= PROJECT_NODE_MAJOR,
      `it is Node ${PROJECT_NODE_MAJOR} or later, the project's pinned Node`,
    );
    figures.push(['Node carried', nodeVersion]);
    figures.push([
      'installed size',
      `${(Number(run('chroot', [root, 'dpkg-query', '-W', '-f=${Installed-Size}', 'opscom-kiosk-station'])) / 1024).toFixed(1)} MiB`,
    ]);

    const unit = readUnit(readFileSync(join(root, 'lib/systemd/system/opscom-kiosk-station.service'), 'utf8'));
    check(
      unit.user === 'opscom-kiosk' && unit.env.KIOSK_DATA_DIR === '/var/lib/opscom-kiosk',
      'the unit runs as opscom-kiosk on /var/lib/opscom-kiosk',
    );
    const port = await freePort();
    station = startStation(root, unit, port);
    const url = await step('station start', () => station.ready);
    check(url === `http://127.0.0.1:${port}/`, `the unit's ExecStart serves ${url} (${station.argv.join(' ')})`);
    check(/DEMO — built-in sandbox/.test(station.output()), 'it runs in demo mode (no controller configured)');

    const page = await fetch(url);
    const html = await page.text();
    check(page.status === 200 && html.includes('<div id="root">'), 'it serves the kiosk page');
    const secret = /<meta name="kiosk-bridge-secret" content="([^"]+)"/.exec(html)?.[1];
    check(Boolean(secret), 'the page carries the bridge secret');
    const script = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
    check(script && (await fetch(`${url}${script}`)).status === 200, `it serves the page's script (${script})`);
    check(
      (await fetch(`${url}bridge/invoke/kiosk%3Ainfo`, { method: 'POST', body: '{}' })).status === 401,
      'a bridge call without the secret gets 401',
    );

    const permit = await step('issue a permit', async () => {
      const info = await bridge(url, secret, 'kiosk:info', {});
      await bridge(url, secret, 'shift:start', { attendant: 'Package test' });
      await bridge(url, secret, 'drawer:open', { floatCents: 15000 });
      const zone = info.zones[0];
      return bridge(url, secret, 'permits:issue', {
        requestId: crypto.randomUUID(),
        plate: 'PKG123',
        zone: zone.name,
        durationMinutes: zone.presets[0]?.minutes ?? 60,
        tender: { method: 'cash', tenderedCents: 10000 },
      });
    });
    check(
      permit.plate === 'PKG123' && /^[A-Z0-9]+-\d{6}$/.test(permit.ticketNumber),
      `a permit was issued: ${permit.ticketNumber}, ${permit.status}`,
    );
    check(
      permit.tender?.method === 'cash',
      `its cash tender was recorded (change ${permit.tender?.changeCents} cents)`,
    );
    const files = run('chroot', [root, 'find', '/var/lib/opscom-kiosk', '-printf', '%u %P\n']);
    const owners = files.split('\n').filter(Boolean);
    const allOwned = owners.every((line) => line.startsWith('opscom-kiosk '));
    check(
      allOwned,
      `every file in the data folder belongs to opscom-kiosk (${owners.length})${allOwned ? '' : `:\n${files}`}`,
    );

    const stopped = new Promise((resolve) => station.child.once('exit', (code, signal) => resolve(code ?? signal)));
    const stopStarted = Date.now();
    station.child.kill('SIGTERM');
    const code = await stopped;
    figures.push(['station stop', `${((Date.now() - stopStarted) / 1000).toFixed(1)} s`]);
    check(code === 0, 'SIGTERM stops it cleanly (exit 0)');
    station = undefined;
  } finally {
    if (station) station.child.kill('SIGKILL');
    if (args.has('--keep')) console.log(`The root is kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
  figures.push(['total', `${((Date.now() - started) / 1000).toFixed(1)} s`]);
  console.log('\nPackage test passed.');
  for (const [name, value] of figures) console.log(`  ${name.padEnd(18)} ${value}`);
}

main().catch((error) => {
  console.error(`\n${error.message}`);
  process.exit(1);
});
