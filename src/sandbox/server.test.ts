import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from './errors';
import { REDACTED, startSandbox } from './server';
import { call, DOCUMENTED_PUSH, MINIMAL_PUSH, pushOk, raw, start, TOKEN, useSandboxes, without } from './test-helpers';

useSandboxes();

const error = (code: ErrorCode): Record<string, unknown> => ({ ErrorCode: code, ErrorMessage: ERROR_MESSAGES[code] });
const TOKEN_50 = `T${'a1-'.repeat(16)}x`;
const JSON_TYPE = { 'content-type': 'application/json' };

describe('the API token', () => {
  it.each(['push', 'update', 'delete', 'stats'])('%s: missing or empty token is 9001 with 401', async (action) => {
    const sandbox = await start();
    for (const body of [{}, { apiToken: '' }, { apiToken: null }, { plate: 'X', apitoken: TOKEN }]) {
      const answer = await call(sandbox, action, body);
      expect(answer.status).toBe(401);
      expect(answer.json).toEqual(error(9001));
    }
  });

  it.each<[string, unknown]>([
    ['an unknown token', 'OTHER-TOKEN'],
    ['a token in the wrong case', TOKEN.toLowerCase()],
    ['a number', 12345],
    ['a token with a space', 'TEST TOKEN'],
    ['a token with an underscore', 'TEST_TOKEN'],
    ['a token of 51 characters', `${TOKEN_50}Z`],
    ['the accepted token with surrounding spaces', ` ${TOKEN} `],
  ])('refuses %s with 9002 and 403', async (_case, apiToken) => {
    const sandbox = await start();
    const answer = await call(sandbox, 'push', { ...MINIMAL_PUSH, apiToken });
    expect(answer.status).toBe(403);
    expect(answer.json).toEqual(error(9002));
    expect(sandbox.permits()).toEqual([]);
  });

  it('checks the token before any field', async () => {
    const sandbox = await start();
    expect((await call(sandbox, 'push', { apiToken: 'WRONG' })).json).toEqual(error(9002));
  });

  it('accepts a 50-character token given in the tokens option, and refuses a 51st character', async () => {
    expect(TOKEN_50).toHaveLength(50);
    const sandbox = await start({ tokens: [TOKEN_50] });
    await pushOk(sandbox, { ...MINIMAL_PUSH, apiToken: TOKEN_50 });
    expect((await call(sandbox, 'push', { ...MINIMAL_PUSH, apiToken: `${TOKEN_50}x` })).json).toEqual(error(9002));
  });

  it('accepts any of several tokens, including the demo token as an ordinary value', async () => {
    const sandbox = await start({ tokens: ['DEMO-KIOSK-TOKEN', 'SECOND'] });
    await pushOk(sandbox, { ...MINIMAL_PUSH, apiToken: 'DEMO-KIOSK-TOKEN' });
    await pushOk(sandbox, { ...MINIMAL_PUSH, apiToken: 'SECOND' });
    expect((await call(sandbox, 'push', { ...MINIMAL_PUSH, apiToken: TOKEN })).json).toEqual(error(9002));
  });
});

describe('the request body', () => {
  it.each([
    ['not JSON', '{"apiToken": '],
    ['empty', ''],
    ['a JSON array', '[]'],
    ['JSON null', 'null'],
    ['a JSON string', '"hello"'],
    ['a JSON number', '42'],
  ])('refuses a body that is %s with 9003', async (_case, body) => {
    const sandbox = await start();
    const answer = await call(sandbox, 'push', body);
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(error(9003));
  });

  it('checks the body before the token', async () => {
    const sandbox = await start();
    expect((await call(sandbox, 'stats', '[{"apiToken":"x"}]')).json).toEqual(error(9003));
  });

  it('refuses a body over 64 KiB with 413 and 9003', async () => {
    const sandbox = await start();
    const big = { ...MINIMAL_PUSH, padding: 'x'.repeat(64 * 1024) };
    const answer = await call(sandbox, 'push', big);
    expect(answer.status).toBe(413);
    expect(answer.json).toEqual(error(9003));
    expect(sandbox.permits()).toEqual([]);
    // Just under the limit is fine.
    await pushOk(sandbox, { ...MINIMAL_PUSH, padding: 'x'.repeat(60 * 1024) });
  });

  it('ignores a query string and fields it does not know', async () => {
    const sandbox = await start();
    const answer = await raw(sandbox, '/api/OC-TOMA/v1/permits/push?debug=1', {
      method: 'POST',
      body: JSON.stringify({ ...MINIMAL_PUSH, extra: 1, nested: { a: [1] } }),
    });
    expect(answer.status).toBe(200);
  });

  it('never reads a field through the prototype (__proto__, constructor)', async () => {
    const sandbox = await start();
    const body = JSON.stringify(without(MINIMAL_PUSH, 'plate')).replace(
      /}$/,
      ',"__proto__":{"plate":"SNEAKY"},"constructor":"x"}',
    );
    const answer = await call(sandbox, 'push', body);
    expect(answer.json).toEqual(error(9006));
  });
});

