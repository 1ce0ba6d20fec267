// Small process helpers shared by the scripts in this folder. Plain Node, no
// dependencies: setup.mjs imports this before node_modules exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const isWindows = process.platform === 'win32';
// Windows can only run .cmd shims through a shell, which needs quoted paths.
const command = (cmd) => (isWindows && cmd.includes(' ') ? `"${cmd}"` : cmd);

/** True when the module at `metaUrl` is the script Node was started with. */
export function isMain(metaUrl) {
  return Boolean(process.argv[1]) && metaUrl === pathToFileURL(process.argv[1]).href;
}

/** Path of a locally installed CLI (node_modules/.bin), so we skip npx's lookup cost. */
export function bin(name) {
  return join(ROOT, 'node_modules', '.bin', isWindows ? `${name}.cmd` : name);
}

/** Run a command to completion with inherited stdio; returns its exit code. */
export function runSync(cmd, args, options = {}) {
  const result = spawnSync(command(cmd), args, { cwd: ROOT, stdio: 'inherit', shell: isWindows, ...options });
  if (result.error) {
    console.error(`Could not run ${cmd}: ${result.error.message}`);
    return 1;
  }
  return result.status ?? 128 + (constants.signals[result.signal] ?? 0);
}

/** Build with electron-vite; exits the process if the build fails. */
export function buildOrExit() {
  console.log('Building the app (electron-vite build)...');
  const code = runSync(bin('electron-vite'), ['build']);
  if (code !== 0) {
    console.error('The build failed (see above).');
    process.exit(code);
  }
}

/** True when `target` is missing or any file under `sources` (files or dirs) is newer. */
export function isStale(target, sources) {
  const targetPath = join(ROOT, target);
  if (!existsSync(targetPath)) return true;
  const builtAt = statSync(targetPath).mtimeMs;
  const newer = (path) => {
    if (!existsSync(path)) return false;
    const stat = statSync(path);
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return readdirSync(path).some((name) => newer(join(path, name)));
  };
  return sources.some((source) => newer(join(ROOT, source)));
}

/**
 * Run a long-lived child with inherited stdio, pass signals on, and exit with
 * its exit code (or 128 + signal number). Ctrl-C in a terminal already reaches the child (same process
 * group), so SIGINT is only forwarded when we are not attached to a terminal;
 * otherwise the child would see it twice and might skip a graceful shutdown.
 */
export function runAndExit(cmd, args, options = {}) {
  const child = spawn(command(cmd), args, { cwd: ROOT, stdio: 'inherit', shell: isWindows, ...options });
  const forward = (signal) => {
    if (signal === 'SIGINT' && process.stdin.isTTY) return;
    if (child.exitCode === null) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  // `npm run x` starts us through `sh -c`, and sh dies on SIGTERM without
  // passing it on. Once our parent is gone, stop the child rather than leak it.
  const parent = process.ppid;
  const watchdog = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watchdog);
    forward('SIGTERM');
  }, 500);
  watchdog.unref();
  child.on('error', (error) => {
    console.error(`Could not start ${cmd}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (constants.signals[signal] ?? 0));
  });
}
