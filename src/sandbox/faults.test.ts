import { describe, expect, it } from 'vitest';
import { parseSandboxArgs } from './cli-args';
import { FaultRegistry, formatFault, parseFaultSpec, seededRandom, type Fault, type FaultInput } from './faults';
import { startSandbox } from './server';
import { call, MINIMAL_PUSH, pushOk, raw, start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

function parsed(spec: string): Fault {
  const result = parseFaultSpec(spec);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

function registry(faults: FaultInput[], random: () => number = seededRandom(1)): FaultRegistry {
  const faultRegistry = new FaultRegistry(random);
  faultRegistry.set(faults);
  return faultRegistry;
}

async function post(url: string, path: string, body: unknown, method = 'POST') {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('parseFaultSpec (the CLI compact form)', () => {
  it.each<[string, Fault]>([
    ['push:store-then-drop:count=1', { endpoint: 'push', kind: 'store-then-drop', count: 1 }],
    ['*:latency:ms=50,jitter=20', { endpoint: '*', kind: 'latency', ms: 50, jitter: 20 }],
    ['stats:status-503:p=0.5', { endpoint: 'stats', kind: 'status-503', probability: 0.5 }],
    ['push:rate-limit:retryAfter=3', { endpoint: 'push', kind: 'rate-limit', retryAfter: 3 }],
    ['update:reset', { endpoint: 'update', kind: 'reset' }],
    ['delete:hang:probability=1', { endpoint: 'delete', kind: 'hang', probability: 1 }],
    ['*:html-200:p=.25', { endpoint: '*', kind: 'html-200', probability: 0.25 }],
    ['push:truncated-json-200:', { endpoint: 'push', kind: 'truncated-json-200' }],
    [' stats:latency:jitter=10 ', { endpoint: 'stats', kind: 'latency', jitter: 10 }],
  ])('reads %j', (spec, fault) => {
    expect(parsed(spec)).toEqual(fault);
  });

  it.each<[string, RegExp]>([
    ['push', /expected <endpoint>:<kind>/],
    ['push:reset:count=1:extra', /expected <endpoint>:<kind>/],
    ['post:reset', /endpoint must be one of push, update, delete, stats, \*/],
    ['push:explode', /kind must be one of latency, reset, store-then-drop/],
    ['push:reset:count', /"count" is not key=value/],
    ['push:reset:times=2', /unknown setting "times"/],
    ['push:reset:count=1,count=2', /count is given twice/],
    ['push:reset:p=1.5', /probability must be a number from 0 to 1/],
    ['push:reset:p=half', /probability must be a number from 0 to 1/],
    ['push:reset:count=0', /count must be a whole number of requests, 1 or more/],
    ['push:reset:count=1.5', /count must be a whole number/],
    ['push:reset:p=0.5,count=2', /probability or count, not both/],
    ['push:latency', /latency needs ms and\/or jitter/],
    ['push:latency:ms=-5', /is not key=value|ms must be a whole number/],
    ['push:latency:ms=700000', /ms must be a whole number of milliseconds from 0 to 600000/],
    ['push:reset:ms=50', /ms and jitter belong to latency, not reset/],
    ['push:status-503:retryAfter=3', /retryAfter belongs to rate-limit, not status-503/],
    ['push:rate-limit:retryAfter=1.5', /retryAfter must be a whole number of seconds/],
  ])('refuses %j in plain words, naming the flag', (spec, message) => {
    const result = parseFaultSpec(spec);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(message);
      expect(result.message.startsWith(`--fault "${spec}": `)).toBe(true);
    }
  });

  it('formats a fault back into the compact form', () => {
    for (const spec of ['push:store-then-drop:count=1', '*:latency:ms=50,jitter=20', 'stats:status-503:p=0.5'])
      expect(formatFault(parsed(spec))).toBe(spec);
    expect(formatFault(parsed('push:rate-limit'))).toBe('push:rate-limit');
  });
});

describe('FaultRegistry.decide', () => {
  it('applies a fault only to its endpoint, and "*" to all four', () => {
    const faults = registry([{ endpoint: 'push', kind: 'reset' }]);
    expect(faults.decide('push').action).toEqual({ type: 'reset' });
    expect(faults.decide('stats')).toEqual({ delayMs: 0, action: { type: 'none' }, label: null });
    const everywhere = registry([{ kind: 'hang' }]); // endpoint defaults to '*'
    for (const endpoint of ['push', 'update', 'delete', 'stats'] as const)
      expect(everywhere.decide(endpoint)).toEqual({ delayMs: 0, action: { type: 'hang' }, label: 'hang' });
  });

  it('a fault with neither probability nor count applies until cleared', () => {
    const faults = registry([{ endpoint: 'push', kind: 'status-500' }]);
    for (let i = 0; i < 5; i += 1) expect(faults.decide('push').label).toBe('status-500');
    faults.clear();
    expect(faults.decide('push').label).toBeNull();
    expect(faults.list()).toEqual([]);
  });

  it('count applies to the next N matching requests only, counting down, then disappears', () => {
    const faults = registry([{ endpoint: 'push', kind: 'store-then-drop', count: 2 }]);
    expect(faults.list()).toEqual([{ endpoint: 'push', kind: 'store-then-drop', count: 2, remaining: 2 }]);
    expect(faults.decide('stats').label).toBeNull(); // not matching: no count used
    expect(faults.decide('push').action).toEqual({ type: 'store-then-drop' });
    expect(faults.list()[0]?.remaining).toBe(1);
    expect(faults.decide('push').action).toEqual({ type: 'store-then-drop' });
    expect(faults.list()).toEqual([]);
    expect(faults.decide('push').label).toBeNull();
  });

  it('probability fires on about that share of requests, repeatably with a seeded random', () => {
    const share = (seed: number): boolean[] => {
      const faults = registry([{ endpoint: 'stats', kind: 'status-503', probability: 0.3 }], seededRandom(seed));
      return Array.from({ length: 1000 }, () => faults.decide('stats').label !== null);
    };
    const first = share(42);
    expect(share(42)).toEqual(first);
    expect(share(43)).not.toEqual(first);
    const fired = first.filter(Boolean).length;
    expect(fired).toBeGreaterThan(240);
    expect(fired).toBeLessThan(360);
  });

  it('probability 0 never fires, 1 always does', () => {
    const never = registry([{ kind: 'reset', probability: 0 }], () => 0);
    const always = registry([{ kind: 'reset', probability: 1 }], () => 0.9999);
    expect(never.decide('push').label).toBeNull();
    expect(always.decide('push').label).toBe('reset');
  });

  it('latency composes with another fault and comes first; jitter is uniform in 0..jitter', () => {
    const top = registry(
      [
        { endpoint: 'push', kind: 'reset' },
        { endpoint: '*', kind: 'latency', ms: 50, jitter: 20 },
      ],
      () => 0.9999,
    );
    expect(top.decide('push')).toEqual({ delayMs: 70, action: { type: 'reset' }, label: 'latency+reset' });
    expect(top.decide('stats')).toEqual({ delayMs: 70, action: { type: 'none' }, label: 'latency' });
    const bottom = registry([{ kind: 'latency', ms: 50, jitter: 20 }], () => 0);
    expect(bottom.decide('push').delayMs).toBe(50);
    const seeded = registry([{ kind: 'latency', jitter: 10 }], seededRandom(7));
    const delays = new Set(Array.from({ length: 500 }, () => seeded.decide('delete').delayMs));
    expect([...delays].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('two latency faults add up', () => {
    const faults = registry([
      { kind: 'latency', ms: 30 },
      { endpoint: 'push', kind: 'latency', ms: 20 },
    ]);
    expect(faults.decide('push')).toMatchObject({ delayMs: 50, label: 'latency+latency' });
  });

  it('the first other fault that fires wins; later ones keep their counts and draw nothing', () => {
    let draws = 0;
    const faults = registry(
      [
        { endpoint: 'push', kind: 'status-500', count: 1 },
        { endpoint: 'push', kind: 'status-503', probability: 0.5 },
        { endpoint: 'push', kind: 'reset', count: 3 },
      ],
      () => {
        draws += 1;
        return 0.9; // the 0.5 fault never fires
      },
    );
    expect(faults.decide('push').label).toBe('status-500');
    expect(draws).toBe(0);
    expect(faults.list().map((fault) => [fault.kind, fault.remaining])).toEqual([
      ['status-503', null],
      ['reset', 3],
    ]);
    expect(faults.decide('push').label).toBe('reset');
    expect(draws).toBe(1);
  });

  it('describes each kind as the server should act on it', () => {
    const action = (fault: FaultInput) => registry([fault]).decide('push').action;
    expect(action({ kind: 'status-500' })).toMatchObject({ type: 'reply', status: 500, text: 'Internal Server Error' });
    expect(action({ kind: 'status-502' })).toMatchObject({ type: 'reply', status: 502 });
    expect(action({ kind: 'status-503' })).toMatchObject({ type: 'reply', status: 503 });
    expect(action({ kind: 'rate-limit' })).toEqual({
      type: 'reply',
      status: 429,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      text: 'Too Many Requests',
    });
    expect(action({ kind: 'rate-limit', retryAfter: 3 })).toMatchObject({ headers: { 'retry-after': '3' } });
    expect(action({ kind: 'html-200' })).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    expect(action({ kind: 'truncated-json-200' })).toMatchObject({ status: 200, text: '{"status":"succ' });
  });

  it('refuses a bad list in plain words and keeps what it had', () => {
    const faults = registry([{ kind: 'reset', count: 1 }]);
    expect(() => faults.set([{ kind: 'hang' }, { kind: 'nope' } as unknown as FaultInput])).toThrow(
      /^Fault #2: kind must be one of/,
    );
    expect(() => faults.set([{ kind: 'reset', extra: 1 } as unknown as FaultInput])).toThrow(
      /Fault #1: Unknown setting "extra"/,
    );
    expect(faults.list()).toEqual([{ endpoint: '*', kind: 'reset', count: 1, remaining: 1 }]);
  });
});

describe('faults in the running sandbox', () => {
  it('reset: logged as reset, nothing stored, the client sees the connection fail', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'push', kind: 'reset', count: 1 }] });
    await expect(call(sandbox, 'push', MINIMAL_PUSH)).rejects.toThrow();
    expect(sandbox.permits()).toEqual([]);
    expect(sandbox.requestLog()).toMatchObject([
      {
        path: '/api/OC-TOMA/v1/permits/push',
        body: { ...MINIMAL_PUSH, apiToken: '[redacted]' },
        status: null,
        response: null,
        fault: 'reset',
      },
    ]);
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.requestLog()[1]).not.toHaveProperty('fault');
  });

  it('store-then-drop: handled, stored and logged with the answer it never sent', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'push', kind: 'store-then-drop' }] });
    await expect(call(sandbox, 'push', { ...MINIMAL_PUSH, permitNo: 'P-1' })).rejects.toThrow();
    const [permit] = sandbox.permits();
    expect(permit).toMatchObject({ permitNo: 'P-1', timesStored: 1 });
    expect(sandbox.requestLog()).toMatchObject([
      { status: 200, response: { status: 'success', reference_id: permit?.referenceId }, fault: 'store-then-drop' },
    ]);
  });

  it('store-then-drop of a request the controller refuses stores nothing (it is handled as usual)', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'push', kind: 'store-then-drop' }] });
    await expect(call(sandbox, 'push', { apiToken: TOKEN })).rejects.toThrow();
    expect(sandbox.permits()).toEqual([]);
    expect(sandbox.requestLog()).toMatchObject([{ status: 400, response: { ErrorCode: 9006 } }]);
  });

  it('answers a status fault with a plain body, a 429 with Retry-After, and stores nothing', async () => {
    const sandbox = await start({
      faults: [
        { endpoint: 'push', kind: 'status-502', count: 1 },
        { endpoint: 'push', kind: 'rate-limit', retryAfter: 7, count: 1 },
      ],
    });
    const url = `${sandbox.url}/api/OC-TOMA/v1/permits/push`;
    const first = await fetch(url, { method: 'POST', body: JSON.stringify(MINIMAL_PUSH) });
    expect([first.status, first.headers.get('content-type'), await first.text()]).toEqual([
      502,
      'text/plain; charset=utf-8',
      'Bad Gateway',
    ]);
    const second = await fetch(url, { method: 'POST', body: JSON.stringify(MINIMAL_PUSH) });
    expect([second.status, second.headers.get('retry-after')]).toEqual([429, '7']);
    await second.text();
    expect(sandbox.permits()).toEqual([]);
    expect(sandbox.requestLog().map((entry) => [entry.status, entry.response, entry.fault])).toEqual([
      [502, 'Bad Gateway', 'status-502'],
      [429, 'Too Many Requests', 'rate-limit'],
    ]);
  });

  it('html-200 and truncated-json-200 answer 200 with a body that is not the documented reply', async () => {
    const sandbox = await start({
      faults: [
        { endpoint: 'stats', kind: 'html-200', count: 1 },
        { endpoint: 'stats', kind: 'truncated-json-200', count: 1 },
      ],
    });
    const stats = () =>
      fetch(`${sandbox.url}/api/OC-TOMA/v1/permits/stats`, {
        method: 'POST',
        body: JSON.stringify({ apiToken: TOKEN }),
      });
    const html = await stats();
    expect([html.status, html.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
    const truncated = await stats();
    expect([truncated.status, await truncated.text()]).toEqual([200, '{"status":"succ']);
  });

  it('hang: never answers, and close() does not wait for the open request', async () => {
    const sandbox = await startSandbox({ tokens: [TOKEN], faults: [{ kind: 'hang' }] });
    const pending = call(sandbox, 'stats', { apiToken: TOKEN });
    await expect.poll(() => sandbox.requestLog().length).toBe(1);
    const closedAt = Date.now();
    await sandbox.close();
    expect(Date.now() - closedAt).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    expect(sandbox.requestLog()).toMatchObject([{ status: null, fault: 'hang' }]);
  });

  it('close() does not wait out a latency fault either', async () => {
    const sandbox = await startSandbox({ tokens: [TOKEN], faults: [{ kind: 'latency', ms: 60_000 }] });
    const pending = call(sandbox, 'push', MINIMAL_PUSH);
    pending.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const closedAt = Date.now();
    await sandbox.close();
    expect(Date.now() - closedAt).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
    expect(sandbox.permits()).toEqual([]);
  });

  it('faults touch only the four API endpoints, never the admin ones or unknown paths', async () => {
    const sandbox = await start({ faults: [{ kind: 'status-503' }] });
    expect((await raw(sandbox, '/__sandbox/permits')).status).toBe(200);
    expect((await raw(sandbox, '/api/OC-TOMA/v1/permits/list', { method: 'POST', body: '{}' })).status).toBe(404);
    expect(sandbox.requestLog()[0]).not.toHaveProperty('fault');
  });

  it('startSandbox refuses bad faults in plain words', async () => {
    await expect(startSandbox({ tokens: [TOKEN], faults: [{ kind: 'latency' }] as FaultInput[] })).rejects.toThrow(
      'Fault #1: latency needs ms and/or jitter',
    );
  });
});

