/**
 * The fault kinds that handle a request and then answer it badly (store-then-reset/-hang/-truncate/-500) or in a
 * style the vendor page does not document (reference-internal-only, reference-number, totals-number,
 * success-variant). Real HTTP against startSandbox; node:http as the client so a reset, a plain close, a late
 * answer and a cut body can each be told apart.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, USAGE } from './cli-args';
import { ERROR_MESSAGES } from './errors';
import { FaultRegistry, parseFaultSpec, type FaultInput } from './faults';
import type { RunningSandbox, SandboxOptions } from './server';
import { MINIMAL_PUSH, pushOk, raw, start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

type Outcome =
  | { kind: 'answer'; status: number; contentType: string | undefined; text: string; ms: number }
  | { kind: 'failed'; message: string; code: string | undefined }
  | { kind: 'no answer' };

/**
 * One request on its own connection. Resolves with the answer, the connection error, or 'no answer' when
 * nothing (not even a close) came within waitMs, and then gives up on the request.
 */
function exchange(sandbox: RunningSandbox, action: string, body: unknown, waitMs = 5000): Promise<Outcome> {
  return new Promise((resolve) => {
    const startedAt = Date.now();
    const req = request(
      `${sandbox.url}/api/OC-TOMA/v1/permits/${action}`,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          clearTimeout(timer);
          const contentType = res.headers['content-type'];
          resolve({ kind: 'answer', status: res.statusCode ?? 0, contentType, text, ms: Date.now() - startedAt });
        });
      },
    );
    const timer = setTimeout(() => {
      resolve({ kind: 'no answer' });
      req.destroy();
    }, waitMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ kind: 'failed', message: error.message, code: error.code });
    });
    req.end(JSON.stringify(body));
  });
}

const JSON_TYPE = 'application/json; charset=utf-8';
const success = (id: string) => ({ status: 'success', reference_id: id, InternalReferenceID: id });
const errorText = (code: keyof typeof ERROR_MESSAGES) =>
  JSON.stringify({ ErrorCode: code, ErrorMessage: ERROR_MESSAGES[code] });
const LATER_END = '2018-07-02T10:00:00';

/** The one permit stored, live, as MINIMAL_PUSH sent it; its reference id. */
function storedOnce(sandbox: RunningSandbox): string {
  const permits = sandbox.permits();
  expect(permits).toHaveLength(1);
  expect(permits[0]).toMatchObject({ plate: 'ABC123', endTime: MINIMAL_PUSH.endTime, deleted: false });
  return permits[0]?.referenceId ?? '';
}

const lastLog = (sandbox: RunningSandbox) => sandbox.requestLog().at(-1);

function answered(outcome: Outcome): Extract<Outcome, { kind: 'answer' }> {
  if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
  return outcome;
}

