import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The station's CLI as global-setup.ts builds it for the run, from src/main/station/cli.ts. */
export const BUILT = { station: 'out/e2e/station.mjs' } as const;

/** The Node the project pins (node_modules/node, as npm scripts run on), else the one running the tests. */
const pinnedNode = path.join(ROOT, 'node_modules/node/bin', process.platform === 'win32' ? 'node.exe' : 'node');
const NODE = existsSync(pinnedNode) ? pinnedNode : process.execPath;

/**
 * Starts the station's CLI, built once for the run, with plain `node` from the project's root: the same flags and
 * output as `npm run station`, without npm's and tsx's start-up each time.
 */
export function startBuilt(
  cli: keyof typeof BUILT,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): ReturnType<typeof startProcess> {
  return startProcess(NODE, [path.join(ROOT, BUILT[cli]), ...args], ready, env);
}

/** Starts a long-running command and resolves once a line of its output matches `ready`. */
export async function startProcess(
  command: string,
  args: string[],
  ready: RegExp,
  env: Record<string, string> = {},
): Promise<{
  child: ChildProcess;
  match: RegExpExecArray;
  output: () => string;
  stop: () => Promise<void>;
  kill9: () => Promise<void>;
}> {
  // Its own process group, so stopping it stops the server and anything it started together.
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} ${args.join(' ')} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = ready.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    match,
    output: () => output,
    stop: () => signalGroup(child, 'SIGTERM'),
    kill9: () => signalGroup(child, 'SIGKILL'),
  };
}

export async function tempDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kiosk-e2e-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    process.kill(-child.pid!, signal);
  });
}
