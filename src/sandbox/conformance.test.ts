/**
 * The sandbox against the documented protocol table (src/conformance/cases.ts), through the same runner and
 * CLI an integrator points at OPSCOM's preview system. Field-level detail stays in push/update-delete/stats tests.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CASES, mayWrite, PLATE_PREFIX } from '../conformance/cases';
import { DEFAULT_ZONES, runConformance, SKIPPED_TEXT, type CaseResult } from '../conformance/runner';
import { start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../conformance/cli.ts', import.meta.url));
const CLOSING_LINE = /^Conformance: (\d+) passed, (\d+) failed, (\d+) informational, (\d+) skipped$/m;

/** Probes answer a question the docs leave open (cases.ts): their verdict is INFO whatever the answer. */
const PROBES = new Set(CASES.filter((c) => c.finds !== undefined).map((c) => c.id));
/** 'PASS' when a case got the verdict it should (INFO for a probe), or a message naming the case and what came back. */
const verdict = (r: CaseResult): string =>
  r.result === (PROBES.has(r.id) ? 'INFO' : 'PASS') ? 'PASS' : `${r.id}: ${r.result}, got ${r.got}`;
const live = (permits: Array<{ deleted: boolean }>) => permits.filter((p) => !p.deleted);

describe('the sandbox answers every documented protocol case', () => {
  it.each(CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const sandbox = await start();
    const run = await runConformance({ url: sandbox.url, token: TOKEN, allowWrites: true, cases: [c] });
    expect(run.results.map(verdict)).toEqual(['PASS']);
    expect(run.cleanup.failed).toEqual([]);
    expect(live(sandbox.permits())).toEqual([]);
  });
});

describe('a whole run against the sandbox', () => {
  it('passes every case and deletes every test permit it created, all recognisable', async () => {
    const sandbox = await start();
    const run = await runConformance({ url: sandbox.url, token: TOKEN, allowWrites: true });
    expect(run.results.map(verdict).filter((v) => v !== 'PASS')).toEqual([]);
    expect(run.results).toHaveLength(CASES.length);
    // The sandbox stores a repeated ticket number unless started with rejectDuplicatePermitNo.
    expect(run.findings.map((f) => [f.setting.key, f.value])).toEqual([['repeatedTicketRefused', 'no']]);

    const permits = sandbox.permits();
    expect(permits.length).toBeGreaterThan(0);
    expect(live(permits)).toEqual([]);
    expect(run.cleanup).toMatchObject({ alreadyGone: [], failed: [] });
    // Every permit is deleted either by its case or by the cleanup, never twice.
    const deletedByCleanup = new Set(run.cleanup.deleted);
    expect(permits.filter((p) => deletedByCleanup.has(p.referenceId))).toHaveLength(deletedByCleanup.size);
    for (const permit of permits) {
      expect(permit.plate.startsWith(PLATE_PREFIX)).toBe(true);
      expect(permit.startTime > new Date().toISOString().slice(0, 19) || permit.startTime.startsWith('2018')).toBe(
        true,
      );
    }
  });

  it('read-only by default: runs only cases that cannot write, skips the rest, creates nothing', async () => {
    const sandbox = await start();
    const run = await runConformance({ url: sandbox.url, token: TOKEN, allowWrites: false });
    const skippedIds = run.results.filter((r) => r.result === 'SKIP').map((r) => r.id);
    expect(skippedIds).toEqual(CASES.filter(mayWrite).map((c) => c.id));
    expect(run.results.filter((r) => r.result === 'SKIP').every((r) => r.got === SKIPPED_TEXT)).toBe(true);
    expect(run.results.filter((r) => r.result !== 'SKIP').map(verdict)).toEqual(
      CASES.filter((c) => !mayWrite(c)).map(() => 'PASS'),
    );
    expect(sandbox.permits()).toEqual([]);
    expect(
      sandbox.requestLog().every((entry) => entry.path !== '/api/OC-TOMA/v1/permits/push' || entry.status !== 200),
    ).toBe(true);
  });

  it('passes the table too when errors come with HTTP 200', async () => {
    const sandbox = await start({ errorStatus: 200 });
    const run = await runConformance({ url: sandbox.url, token: TOKEN, allowWrites: true });
    expect(run.results.map(verdict).filter((v) => v !== 'PASS')).toEqual([]);
    expect(run.results.some((r) => r.outcome?.kind === 'error' && r.outcome.status === 200)).toBe(true);
    expect(live(sandbox.permits())).toEqual([]);
  });

  it('sends each case as a raw POST with JSON headers, raw string bodies as they are', async () => {
    const sandbox = await start();
    const seen: Array<{ method: string; headers: Headers; body: string }> = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push({
        method: init?.method ?? 'GET',
        headers: new Headers(init?.headers),
        body: typeof init?.body === 'string' ? init.body : '',
      });
      return fetch(input, init);
    };
    const notJson = CASES.find((c) => c.id === 'push.body.not-json');
    const now = new Date('2030-01-01T00:00:00Z');
    await runConformance({
      url: sandbox.url,
      token: TOKEN,
      allowWrites: false,
      fetch: spy,
      cases: [notJson!],
      runId: 'ABCD',
      now: () => now,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.headers.get('content-type')).toBe('application/json');
    expect(seen[0]?.headers.get('accept')).toBe('application/json');
    const sent = notJson!.body({ token: TOKEN, zones: DEFAULT_ZONES, now, uniqueSuffix: 'ABCD00' });
    expect(typeof sent).toBe('string');
    expect(seen[0]?.body).toBe(sent);
  });
});

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
