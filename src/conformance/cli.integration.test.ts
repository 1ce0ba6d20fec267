/**
 * `npm run conformance` as an integrator runs it: the CLI in its own process, against the sandbox or a controller
 * that answers with HTML. Integration: it starts processes (the runner itself is tested in process beside it).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { start, useSandboxes } from '../sandbox/test-helpers';
import { CASES, mayWrite } from './cases';
import { NOT_CHECKED_LINE, PROBE, YES_LINE } from './setting-lines';

useSandboxes();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const CLOSING_LINE = /^Conformance: (\d+) passed, (\d+) failed, (\d+) informational, (\d+) skipped$/m;

/** Probes answer a question the docs leave open (cases.ts): their verdict is INFO whatever the answer. */
const PROBES = new Set(CASES.filter((c) => c.finds !== undefined).map((c) => c.id));
const live = (permits: Array<{ deleted: boolean }>) => permits.filter((p) => !p.deleted);

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Without OPSCOM_URL / OPSCOM_TOKEN from the developer's shell, so only the flags count. */
function runCli(args: string[]): Promise<CliRun> {
  const env = { ...process.env };
  delete env.OPSCOM_URL;
  delete env.OPSCOM_TOKEN;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
});

/** A "controller" that answers every request with an HTML page echoing what it was sent, token included. */
async function htmlController(): Promise<string> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end(`<html><body>Oops. You sent ${body}</body></html>`);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('npm run conformance', () => {
  it('passes against the sandbox, prints the closing line, never prints the token', async () => {
    const token = 'CLI-SECRET-TOKEN-7781';
    const sandbox = await start({ tokens: [token] });
    const run = await runCli(['--url', sandbox.url, '--token', token, '--allow-writes', '--zones', 'Lot 1,Lot 2']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^case +expected +got +result$/m);
    expect(run.stdout).toMatch(/^push\.example +success +success \(HTTP 200\) +PASS$/m);
    expect(run.stdout).toMatch(/^Cleanup: deleted \d+ test permits\.$/m);
    const closing = CLOSING_LINE.exec(run.stdout);
    expect(closing?.slice(1).map(Number)).toEqual([CASES.length - PROBES.size, 0, PROBES.size, 0]);
    expect(run.stdout.trimEnd().endsWith(closing?.[0] ?? '?')).toBe(true);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
    expect(live(sandbox.permits())).toEqual([]);
  }, 60_000);

  it('fails (exit 1) against a controller that answers with HTML, and redacts the token it echoes', async () => {
    const token = 'ECHOED-SECRET-TOKEN-1234';
    const url = await htmlController();
    const run = await runCli(['--url', url, '--token', token]);
    expect(run.code).toBe(1);
    const closing = CLOSING_LINE.exec(run.stdout);
    const readOnly = CASES.filter((c) => !mayWrite(c)).length;
    expect(closing?.slice(1).map(Number)).toEqual([0, readOnly, 0, CASES.length - readOnly]);
    expect(run.stdout).toMatch(/^stats\.zones\.none +stats +unexpected: HTTP 500 <html><body>Oops\. .* FAIL$/m);
    expect(run.stdout).toContain('[redacted]');
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  }, 60_000);

  it('refuses a wrong command line in plain words with exit 2, without echoing values', async () => {
    const missing = await runCli(['--token', 'T']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Say which controller to check/);
    const typo = await runCli(['--url', 'http://127.0.0.1:9', '--tokn', 'TYPO-SECRET-99']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Unknown option '--tokn'/);
    expect(`${typo.stdout}${typo.stderr}`).not.toContain('TYPO-SECRET-99');
  }, 60_000);
});

describe('npm run conformance prints the setting to choose', () => {
  /** The repeated-ticket probe's sandbox token (as in src/conformance/repeated-ticket.test.ts). */
  const TOKEN = 'PROBE-TOKEN-1';

  it('with --allow-writes: the value found, just above the closing line (exit 0: INFO is no failure)', async () => {
    const target = await start({ tokens: [TOKEN], rejectDuplicatePermitNo: true });
    const run = await runCli(['--url', target.url, '--token', TOKEN, '--allow-writes', '--only', PROBE]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^push\.repeat\.permitNo +9022 or success +9022 \(HTTP 409\): refused as already stored +INFO$/m,
    );
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([YES_LINE, 'Conformance: 0 passed, 0 failed, 1 informational, 0 skipped']);
    expect(live(target.permits())).toEqual([]);
  }, 60_000);

  it('read-only: says the setting was not checked and how to check it', async () => {
    const target = await start({ tokens: [TOKEN] });
    const run = await runCli(['--url', target.url, '--token', TOKEN, '--only', PROBE]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toContain(NOT_CHECKED_LINE);
    expect(target.permits()).toEqual([]);
  }, 60_000);
});
