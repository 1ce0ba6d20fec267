import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
  // Its own process group, so stopping it stops npm, the shell and the server together.
  const child = spawn(command, args, {
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