interface Scenario {
  spec: string;
  fault: FaultInput;
  check(sandbox: RunningSandbox): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  {
    spec: 'push:store-then-reset',
    fault: { endpoint: 'push', kind: 'store-then-reset' },
    async check(sandbox) {
      // "read ECONNRESET" is an RST; a plain close without an answer reads "socket hang up".
      expect(await exchange(sandbox, 'push', MINIMAL_PUSH)).toEqual({
        kind: 'failed',
        message: 'read ECONNRESET',
        code: 'ECONNRESET',
      });
      const id = storedOnce(sandbox);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-reset' });
    },
  },
  {
    spec: 'push:store-then-hang',
    fault: { endpoint: 'push', kind: 'store-then-hang' },
    async check(sandbox) {
      // Neither an answer nor a close within 300 ms: the connection is held open.
      expect(await exchange(sandbox, 'push', MINIMAL_PUSH, 300)).toEqual({ kind: 'no answer' });
      const id = storedOnce(sandbox);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-hang' });
      // The client gave up; the sandbox carries on as usual.
      expect((await raw(sandbox, '/__sandbox/permits')).status).toBe(200);
    },
  },
  {
    spec: 'push:store-then-hang:ms=200',
    fault: { endpoint: 'push', kind: 'store-then-hang', ms: 200 },
    async check(sandbox) {
      let settled = false;
      const pending = exchange(sandbox, 'push', MINIMAL_PUSH).finally(() => (settled = true));
      await expect.poll(() => sandbox.permits()).toHaveLength(1);
      expect(settled).toBe(false); // stored, but not yet answered
      const id = storedOnce(sandbox);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-hang' });
      const outcome = answered(await pending);
      expect([outcome.status, outcome.contentType, outcome.text]).toEqual([
        200,
        JSON_TYPE,
        JSON.stringify(success(id)),
      ]);
      // Timers may fire a millisecond or so early against Date.now(); the answer is still plainly late.
      expect(outcome.ms).toBeGreaterThanOrEqual(195);
    },
  },
  {
    spec: 'push:store-then-truncate',
    fault: { endpoint: 'push', kind: 'store-then-truncate' },
    async check(sandbox) {
      const outcome = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
      const id = storedOnce(sandbox);
      // The full body is 135 characters; the first 67 end 31 characters into the id.
      expect([outcome.status, outcome.contentType, outcome.text]).toEqual([
        200,
        JSON_TYPE,
        `{"status":"success","reference_id":"${id.slice(0, 31)}`,
      ]);
      expect(() => JSON.parse(outcome.text) as unknown).toThrow();
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-truncate' });
    },
  },
  {
    spec: 'push:store-then-500',
    fault: { endpoint: 'push', kind: 'store-then-500' },
    async check(sandbox) {
      const outcome = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
      expect([outcome.status, outcome.contentType, outcome.text]).toEqual([
        500,
        'text/plain; charset=utf-8',
        'Internal Server Error',
      ]);
      const id = storedOnce(sandbox);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-500' });
    },
  },
  {
    spec: '*:reference-internal-only',
    fault: { endpoint: '*', kind: 'reference-internal-only' },
    async check(sandbox) {
      const pushed = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
      const id = storedOnce(sandbox);
      const body = `{"status":"success","InternalReferenceID":"${id}"}`;
      expect([pushed.status, pushed.text]).toEqual([200, body]);
      expect(lastLog(sandbox)).toMatchObject({
        status: 200,
        response: JSON.parse(body),
        fault: 'reference-internal-only',
      });
      const update = { apiToken: TOKEN, referenceID: id, endTime: LATER_END };
      expect(answered(await exchange(sandbox, 'update', update)).text).toBe(body);
      expect(answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, referenceID: id })).text).toBe(body);
      expect(sandbox.permits()).toMatchObject([{ referenceId: id, endTime: LATER_END, deleted: true }]);
    },
  },
  {
    spec: 'push:reference-number',
    fault: { endpoint: 'push', kind: 'reference-number' },
    async check(sandbox) {
      const ids: number[] = [];
      for (let i = 0; i < 2; i += 1) {
        const outcome = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
        const id = (JSON.parse(outcome.text) as { reference_id: unknown }).reference_id;
        expect(typeof id).toBe('number');
        expect(Number.isSafeInteger(id)).toBe(true);
        expect(String(id)).toMatch(/^\d{9,12}$/);
        expect([outcome.status, outcome.text]).toEqual([
          200,
          `{"status":"success","reference_id":${id},"InternalReferenceID":${id}}`,
        ]);
        ids.push(id as number);
      }
      expect(ids[0]).not.toBe(ids[1]);
      expect(sandbox.permits().map((permit) => permit.referenceId)).toEqual(ids.map(String));
      expect(lastLog(sandbox)).toMatchObject({
        status: 200,
        response: { reference_id: ids[1], InternalReferenceID: ids[1] },
        fault: 'reference-number',
      });
      // Update and delete are not faulted here: the reference sent back as a string finds the permit.
      const [first = '', second = ''] = ids.map(String);
      const update = { apiToken: TOKEN, referenceID: first, endTime: LATER_END };
      expect(answered(await exchange(sandbox, 'update', update)).text).toBe(JSON.stringify(success(first)));
      const deleted = answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, referenceID: second }));
      expect(deleted.text).toBe(JSON.stringify(success(second)));
      expect(sandbox.permits()).toMatchObject([
        { referenceId: first, endTime: LATER_END, deleted: false },
        { referenceId: second, deleted: true },
      ]);
    },
  },
  {
    spec: 'stats:totals-number',
    fault: { endpoint: 'stats', kind: 'totals-number' },
    async check(sandbox) {
      // Pushes are not faulted: their references stay strings.
      await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Lot 1' });
      await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Lot 1' });
      await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Lot 2' });
      const outcome = answered(await exchange(sandbox, 'stats', { apiToken: TOKEN }));
      const body = '{"data":[{"type":"temp","zone":"Lot 1","total":2},{"type":"temp","zone":"Lot 2","total":1}]}';
      expect([outcome.status, outcome.text]).toEqual([200, body]);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: JSON.parse(body), fault: 'totals-number' });
    },
  },
  {
    spec: '*:success-variant',
    fault: { endpoint: '*', kind: 'success-variant' },
    async check(sandbox) {
      const pushed = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
      const id = storedOnce(sandbox);
      const body = `{"status":"SUCCESS","reference_id":"${id}","InternalReferenceID":"${id}","message":"Saved."}`;
      expect([pushed.status, pushed.text]).toEqual([200, body]);
      expect(lastLog(sandbox)).toMatchObject({ status: 200, response: JSON.parse(body), fault: 'success-variant' });
      const update = { apiToken: TOKEN, referenceID: id, endTime: LATER_END };
      expect(answered(await exchange(sandbox, 'update', update)).text).toBe(body);
      expect(answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, referenceID: id })).text).toBe(body);
      // Stats is not a push/update/delete success: left as documented.
      expect(answered(await exchange(sandbox, 'stats', { apiToken: TOKEN })).text).toBe('{"data":[]}');
    },
  },
];

