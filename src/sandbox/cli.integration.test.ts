/**
 * The sandbox CLI as an integrator starts it, in its own process: what it prints, its signals and exit codes.
 * Integration: it starts processes (its flags are read in process in cli-args.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_TOKEN } from './cli-args';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
}

const children: ChildProcess[] = [];

/** Runs the CLI the way `npx tsx` does, in one process so a signal reaches it directly. */
function runCli(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

describe('the sandbox CLI', () => {
  it('prints the real URL for --port 0, serves the API, and stops cleanly on SIGTERM', async () => {
    const run = runCli(['--port', '0', '--token', 'T1', '--token', 'T2']);
    await waitFor(() => run.stdout().includes('Permits view:'), 'the startup lines');
    const lines = run.stdout().trim().split('\n');
    const url = /^OPSCOM sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0] ?? '');
    expect(url).not.toBeNull();
    expect(Number(url?.[2])).toBeGreaterThan(0);
    expect(lines).toEqual([
      `OPSCOM sandbox listening on ${url?.[1]}`,
      'Accepted tokens: T1, T2',
      `Permits view: ${url?.[1]}/__sandbox/permits`,
    ]);

    const response = await fetch(`${url?.[1]}/api/OC-TOMA/v1/permits/stats`, {
      method: 'POST',
      body: JSON.stringify({ apiToken: 'T2' }),
    });
    expect(await response.json()).toEqual({ data: [] });

    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.stderr()).toBe('');
  }, 30_000);

  it('uses the demo token when no --token is given, and stops on SIGINT', async () => {
    const run = runCli(['--port', '0']);
    await waitFor(() => run.stdout().includes('Permits view:'), 'the startup lines');
    expect(run.stdout()).toContain(`Accepted tokens: ${DEMO_TOKEN}\n`);
    run.child.kill('SIGINT');
    expect(await run.exit).toBe(0);
  }, 30_000);

  it('exits with 2 and a plain-words message on a bad flag', async () => {
    const run = runCli(['--port', 'eighty']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(/--port must be a whole number/);
    expect(run.stdout()).toBe('');
  }, 30_000);
});

describe('the --fault CLI flag, on the command line', () => {
  it('the CLI exits 2 on a bad --fault and lists the fault kinds in its usage', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--fault', 'push:reset:count=0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^--fault "push:reset:count=0": count must be a whole number of requests, 1 or more\./);
    expect(stderr).toContain('store-then-drop');
    expect(stderr).toContain('--fault "<endpoint>:<kind>[:key=value,...]"');
  }, 30_000);

  it('the CLI starts with the given faults, prints them, and serves them at /__sandbox/faults', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI, '--port', '0', '--fault', 'push:store-then-drop:count=1', '--fault', '*:latency:ms=5'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await expect.poll(() => stdout, { timeout: 15_000 }).toContain('Fault: *:latency:ms=5\n');
      expect(stdout).toContain('Fault: push:store-then-drop:count=1\n');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const answer = await fetch(`${url}/__sandbox/faults`);
      expect(await answer.json()).toEqual({
        faults: [
          { endpoint: 'push', kind: 'store-then-drop', count: 1, remaining: 1 },
          { endpoint: '*', kind: 'latency', ms: 5, remaining: null },
        ],
      });
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