describe('routing', () => {
  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('answers %s on an API path with 405 and 9003', async (method) => {
    const sandbox = await start();
    const init: RequestInit = method === 'GET' ? { method } : { method, body: JSON.stringify(MINIMAL_PUSH) };
    const response = await fetch(`${sandbox.url}/api/OC-TOMA/v1/permits/push`, init);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual(error(9003));
  });

  it.each(['/', '/api/OC-TOMA/v1/permits/list', '/api/OC-TOMA/v1/permits/push/', '/api/oc-toma/v1/permits/push'])(
    'answers an unknown path (%s) with 404 and 9003',
    async (path) => {
      const sandbox = await start();
      const answer = await raw(sandbox, path, { method: 'POST', body: JSON.stringify(MINIMAL_PUSH) });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual(error(9003));
    },
  );

  it('answers JSON with a JSON content type', async () => {
    const sandbox = await start();
    const response = await fetch(`${sandbox.url}/api/OC-TOMA/v1/permits/stats`, {
      method: 'POST',
      body: JSON.stringify({ apiToken: TOKEN }),
    });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });
});

describe('errorStatus', () => {
  it("'http' (the default) carries errors with 401/403/404/409/400", async () => {
    const sandbox = await start({ rejectDuplicatePermitNo: true });
    await pushOk(sandbox, DOCUMENTED_PUSH);
    const cases: Array<[string, Record<string, unknown>, number, ErrorCode]> = [
      ['push', { plate: 'X' }, 401, 9001],
      ['push', { apiToken: 'NOPE' }, 403, 9002],
      ['update', { apiToken: TOKEN, referenceID: 'missing' }, 404, 9009],
      ['push', DOCUMENTED_PUSH, 409, 9022],
      ['push', { apiToken: TOKEN, plate: 'X' }, 400, 9004],
      ['update', { apiToken: TOKEN }, 400, 9008],
      ['stats', { apiToken: TOKEN, zones: 1 }, 400, 9033],
    ];
    for (const [action, body, status, code] of cases) {
      const answer = await call(sandbox, action, body);
      expect([action, answer.status, answer.json]).toEqual([action, status, error(code)]);
    }
  });

  it('200 carries every controller error with HTTP 200 and the same error body', async () => {
    const sandbox = await start({ errorStatus: 200, rejectDuplicatePermitNo: true });
    await pushOk(sandbox, DOCUMENTED_PUSH);
    const cases: Array<[string, unknown, ErrorCode]> = [
      ['push', '{not json', 9003],
      ['push', { plate: 'X' }, 9001],
      ['push', { apiToken: 'NOPE' }, 9002],
      ['update', { apiToken: TOKEN, referenceID: 'missing' }, 9009],
      ['push', DOCUMENTED_PUSH, 9022],
      ['push', { apiToken: TOKEN, plate: 'X' }, 9004],
      ['push', { ...MINIMAL_PUSH, amount: '14.5' }, 9033],
    ];
    for (const [action, body, code] of cases) {
      const answer = await call(sandbox, action, body);
      expect([action, answer.status, answer.json]).toEqual([action, 200, error(code)]);
    }
  });
});