/** Starts a sandbox from the CLI's flags, as `npm run sandbox -- --fault ...` would. */
async function startFromFlag(spec: string, fault: FaultInput, extra: Partial<SandboxOptions> = {}) {
  const parsed = parseSandboxArgs(['--port', '0', '--token', TOKEN, '--fault', spec]);
  if (parsed.kind !== 'run') throw new Error(`--fault ${spec} refused: ${JSON.stringify(parsed)}`);
  expect(parsed.options.faults).toEqual([fault]);
  return start({ ...parsed.options, ...extra });
}

async function postFaults(sandbox: RunningSandbox, body: unknown) {
  return raw(sandbox, '/__sandbox/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function startThenPost(scenario: Scenario) {
  const sandbox = await start();
  expect(await postFaults(sandbox, { faults: [scenario.fault] })).toEqual({
    status: 200,
    json: { faults: [{ ...scenario.fault, remaining: null }] },
  });
  return sandbox;
}

describe.each([
  ['set by the --fault flag', (scenario: Scenario) => startFromFlag(scenario.spec, scenario.fault)],
  ['set at run time by POST /__sandbox/faults', startThenPost],
])('each new kind, %s', (_how, startWith) => {
  it.each(SCENARIOS.map((scenario) => [scenario.spec, scenario] as const))('%s', async (_spec, scenario) => {
    await scenario.check(await startWith(scenario));
  });
});

describe('the new kinds as the registry describes them', () => {
  it.each<[FaultInput, unknown]>([
    [{ kind: 'store-then-reset' }, { type: 'store-then-reset' }],
    [{ kind: 'store-then-hang' }, { type: 'store-then-hang', lateMs: null }],
    [
      { kind: 'store-then-hang', ms: 200 },
      { type: 'store-then-hang', lateMs: 200 },
    ],
    [{ kind: 'store-then-truncate' }, { type: 'store-then-truncate' }],
    [
      { kind: 'store-then-500' },
      {
        type: 'store-then-reply',
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        text: 'Internal Server Error',
      },
    ],
    [{ kind: 'reference-internal-only' }, { type: 'answer-style', style: 'reference-internal-only' }],
    [{ kind: 'reference-number' }, { type: 'answer-style', style: 'reference-number' }],
    [{ kind: 'totals-number' }, { type: 'answer-style', style: 'totals-number' }],
    [{ kind: 'success-variant' }, { type: 'answer-style', style: 'success-variant' }],
  ])('%j', (fault, action) => {
    const faults = new FaultRegistry();
    faults.set([fault]);
    expect(faults.decide('push')).toEqual({ delayMs: 0, action, label: fault.kind });
  });
});

describe('checking the new kinds', () => {
  it.each<[string, FaultInput]>([
    ['push:store-then-hang:ms=200', { endpoint: 'push', kind: 'store-then-hang', ms: 200 }],
    ['push:store-then-hang:ms=0', { endpoint: 'push', kind: 'store-then-hang', ms: 0 }],
    ['*:store-then-hang:ms=20,count=1', { endpoint: '*', kind: 'store-then-hang', ms: 20, count: 1 }],
    ['update:store-then-truncate:p=0.5', { endpoint: 'update', kind: 'store-then-truncate', probability: 0.5 }],
    ['delete:reference-internal-only:count=3', { endpoint: 'delete', kind: 'reference-internal-only', count: 3 }],
  ])('accepts %j', (spec, fault) => {
    expect(parseFaultSpec(spec)).toEqual({ ok: true, value: fault });
  });

  it.each<[string, string]>([
    [
      'push:store-then-500:ms=5',
      'ms and jitter belong to latency, not store-then-500; add a separate latency fault to slow it down' +
        ' (only store-then-hang also takes ms, for an answer that comes late).',
    ],
    [
      'push:store-then-reset:jitter=5',
      'ms and jitter belong to latency, not store-then-reset; add a separate latency fault to slow it down' +
        ' (only store-then-hang also takes ms, for an answer that comes late).',
    ],
    [
      'push:store-then-hang:jitter=5',
      'jitter belongs to latency, not store-then-hang; store-then-hang takes only ms=<n> (answer n ms late).',
    ],
    [
      'push:store-then-hang:ms=200,jitter=5',
      'jitter belongs to latency, not store-then-hang; store-then-hang takes only ms=<n> (answer n ms late).',
    ],
    ['push:store-then-hang:ms=700000', 'ms must be a whole number of milliseconds from 0 to 600000.'],
    ['push:store-then-hang:ms=1.5', 'ms must be a whole number of milliseconds from 0 to 600000.'],
    ['push:reference-number:retryAfter=3', 'retryAfter belongs to rate-limit, not reference-number.'],
    [
      'stats:totals-number:p=0.5,count=1',
      'give probability or count, not both (probability: a share of requests; count: the next N).',
    ],
  ])('refuses %j in plain words', (spec, message) => {
    expect(parseFaultSpec(spec)).toEqual({ ok: false, message: `--fault "${spec}": ${message}` });
    expect(parseSandboxArgs(['--fault', spec])).toEqual({ kind: 'error', message: `--fault "${spec}": ${message}` });
  });

  it('names every new kind when the kind is unknown, and in the CLI usage', () => {
    const unknown = parseFaultSpec('push:store-then-explode');
    expect(unknown.ok).toBe(false);
    const newKinds = [
      'store-then-reset',
      'store-then-hang',
      'store-then-truncate',
      'store-then-500',
      'reference-internal-only',
      'reference-number',
      'totals-number',
      'success-variant',
    ];
    for (const kind of newKinds) {
      if (!unknown.ok) expect(unknown.message).toContain(kind);
      expect(USAGE).toContain(kind);
    }
    expect(USAGE).toMatch(/store-then-hang \(no\s+answer; ms=<n> sends it n ms late\)/);
  });

  it.each<[unknown, string]>([
    [
      { kind: 'store-then-500', ms: 5 },
      'Fault #1: ms and jitter belong to latency, not store-then-500; add a separate latency fault to slow it down' +
        ' (only store-then-hang also takes ms, for an answer that comes late).',
    ],
    [
      { endpoint: 'push', kind: 'store-then-hang', ms: 20, jitter: 5 },
      'Fault #1: jitter belongs to latency, not store-then-hang; store-then-hang takes only ms=<n> (answer n ms late).',
    ],
    [{ kind: 'store-then-hang', ms: '200' }, 'Fault #1: ms must be a whole number of milliseconds from 0 to 600000.'],
  ])('POST /__sandbox/faults refuses %j with 400 in plain words, changing nothing', async (fault, message) => {
    const sandbox = await start({ faults: [{ endpoint: 'stats', kind: 'store-then-500' }] });
    expect(await postFaults(sandbox, { faults: [fault] })).toEqual({ status: 400, json: { error: message } });
    expect(sandbox.faults()).toEqual([{ endpoint: 'stats', kind: 'store-then-500', remaining: null }]);
  });

  it('POST /__sandbox/faults accepts store-then-hang with ms', async () => {
    const sandbox = await start();
    expect(await postFaults(sandbox, { faults: [{ endpoint: 'push', kind: 'store-then-hang', ms: 200 }] })).toEqual({
      status: 200,
      json: { faults: [{ endpoint: 'push', kind: 'store-then-hang', ms: 200, remaining: null }] },
    });
  });
});

describe('count, probability and latency with the new kinds', () => {
  it('count=2: the next two pushes are stored and answered 500, the third is answered as usual', async () => {
    const sandbox = await startFromFlag('push:store-then-500:count=2', {
      endpoint: 'push',
      kind: 'store-then-500',
      count: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push(answered(await exchange(sandbox, 'push', MINIMAL_PUSH)).status);
    expect(statuses).toEqual([500, 500, 200]);
    expect(sandbox.permits()).toHaveLength(3);
    expect(sandbox.requestLog().map((entry) => [entry.status, entry.fault])).toEqual([
      [200, 'store-then-500'],
      [200, 'store-then-500'],
      [200, undefined],
    ]);
    expect(sandbox.faults()).toEqual([]);
  });

  it('count=2 at run time: GET /__sandbox/faults counts down, and the fault is gone once spent', async () => {
    const sandbox = await start();
    await postFaults(sandbox, { faults: [{ endpoint: 'push', kind: 'store-then-reset', count: 2 }] });
    await exchange(sandbox, 'push', MINIMAL_PUSH);
    expect((await raw(sandbox, '/__sandbox/faults')).json).toEqual({
      faults: [{ endpoint: 'push', kind: 'store-then-reset', count: 2, remaining: 1 }],
    });
    expect(await exchange(sandbox, 'push', MINIMAL_PUSH)).toMatchObject({ kind: 'failed', code: 'ECONNRESET' });
    expect((await raw(sandbox, '/__sandbox/faults')).json).toEqual({ faults: [] });
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.permits()).toHaveLength(3);
  });

  it('p=0.5: a push gets a numeric reference only when the draw is below 0.5', async () => {
    const draws = [0.2, 0.7, 0.4];
    const fault: FaultInput = { endpoint: 'push', kind: 'reference-number', probability: 0.5 };
    const sandbox = await startFromFlag('push:reference-number:p=0.5', fault, { random: () => draws.shift() ?? 1 });
    const kinds: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const text = answered(await exchange(sandbox, 'push', MINIMAL_PUSH)).text;
      kinds.push(typeof (JSON.parse(text) as { reference_id: unknown }).reference_id);
    }
    expect(kinds).toEqual(['number', 'string', 'number']);
    expect(sandbox.requestLog().map((entry) => entry.fault)).toEqual([
      'reference-number',
      undefined,
      'reference-number',
    ]);
    expect(sandbox.permits().map((permit) => /^\d+$/.test(permit.referenceId))).toEqual([true, false, true]);
  });

  it('latency comes first and adds to store-then-500 and to a late store-then-hang answer', async () => {
    const sandbox = await start({
      faults: [
        { endpoint: 'push', kind: 'store-then-500', count: 1 },
        { endpoint: 'push', kind: 'store-then-hang', ms: 150, count: 1 },
        { kind: 'latency', ms: 100 },
      ],
    });
    const failed = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
    expect(failed.status).toBe(500);
    expect(failed.ms).toBeGreaterThanOrEqual(95);
    const late = answered(await exchange(sandbox, 'push', MINIMAL_PUSH));
    expect(late.status).toBe(200);
    expect(late.ms).toBeGreaterThanOrEqual(245);
    expect(sandbox.permits()).toHaveLength(2);
    expect(sandbox.requestLog()).toMatchObject([
      { status: 200, fault: 'latency+store-then-500', latencyMs: 100 },
      { status: 200, fault: 'latency+store-then-hang', latencyMs: 100 },
    ]);
  });
});

describe('store-then-* faults, more closely', () => {
  it('store-then-reset is a reset (RST), unlike the plain close of store-then-drop', async () => {
    const sandbox = await start({
      faults: [
        { endpoint: 'push', kind: 'store-then-drop', count: 1 },
        { endpoint: 'push', kind: 'store-then-reset', count: 1 },
      ],
    });
    expect(await exchange(sandbox, 'push', MINIMAL_PUSH)).toEqual({
      kind: 'failed',
      message: 'socket hang up',
      code: 'ECONNRESET',
    });
    expect(await exchange(sandbox, 'push', MINIMAL_PUSH)).toEqual({
      kind: 'failed',
      message: 'read ECONNRESET',
      code: 'ECONNRESET',
    });
    expect(sandbox.permits()).toHaveLength(2);
  });

  it.each(['store-then-reset', 'store-then-hang', 'store-then-truncate', 'store-then-500'] as const)(
    '%s of a push the controller refuses stores nothing and logs the error it earned',
    async (kind) => {
      const sandbox = await start({ faults: [{ endpoint: 'push', kind }] });
      await exchange(sandbox, 'push', { apiToken: TOKEN }, 300);
      expect(sandbox.permits()).toEqual([]);
      expect(sandbox.requestLog()).toMatchObject([
        { status: 400, response: { ErrorCode: 9006, ErrorMessage: ERROR_MESSAGES[9006] }, fault: kind },
      ]);
    },
  );

  it('store-then-truncate cuts an error answer too, keeping its status', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'update', kind: 'store-then-truncate' }] });
    const outcome = answered(await exchange(sandbox, 'update', { apiToken: TOKEN, referenceID: 'nope' }));
    // {"ErrorCode":9009,"ErrorMessage":"Record not found."} is 53 characters; the first 26 are sent.
    expect([outcome.status, outcome.text]).toEqual([404, '{"ErrorCode":9009,"ErrorMe']);
    expect(errorText(9009).startsWith(outcome.text)).toBe(true);
  });

  it('store-then-truncate of an update still applies it', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, MINIMAL_PUSH);
    sandbox.setFaults([{ endpoint: 'update', kind: 'store-then-truncate' }]);
    const outcome = answered(await exchange(sandbox, 'update', { apiToken: TOKEN, referenceID: id, plate: 'NEW1' }));
    expect(outcome.status).toBe(200);
    expect(() => JSON.parse(outcome.text) as unknown).toThrow();
    expect(sandbox.permits()).toMatchObject([{ referenceId: id, plate: 'NEW1' }]);
  });

  it('store-then-500 of a delete still deletes', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, MINIMAL_PUSH);
    sandbox.setFaults([{ endpoint: 'delete', kind: 'store-then-500' }]);
    expect(answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, referenceID: id })).status).toBe(500);
    expect(sandbox.permits()).toMatchObject([{ referenceId: id, deleted: true }]);
    expect(lastLog(sandbox)).toMatchObject({ status: 200, response: success(id), fault: 'store-then-500' });
  });

  it('store-then-hang with ms: a client that gave up first gets nothing, and the sandbox carries on', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'push', kind: 'store-then-hang', ms: 150, count: 1 }] });
    expect(await exchange(sandbox, 'push', MINIMAL_PUSH, 50)).toEqual({ kind: 'no answer' });
    await new Promise((resolve) => setTimeout(resolve, 250)); // past the late answer's time
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.permits()).toHaveLength(2);
  });

  it.each([undefined, 60_000])('store-then-hang (ms %s): close() does not wait for the open request', async (ms) => {
    const sandbox = await start({ faults: [{ kind: 'store-then-hang', ...(ms === undefined ? {} : { ms }) }] });
    const pending = exchange(sandbox, 'push', MINIMAL_PUSH);
    await expect.poll(() => sandbox.permits()).toHaveLength(1);
    const closedAt = Date.now();
    await sandbox.close();
    expect(Date.now() - closedAt).toBeLessThan(1000);
    expect(await pending).toMatchObject({ kind: 'failed' });
  });
});