describe('refusing connections', () => {
  it('refuses every connection (admin endpoints too) for forMs, then listens again on the same port', async () => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    const startedAt = Date.now();
    const back = sandbox.refuseConnections(300);
    await expect(fetch(`${sandbox.url}/__sandbox/permits`)).rejects.toThrow();
    await expect(call(sandbox, 'stats', { apiToken: TOKEN })).rejects.toThrow();
    await back;
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(300);
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.permits()).toHaveLength(2);
    // Nothing that never arrived is logged.
    expect(sandbox.requestLog()).toHaveLength(2);
  });

  it('POST /__sandbox/refuse answers first, then refuses', async () => {
    const sandbox = await start();
    expect(await post(sandbox.url, '/__sandbox/refuse', { forMs: 300 })).toEqual({
      status: 200,
      json: { status: 'refusing', forMs: 300 },
    });
    await expect(fetch(`${sandbox.url}/__sandbox/faults`)).rejects.toThrow();
    await expect.poll(async () => (await raw(sandbox, '/__sandbox/faults')).status, { timeout: 3000 }).toBe(200);
  });

  it('a second refusal extends the first to the later end; close() during a refusal ends it at once', async () => {
    const sandbox = await startSandbox({ tokens: [TOKEN] });
    const first = sandbox.refuseConnections(100);
    const second = sandbox.refuseConnections(60_000);
    let firstDone = false;
    void first.then(() => (firstDone = true));
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(firstDone).toBe(false);
    const closedAt = Date.now();
    await sandbox.close();
    await Promise.all([first, second]);
    expect(Date.now() - closedAt).toBeLessThan(1000);
    // Refusing a closed sandbox does nothing.
    await sandbox.refuseConnections(100);
    await expect(fetch(`${sandbox.url}/__sandbox/permits`)).rejects.toThrow();
  });

  it.each([0, -1, 1.5, 700_000, Number.NaN])('refuses forMs %s in plain words', async (forMs) => {
    const sandbox = await start();
    await expect(sandbox.refuseConnections(forMs)).rejects.toThrow(/forMs must be a whole number of milliseconds/);
    expect((await raw(sandbox, '/__sandbox/permits')).status).toBe(200);
  });
});