describe('inspection endpoints', () => {
  it('GET /__sandbox/requests lists API requests with the body (token redacted), status and response', async () => {
    const sandbox = await start({ now: () => new Date('2026-02-03T04:05:06Z') });
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    await call(sandbox, 'stats', 'garbage');
    await raw(sandbox, '/__sandbox/permits');
    const answer = await raw(sandbox, '/__sandbox/requests');
    expect(answer.status).toBe(200);
    const expected = [
      {
        at: '2026-02-03T04:05:06.000Z',
        method: 'POST',
        path: '/api/OC-TOMA/v1/permits/push',
        body: { ...DOCUMENTED_PUSH, apiToken: REDACTED },
        status: 200,
        response: { status: 'success', reference_id: id, InternalReferenceID: id },
      },
      {
        at: '2026-02-03T04:05:06.000Z',
        method: 'POST',
        path: '/api/OC-TOMA/v1/permits/stats',
        body: 'garbage',
        status: 400,
        response: error(9003),
      },
    ];
    expect(answer.json).toEqual({ requests: expected });
    expect(sandbox.requestLog()).toEqual(expected);
  });

  it('hands out copies, so a caller cannot change the sandbox through them', async () => {
    const sandbox = await start();
    await pushOk(sandbox, DOCUMENTED_PUSH);
    const permit = sandbox.permits()[0];
    if (permit) permit.plate = 'CHANGED';
    const entry = sandbox.requestLog()[0];
    if (entry) entry.status = 999;
    expect(sandbox.permits()[0]?.plate).toBe('PL8RDR');
    expect(sandbox.requestLog()[0]?.status).toBe(200);
  });

  it('POST /__sandbox/reset clears permits and the log', async () => {
    const sandbox = await start();
    await pushOk(sandbox, DOCUMENTED_PUSH);
    const reset = await raw(sandbox, '/__sandbox/reset', { method: 'POST', headers: JSON_TYPE });
    expect(reset.status).toBe(200);
    expect(sandbox.permits()).toEqual([]);
    expect(sandbox.requestLog()).toEqual([]);
    expect((await raw(sandbox, '/__sandbox/permits')).json).toEqual({ permits: [] });
  });

  it('answers the wrong method with 405 and an unknown sandbox path with 404', async () => {
    const sandbox = await start();
    expect((await raw(sandbox, '/__sandbox/reset')).status).toBe(405);
    expect((await raw(sandbox, '/__sandbox/permits', { method: 'POST' })).status).toBe(405);
    expect((await raw(sandbox, '/__sandbox/nothing')).status).toBe(404);
  });
});

describe('startSandbox options', () => {
  it('listens on 127.0.0.1 and a free port by default; url has no trailing slash', async () => {
    const sandbox = await start();
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
  });

  it('runs several sandboxes side by side, each with its own permits', async () => {
    const [a, b] = await Promise.all([start(), start()]);
    if (!a || !b) throw new Error('not started');
    await pushOk(a, DOCUMENTED_PUSH);
    expect(a.port).not.toBe(b.port);
    expect(b.permits()).toEqual([]);
  });

  it('close() is safe to call twice and frees the port', async () => {
    const sandbox = await startSandbox({ tokens: [TOKEN] });
    await call(sandbox, 'stats', { apiToken: TOKEN });
    await Promise.all([sandbox.close(), sandbox.close()]);
    await expect(fetch(`${sandbox.url}/__sandbox/permits`)).rejects.toThrow();
    const again = await start({ port: sandbox.port });
    expect(again.port).toBe(sandbox.port);
  });

  it('says so in plain words when the port is taken', async () => {
    const first = await start();
    await expect(startSandbox({ tokens: [TOKEN], port: first.port })).rejects.toThrow(/already in use/);
  });

  it.each(['0.0.0.0', '192.168.1.10', 'localhost', '::', 'example.com'])('refuses the host %s', async (host) => {
    await expect(startSandbox({ tokens: [TOKEN], host })).rejects.toThrow(/loopback address/);
  });

  it('listens on ::1 with a bracketed url', async () => {
    const sandbox = await start({ host: '::1' });
    expect(sandbox.url).toBe(`http://[::1]:${sandbox.port}`);
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.permits()).toHaveLength(1);
  });

  it.each<[string, string[]]>([
    ['no tokens', []],
    ['a token with a space', ['BAD TOKEN']],
    ['an empty token', ['']],
    ['a 51-character token', [`${TOKEN_50}x`]],
  ])('refuses %s in plain words, without echoing the token', async (_case, tokens) => {
    const attempt = startSandbox({ tokens });
    await expect(attempt).rejects.toThrow(/token/);
    await expect(attempt).rejects.not.toThrow(/BAD TOKEN/);
  });

  it('refuses a port out of range', async () => {
    await expect(startSandbox({ tokens: [TOKEN], port: 70000 })).rejects.toThrow(/0 to 65535/);
  });
});