describe('answer styles, more closely', () => {
  it.each(['reference-internal-only', 'reference-number', 'success-variant', 'totals-number'] as const)(
    '%s leaves error answers as documented',
    async (kind) => {
      const sandbox = await start({ faults: [{ kind }] });
      const update = answered(await exchange(sandbox, 'update', { apiToken: TOKEN, referenceID: '100000001' }));
      expect([update.status, update.text]).toEqual([404, errorText(9009)]);
      const push = answered(await exchange(sandbox, 'push', { apiToken: TOKEN }));
      expect([push.status, push.text]).toEqual([400, errorText(9006)]);
      const stats = answered(await exchange(sandbox, 'stats', { apiToken: 'WRONG' }));
      expect([stats.status, stats.text]).toEqual([403, errorText(9002)]);
      expect(sandbox.permits()).toEqual([]);
    },
  );

  it('reference-number on every endpoint: update and delete echo a numeric reference sent as a string as a number', async () => {
    const sandbox = await start();
    const uuid = await pushOk(sandbox, MINIMAL_PUSH);
    sandbox.setFaults([{ kind: 'reference-number' }]);
    const pushed = JSON.parse(answered(await exchange(sandbox, 'push', MINIMAL_PUSH)).text) as { reference_id: number };
    const id = String(pushed.reference_id);
    const numeric = `{"status":"success","reference_id":${id},"InternalReferenceID":${id}}`;
    const update = answered(await exchange(sandbox, 'update', { apiToken: TOKEN, referenceID: id, plate: 'NEW1' }));
    expect([update.status, update.text]).toEqual([200, numeric]);
    const deleted = answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, reference_id: id }));
    expect([deleted.status, deleted.text]).toEqual([200, numeric]);
    // A UUID reference is not digits: it stays a string.
    const other = answered(await exchange(sandbox, 'update', { apiToken: TOKEN, referenceID: uuid, plate: 'NEW2' }));
    expect(other.text).toBe(JSON.stringify(success(uuid)));
    expect(sandbox.permits()).toMatchObject([
      { referenceId: uuid, plate: 'NEW2', deleted: false },
      { referenceId: id, plate: 'NEW1', deleted: true },
    ]);
    // Deleted is deleted, whichever way the reference was written.
    const again = answered(await exchange(sandbox, 'delete', { apiToken: TOKEN, referenceID: id }));
    expect([again.status, again.text]).toEqual([404, errorText(9009)]);
  });

  it('reference-number never reuses a number, even after POST /__sandbox/reset', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'push', kind: 'reference-number' }] });
    const first = answered(await exchange(sandbox, 'push', MINIMAL_PUSH)).text;
    await raw(sandbox, '/__sandbox/reset', { method: 'POST', headers: { 'content-type': 'application/json' } });
    const second = answered(await exchange(sandbox, 'push', MINIMAL_PUSH)).text;
    expect(first).not.toBe(second);
  });

  it('totals-number leaves pushes alone, and the request log shows the numbers sent', async () => {
    const sandbox = await start({ faults: [{ kind: 'totals-number' }] });
    const id = await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Street' });
    expect(sandbox.requestLog()[0]).toMatchObject({ response: success(id), fault: 'totals-number' });
    const stats = answered(await exchange(sandbox, 'stats', { apiToken: TOKEN, zones: 'Street' }));
    expect(stats.text).toBe('{"data":[{"type":"temp","zone":"Street","total":1}]}');
  });
});
