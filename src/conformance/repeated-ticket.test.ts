/**
 * The repeated-ticket-number probe (push.repeat.permitNo) against the real sandbox, both ways it can be set up,
 * and the setting line the report prints from its finding (as the CLI prints it: src/conformance/cli.integration.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../sandbox/server';
import { CASES, REPEATED_TICKET_REFUSED, selectCases } from './cases';
import { formatFindings } from './report';
import { API_PATH, runConformance, type RunOptions } from './runner';
import { LEAVE, NO_LINE, NOT_CHECKED_LINE, PROBE, YES_LINE } from './setting-lines';

const TOKEN = 'PROBE-TOKEN-1';

const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

async function sandbox(options: Partial<SandboxOptions> = {}): Promise<RunningSandbox> {
  const started = await startSandbox({ tokens: [TOKEN], ...options });
  running.push(started);
  return started;
}

/** The probe alone, with writes allowed, against a sandbox or (with `fetch`) a stand-in controller. */
function probe(target: { url: string }, options: Partial<RunOptions> = {}) {
  return runConformance({ url: target.url, token: TOKEN, allowWrites: true, cases: selectCases([PROBE]), ...options });
}

const live = (target: RunningSandbox) => target.permits().filter((p) => !p.deleted);
const pushesSent = (target: RunningSandbox) => target.requestLog().filter((entry) => entry.path === `${API_PATH}push`);

describe('the repeated-ticket-number probe against the sandbox', () => {
  it('finds "yes" when the controller refuses the repeat with 9022, and deletes the one permit stored', async () => {
    const target = await sandbox({ rejectDuplicatePermitNo: true });
    const run = await probe(target);

    expect(run.results).toHaveLength(1);
    expect(run.results[0]).toMatchObject({
      id: PROBE,
      result: 'INFO',
      expected: '9022 or success',
      got: '9022 (HTTP 409): refused as already stored',
    });
    expect(run.findings).toEqual([
      {
        caseId: PROBE,
        setting: REPEATED_TICKET_REFUSED,
        value: 'yes',
        status: 'checked',
        got: '9022 (HTTP 409): refused as already stored',
      },
    ]);
    expect(formatFindings(run.findings)).toEqual([YES_LINE]);

    // The very same body twice, with a ticket number that marks it as this run's.
    const [first, second] = pushesSent(target);
    expect(pushesSent(target)).toHaveLength(2);
    expect(second?.body).toEqual(first?.body);
    expect((first?.body as Record<string, unknown>).permitNo).toMatch(/^CONF-[A-Z0-9]+$/);

    const permits = target.permits();
    expect(permits).toHaveLength(1);
    expect(run.cleanup).toEqual({ deleted: [permits[0]?.referenceId], alreadyGone: [], failed: [] });
    expect(live(target)).toEqual([]);
  });

  it('finds "no" when the controller stores the repeat, and deletes both permits', async () => {
    const target = await sandbox({ rejectDuplicatePermitNo: false });
    const run = await probe(target);

    expect(run.results[0]).toMatchObject({ result: 'INFO', got: 'success (HTTP 200): accepted again, not refused' });
    expect(run.findings).toMatchObject([{ caseId: PROBE, value: 'no', status: 'checked' }]);
    expect(formatFindings(run.findings)).toEqual([NO_LINE]);

    const permits = target.permits();
    expect(permits).toHaveLength(2);
    expect(permits[0]?.permitNo).toBe(permits[1]?.permitNo);
    expect([...run.cleanup.deleted].sort()).toEqual(permits.map((p) => p.referenceId).sort());
    expect(run.cleanup.failed).toEqual([]);
    expect(live(target)).toEqual([]);
  });

  it('a read-only run skips it, pushes nothing and reports the setting as not checked', async () => {
    const target = await sandbox({ rejectDuplicatePermitNo: true });
    const run = await probe(target, { allowWrites: false });

    expect(run.results[0]).toMatchObject({ id: PROBE, result: 'SKIP' });
    expect(run.findings).toEqual([
      { caseId: PROBE, setting: REPEATED_TICKET_REFUSED, value: 'unknown', status: 'skipped' },
    ]);
    expect(formatFindings(run.findings)).toEqual([NOT_CHECKED_LINE]);
    expect(target.requestLog()).toEqual([]);
  });

  it('a whole run against a sandbox that refuses repeats: every other case still passes, the finding is "yes"', async () => {
    const target = await sandbox({ rejectDuplicatePermitNo: true });
    const run = await runConformance({ url: target.url, token: TOKEN, allowWrites: true });

    expect(run.results).toHaveLength(CASES.length);
    expect(run.results.filter((r) => r.result !== 'PASS').map((r) => `${r.id}: ${r.result}`)).toEqual([
      `${PROBE}: INFO`,
    ]);
    expect(run.findings.map((f) => f.value)).toEqual(['yes']);
    expect(run.cleanup).toMatchObject({ alreadyGone: [], failed: [] });
    expect(live(target)).toEqual([]);
  });

  it('leaves no finding when --only leaves the probe out', async () => {
    const target = await sandbox();
    const run = await runConformance({
      url: target.url,
      token: TOKEN,
      allowWrites: true,
      cases: selectCases(['stats.example']),
    });
    expect(run.findings).toEqual([]);
    expect(formatFindings(run.findings)).toEqual([]);
  });
});

