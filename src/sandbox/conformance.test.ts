/**
 * The sandbox against the documented protocol table (src/conformance/cases.ts), through the same runner as the
 * CLI an integrator points at OPSCOM's preview system (the CLI itself: src/conformance/cli.integration.test.ts).
 * Field-level detail stays in push/update-delete/stats tests.
 */
import { describe, expect, it } from 'vitest';
import { CASES, mayWrite, PLATE_PREFIX } from '../conformance/cases';
import { DEFAULT_ZONES, runConformance, SKIPPED_TEXT, type CaseResult } from '../conformance/runner';
import { start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

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
