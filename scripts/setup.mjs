// `npm run setup`, and ensureSetup() for the other scripts: install
// node_modules when they are missing or out of date, then try to fetch
// Electron's binary. Plain Node with no dependencies: node_modules may not exist yet.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';
import { ROOT, isMain } from './proc.mjs';

const isWindows = process.platform === 'win32';

const STAMP = join(ROOT, 'node_modules', '.kiosk-setup-stamp');
const LOCK = join(ROOT, 'package-lock.json');

const isSet = (value) => Boolean(value) && value !== '0' && value !== 'false';

/** The parts of package.json that decide what npm installs: editing a script or the description reinstalls nothing. */
const INSTALL_FIELDS = [
  'dependencies',
  'devDependencies',
  'optionalDependencies',
  'peerDependencies',
  'bundleDependencies',
  'overrides',
  'allowScripts',
];

/** Hash of what decides the installed packages (the lock, and those fields); stored in the stamp after a good install. */
function manifestHash() {
  const hash = createHash('sha256');
  const read = (file) => (existsSync(join(ROOT, file)) ? readFileSync(join(ROOT, file), 'utf8') : '');
  const manifest = JSON.parse(read('package.json') || '{}');
  const installed = Object.fromEntries(INSTALL_FIELDS.map((field) => [field, manifest[field] ?? null]));
  hash.update(`package.json\0${JSON.stringify(installed)}\0package-lock.json\0${read('package-lock.json')}\0`);
  return hash.digest('hex');
}

/** The stamp's earlier form (both files whole), still taken as up to date so that no clone reinstalls just for it. */
function legacyManifestHash() {
  const hash = createHash('sha256');
  for (const file of ['package.json', 'package-lock.json']) {
    const path = join(ROOT, file);
    hash.update(`${file}\0${existsSync(path) ? readFileSync(path) : ''}\0`);
  }
  return hash.digest('hex');
}

function npm(args, options = {}) {
  // The Electron binary is fetched separately below, so an offline machine can still install.
  const env = { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  // --prefer-offline: what npm's cache already holds is used without asking the registry again.
  const flags = ['--no-audit', '--no-fund', '--prefer-offline'];
  return spawnSync('npm', [...args, ...flags], { cwd: ROOT, env, shell: isWindows, ...options });
}

/**
 * A fresh clone installs with the machine's own Node, older than the one the project pins (which this very install
 * brings): npm then warns EBADENGINE for every package that wants a newer Node. Those are said once, in one line.
 */
function withoutEngineWarnings(text) {
  const lines = text.split('\n');
  const engine = lines.filter((line) => line.startsWith('npm warn EBADENGINE Unsupported engine')).length;
  if (engine === 0) return text;
  const rest = lines.filter((line) => !line.startsWith('npm warn EBADENGINE')).join('\n');
  return (
    `Installed with this machine's Node ${process.version}: ${engine} package(s) want a newer one, which the ` +
    `project brings (node@${PROJECT_NODE_MAJOR}) and runs on from here.\n${rest}`
  );
}

function installPackages() {
  const started = Date.now();
  if (existsSync(LOCK)) {
    console.log('Installing packages (npm ci)...');
    // npm ci, never npm install: installing must not rewrite the committed lock (a test run leaves git clean).
    // --loglevel: under `npm run --silent` npm ci would hide the error we look at below.
    const ci = npm(['ci', '--loglevel=warn'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    const errors = ci.stderr || ci.error?.message || '';
    process.stderr.write(withoutEngineWarnings(errors));
    if (ci.status !== 0 && errors.includes('code EUSAGE'))
      throw new Error(
        'package-lock.json does not match package.json, so npm ci refused it. ' +
          'Run "npm install" once, check the changed package-lock.json and commit it.',
      );
    if (ci.status !== 0)
      throw new Error(`Installing packages failed (npm ci exit code ${ci.status}). See the messages above.`);
  } else {
    console.log('Installing packages (npm install; it writes package-lock.json: commit it)...');
    const install = npm(['install'], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error(`Installing packages failed (npm install exit code ${install.status}).`);
  }
  console.log(`Packages installed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

function tryElectronBinary() {
  if (findElectronBinary()) return;
  console.log("Downloading Electron's binary...");
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron', 'install.js')], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status === 0 && findElectronBinary()) {
    console.log("Electron's binary is ready.");
  } else {
    console.log(
      "Electron's binary could not be downloaded (no internet?): the kiosk will run as a browser station. See docs/setup.md, 'Offline installs'.",
    );
  }
}

/**
 * Make sure node_modules matches package.json/package-lock.json. Cheap when
 * nothing changed (one hash). Also tries once to fetch Electron's binary after
 * a fresh install, or always when `tryElectron` is true (`npm run setup`).
 */
export function ensureSetup({ tryElectron = false } = {}) {
  const wanted = manifestHash();
  const current = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  const installed = current !== wanted && current !== legacyManifestHash();
  if (installed) installPackages();
  // Hash again: "npm install" without a lock file writes one.
  if (current !== wanted) writeFileSync(STAMP, `${manifestHash()}\n`);
  const skipElectron = isSet(process.env.KIOSK_SKIP_ELECTRON_BINARY) || isSet(process.env.CI);
  if ((installed || tryElectron) && !skipElectron) tryElectronBinary();
}

/** The Node the project runs on: the `node` package's binary (Node 24 LTS), pinned in package.json. */
export const PROJECT_NODE_MAJOR = 24;
const projectNode = () => join(ROOT, 'node_modules', 'node', 'bin', isWindows ? 'node.exe' : 'node');

/**
 * A script started by a machine's own, older Node (a fresh clone: node_modules did not exist yet, so npm could not
 * put the pinned Node first on the PATH) runs itself again on the pinned one, with node_modules/.bin first on the
 * PATH for everything it starts. Returns only when this process already runs on the project's Node.
 */
export function runOnProjectNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= PROJECT_NODE_MAJOR || !existsSync(projectNode())) return;
  const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
  const binDir = join(ROOT, 'node_modules', '.bin');
  const env = { ...process.env, [pathKey]: `${binDir}${isWindows ? ';' : ':'}${process.env[pathKey] ?? ''}` };
  const result = spawnSync(projectNode(), process.argv.slice(1), { stdio: 'inherit', env });
  if (result.error) {
    console.error(`Could not start the project's Node (${projectNode()}): ${result.error.message}`);
    process.exit(1);
  }
  process.exit(result.status ?? 1);
}

/** The first step of every npm script: set up, or print why not in plain words and exit 1; then the pinned Node. */
export function ensureSetupOrExit(options) {
  try {
    ensureSetup(options);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  runOnProjectNode();
}

if (isMain(import.meta.url)) {
  ensureSetupOrExit({ tryElectron: true });
  console.log('Setup is complete.');
}