describe('the probe when the answer settles nothing', () => {
  const json = (status: number, body: unknown): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  /** The first push succeeds as ref-1; the repeat gets `repeat`; deletes succeed. */
  function controller(repeat: () => Response | Promise<Response>): { fetch: typeof fetch; deleted: string[] } {
    const deleted: string[] = [];
    let pushes = 0;
    const fetchImpl: typeof fetch = async (input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, string>;
      if (String(input).endsWith('/delete')) {
        deleted.push(body.referenceID ?? '');
        return json(200, { status: 'success', reference_id: body.referenceID });
      }
      pushes += 1;
      return pushes === 1 ? json(200, { status: 'success', reference_id: 'ref-1' }) : repeat();
    };
    return { fetch: fetchImpl, deleted };
  }

  /** Where the stand-in controller is said to be; its `fetch` answers without a network. */
  const STAND_IN = { url: 'https://controller.test' };
  const unsettled = (got: string) => `${LEAVE}: ${PROBE} could not tell — ${got}.`;

  it('another ErrorCode: INFO, unknown, with what came back; the first permit is still deleted', async () => {
    const stub = controller(() => json(400, { ErrorCode: 9033, ErrorMessage: 'Field value invalid.' }));
    const run = await probe(STAND_IN, { fetch: stub.fetch });
    expect(run.results[0]).toMatchObject({ result: 'INFO', got: '9033 (HTTP 400): neither 9022 nor success' });
    expect(run.findings).toMatchObject([{ value: 'unknown', status: 'checked' }]);
    expect(formatFindings(run.findings)).toEqual([unsettled('9033 (HTTP 400): neither 9022 nor success')]);
    expect(stub.deleted).toEqual(['ref-1']);
  });

  it('no answer to the repeat: FAIL as anywhere in the table, unknown', async () => {
    const stub = controller(() => Promise.reject(new TypeError('fetch failed')));
    const run = await probe(STAND_IN, { fetch: stub.fetch });
    expect(run.results[0]).toMatchObject({ result: 'FAIL', got: 'no answer: fetch failed' });
    expect(run.findings).toMatchObject([{ value: 'unknown', status: 'checked', got: 'no answer: fetch failed' }]);
    expect(stub.deleted).toEqual(['ref-1']);
  });

  it('the first push refused: not run, unknown, and says why', async () => {
    const refusing: typeof fetch = async () => json(400, { ErrorCode: 9002 });
    const run = await probe(STAND_IN, { fetch: refusing });
    expect(run.findings).toMatchObject([
      { value: 'unknown', status: 'checked', got: 'not run: its push beforehand got 9002 (HTTP 400)' },
    ]);
  });

  it('a run stopped before it: not checked', async () => {
    const stop = new AbortController();
    stop.abort();
    const run = await probe(STAND_IN, { fetch: controller(() => json(200, {})).fetch, signal: stop.signal });
    expect(run.results).toEqual([]);
    expect(run.findings).toMatchObject([{ value: 'unknown', status: 'not-run' }]);
    expect(formatFindings(run.findings)[0]).toMatch(/not checked, as the run stopped before push\.repeat\.permitNo; /);
  });
});
