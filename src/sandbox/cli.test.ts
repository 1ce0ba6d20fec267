import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLI_PORT, DEMO_TOKEN, parseSandboxArgs } from './cli-args';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

describe('parseSandboxArgs', () => {
  it('defaults to port 18080, 127.0.0.1 and the demo token', () => {
    expect(parseSandboxArgs([])).toEqual({
      kind: 'run',
      options: {
        port: DEFAULT_CLI_PORT,
        host: '127.0.0.1',
        tokens: [DEMO_TOKEN],
        errorStatus: 'http',
        statsCounts: 'all',
        rejectDuplicatePermitNo: false,
      },
    });
  });

  it('reads every flag', () => {
    const parsed = parseSandboxArgs([
      '--port',
      '0',
      '--token',
      'T1',
      '--token=T2',
      '--zones',
      'Lot 1, Lot 2',
      '--error-status',
      '200',
      '--stats-counts',
      'active',
      '--reject-duplicate-permit-no',
      '--host',
      '::1',
    ]);
    expect(parsed).toEqual({
      kind: 'run',
      options: {
        port: 0,
        host: '::1',
        tokens: ['T1', 'T2'],
        zones: ['Lot 1', 'Lot 2'],
        errorStatus: 200,
        statsCounts: 'active',
        rejectDuplicatePermitNo: true,
      },
    });
  });

  it.each([
    [['--prot', '1'], /--prot/],
    [['extra'], /extra/],
    [['--port', 'abc'], /--port/],
    [['--port', '65536'], /--port/],
    [['--port', '-1'], /--port/],
    [['--token', 'has space'], /--token/],
    [['--token', 'x'.repeat(51)], /--token/],
    [['--zones', ' , '], /--zones/],
    [['--error-status', '500'], /--error-status/],
    [['--stats-counts', 'some'], /--stats-counts/],
    [['--host', '0.0.0.0'], /--host/],
  ])('refuses %j in plain words', (argv, message) => {
    const parsed = parseSandboxArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.message).toMatch(message);
  });

  it('does not echo a bad token', () => {
    const parsed = parseSandboxArgs(['--token', 'secret value']);
    expect(parsed.kind === 'error' && parsed.message.includes('secret value')).toBe(false);
  });
});

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