describe('admin endpoints', () => {
  it('GET, POST (replace) and DELETE /__sandbox/faults', async () => {
    const sandbox = await start();
    expect(await raw(sandbox, '/__sandbox/faults')).toEqual({ status: 200, json: { faults: [] } });

    const set = await post(sandbox.url, '/__sandbox/faults', {
      faults: [
        { endpoint: 'push', kind: 'status-503', count: 2 },
        { kind: 'latency', ms: 10, jitter: 5 },
      ],
    });
    expect(set).toEqual({
      status: 200,
      json: {
        faults: [
          { endpoint: 'push', kind: 'status-503', count: 2, remaining: 2 },
          { endpoint: '*', kind: 'latency', ms: 10, jitter: 5, remaining: null },
        ],
      },
    });
    const faulted = await fetch(`${sandbox.url}/api/OC-TOMA/v1/permits/push`, {
      method: 'POST',
      body: JSON.stringify(MINIMAL_PUSH),
    });
    expect([faulted.status, await faulted.text()]).toEqual([503, 'Service Unavailable']);
    expect((await raw(sandbox, '/__sandbox/faults')).json.faults).toMatchObject([
      { kind: 'status-503', remaining: 1 },
      {},
    ]);
    expect(sandbox.requestLog()[0]).toMatchObject({ fault: 'latency+status-503', latencyMs: expect.any(Number) });

    const replaced = await post(sandbox.url, '/__sandbox/faults', { faults: [{ endpoint: 'stats', kind: 'hang' }] });
    expect(replaced.json).toEqual({ faults: [{ endpoint: 'stats', kind: 'hang', remaining: null }] });
    expect(sandbox.faults()).toEqual([{ endpoint: 'stats', kind: 'hang', remaining: null }]);

    expect(await post(sandbox.url, '/__sandbox/faults', '', 'DELETE')).toEqual({ status: 200, json: { faults: [] } });
    await pushOk(sandbox, MINIMAL_PUSH);
  });

  it.each<[string, string, unknown, RegExp]>([
    ['faults', 'not JSON', '{"faults":', /The body must be JSON/],
    ['faults', 'an empty body', '', /The body must be JSON/],
    ['faults', 'a bare list', [{ kind: 'reset' }], /The body must be \{"faults":\[\.\.\.\]\}/],
    ['faults', 'a missing list', {}, /faults must be a list/],
    ['faults', 'an unknown field', { faults: [], extra: 1 }, /Unknown setting "extra"/],
    ['faults', 'an unknown kind', { faults: [{ kind: 'boom' }] }, /Fault #1: kind must be one of/],
    ['faults', 'a string count', { faults: [{ kind: 'reset', count: '1' }] }, /Fault #1: count must be a whole number/],
    [
      'faults',
      'a bad second fault',
      { faults: [{ kind: 'reset' }, { kind: 'reset', p: 1 }] },
      /Fault #2: Unknown setting "p"/,
    ],
    ['refuse', 'no forMs', {}, /forMs must be a whole number/],
    ['refuse', 'forMs as text', { forMs: '2000' }, /forMs must be a whole number/],
    ['settings', 'a bad errorStatus', { errorStatus: 400 }, /errorStatus must be "http" or 200/],
    ['settings', 'a bad flag', { rejectDuplicatePermitNo: 'yes' }, /rejectDuplicatePermitNo must be true or false/],
    ['settings', 'an unknown setting', { statsCounts: 'all' }, /Unknown setting "statsCounts"/],
  ])('POST /__sandbox/%s with %s: 400 in plain words, nothing changed', async (route, _case, body, message) => {
    const sandbox = await start({ faults: [{ endpoint: 'update', kind: 'reset' }] });
    const answer = await post(sandbox.url, `/__sandbox/${route}`, body);
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(message);
    expect(sandbox.faults()).toHaveLength(1);
    expect((await raw(sandbox, '/__sandbox/settings')).json).toEqual({
      rejectDuplicatePermitNo: false,
      errorStatus: 'http',
    });
  });

  it('GET and POST /__sandbox/settings switch rejectDuplicatePermitNo and errorStatus at runtime', async () => {
    const sandbox = await start();
    await pushOk(sandbox, { ...MINIMAL_PUSH, permitNo: 'P-1' });
    await pushOk(sandbox, { ...MINIMAL_PUSH, permitNo: 'P-1' });

    expect(await post(sandbox.url, '/__sandbox/settings', { rejectDuplicatePermitNo: true })).toEqual({
      status: 200,
      json: { rejectDuplicatePermitNo: true, errorStatus: 'http' },
    });
    expect(await call(sandbox, 'push', { ...MINIMAL_PUSH, permitNo: 'P-1' })).toMatchObject({
      status: 409,
      json: { ErrorCode: 9022 },
    });

    expect((await post(sandbox.url, '/__sandbox/settings', { errorStatus: 200 })).json).toEqual({
      rejectDuplicatePermitNo: true,
      errorStatus: 200,
    });
    expect(await call(sandbox, 'push', { ...MINIMAL_PUSH, permitNo: 'P-1' })).toMatchObject({
      status: 200,
      json: { ErrorCode: 9022 },
    });

    sandbox.setOptions({ rejectDuplicatePermitNo: false, errorStatus: 'http' });
    await pushOk(sandbox, { ...MINIMAL_PUSH, permitNo: 'P-1' });
    expect((await call(sandbox, 'push', { apiToken: 'NOPE' })).status).toBe(403);
    expect(sandbox.permits().map((permit) => permit.timesStored)).toEqual([3, 3, 3]);
  });

  it('setOptions and setFaults refuse bad values in plain words, changing nothing', async () => {
    const sandbox = await start({ faults: [{ kind: 'reset', count: 1 }] });
    expect(() => sandbox.setOptions({ errorStatus: 500 as unknown as 200 })).toThrow(
      /errorStatus must be "http" or 200/,
    );
    expect(() => sandbox.setFaults([{ kind: 'reset', probability: 2 }])).toThrow(
      'Fault #1: probability must be a number from 0 to 1.',
    );
    expect(sandbox.faults()).toEqual([{ endpoint: '*', kind: 'reset', count: 1, remaining: 1 }]);
  });

  it('answers a wrong method with 405 naming the right ones, and an unknown admin path with 404', async () => {
    const sandbox = await start();
    const response = await fetch(`${sandbox.url}/__sandbox/faults`, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, POST, DELETE');
    expect(await response.json()).toEqual({ error: 'Use GET or POST or DELETE for /__sandbox/faults.' });
    expect((await raw(sandbox, '/__sandbox/refuse')).status).toBe(405);
    expect((await raw(sandbox, '/__sandbox/settings', { method: 'DELETE' })).status).toBe(405);
    expect((await raw(sandbox, '/__sandbox/constructor')).status).toBe(404);
    expect((await raw(sandbox, '/__sandbox/fault')).status).toBe(404);
  });

  it('POST /__sandbox/reset clears permits and the log but keeps the faults', async () => {
    const sandbox = await start({ faults: [{ endpoint: 'stats', kind: 'status-500' }] });
    await pushOk(sandbox, MINIMAL_PUSH);
    await raw(sandbox, '/__sandbox/reset', { method: 'POST', headers: { 'content-type': 'application/json' } });
    expect(sandbox.permits()).toEqual([]);
    expect(sandbox.faults()).toHaveLength(1);
  });
});

describe('the --fault CLI flag', () => {
  it('is repeatable and reads the compact form', () => {
    const result = parseSandboxArgs([
      '--port',
      '0',
      '--fault',
      'push:store-then-drop:count=1',
      '--fault=*:latency:ms=50,jitter=20',
      '--fault',
      'stats:status-503:p=0.5',
      '--fault',
      'push:rate-limit:retryAfter=3',
    ]);
    expect(result).toMatchObject({
      kind: 'run',
      options: {
        faults: [
          { endpoint: 'push', kind: 'store-then-drop', count: 1 },
          { endpoint: '*', kind: 'latency', ms: 50, jitter: 20 },
          { endpoint: 'stats', kind: 'status-503', probability: 0.5 },
          { endpoint: 'push', kind: 'rate-limit', retryAfter: 3 },
        ],
      },
    });
  });

  it('leaves faults out when none is given', () => {
    expect(parseSandboxArgs([])).not.toHaveProperty('options.faults');
  });

  it.each([
    [['--fault', 'push:boom'], /--fault "push:boom": kind must be one of/],
    [['--fault', 'push'], /--fault "push": expected <endpoint>:<kind>/],
    [['--fault'], /--fault/],
  ])('refuses %j in plain words', (argv, message) => {
    const result = parseSandboxArgs(argv);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.message).toMatch(message);
  });
});
