/**
 * The sandbox also runs inside the kiosk (demo mode), where any web page the browser opens can send requests to
 * it. Its admin endpoints check the Host (DNS rebinding) and, for POSTs, the JSON content type (cross-origin
 * form posts); its request log never holds an API token. Over real HTTP, as a page or a client would see it.
 */
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { REDACTED, type RunningSandbox } from './server';
import { call, MINIMAL_PUSH, pushOk, raw, start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

/** fetch() will not let a test forge the Host header, so this goes through node:http. */
function requestWithHost(
  sandbox: RunningSandbox,
  host: string,
  path: string,
  options: { method?: string; body?: string; contentType?: string; address?: string } = {},
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: host };
    if (options.contentType) headers['Content-Type'] = options.contentType;
    http
      .request(
        { host: options.address ?? '127.0.0.1', port: sandbox.port, path, method: options.method ?? 'GET', headers },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      )
      .on('error', reject)
      .end(options.body);
  });
}

function adminPost(sandbox: RunningSandbox, path: string, body: unknown, contentType?: string) {
  return raw(sandbox, path, {
    method: 'POST',
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the admin endpoints check the Host header', () => {
  it.each(['evil.example', 'rebound.evil.example:PORT', 'localhost.evil.com:PORT', '127.0.0.1:1', 'localhost'])(
    'answer %s with 421 in plain words, and show nothing',
    async (hostTemplate) => {
      const sandbox = await start();
      await pushOk(sandbox, MINIMAL_PUSH);
      const host = hostTemplate.replace('PORT', String(sandbox.port));
      for (const path of ['/__sandbox/requests', '/__sandbox/permits', '/__sandbox/faults', '/__sandbox/settings']) {
        const answer = await requestWithHost(sandbox, host, path);
        expect([path, answer.status]).toEqual([path, 421]);
        expect(JSON.parse(answer.text)).toEqual({
          error: `The sandbox's test endpoints only answer requests addressed to 127.0.0.1:${sandbox.port}.`,
        });
        expect(answer.text).not.toContain('ABC123');
      }
    },
  );

  it('refuses a POST from a foreign Host too, changing nothing', async () => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    const reset = await requestWithHost(sandbox, `rebound.evil.example:${sandbox.port}`, '/__sandbox/reset', {
      method: 'POST',
      contentType: 'application/json',
      body: '{}',
    });
    expect(reset.status).toBe(421);
    expect(sandbox.permits()).toHaveLength(1);
  });

  it('answers its own loopback host:port, by address or as localhost', async () => {
    const sandbox = await start();
    for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`, `LOCALHOST:${sandbox.port}`])
      expect([host, (await requestWithHost(sandbox, host, '/__sandbox/permits')).status]).toEqual([host, 200]);
  });

  it('answers [::1]:port when it listens on ::1', async () => {
    const sandbox = await start({ host: '::1' });
    const answer = await requestWithHost(sandbox, `[::1]:${sandbox.port}`, '/__sandbox/permits', { address: '::1' });
    expect(answer.status).toBe(200);
  });

  it('still lets OPSCOM API calls through addressed as 127.0.0.1 or localhost', async () => {
    const sandbox = await start();
    for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`]) {
      const answer = await requestWithHost(sandbox, host, '/api/OC-TOMA/v1/permits/stats', {
        method: 'POST',
        contentType: 'application/json',
        body: JSON.stringify({ apiToken: TOKEN }),
      });
      expect([host, answer.status]).toEqual([host, 200]);
    }
  });
});

describe('admin POSTs need Content-Type: application/json', () => {
  it.each<[string, string | undefined]>([
    ['text/plain (what a cross-origin page can post without asking)', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['no content type', undefined],
  ])('answers %s with 415 in plain words, changing nothing', async (_case, contentType) => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    const faults = await adminPost(sandbox, '/__sandbox/faults', { faults: [{ kind: 'reset' }] }, contentType);
    expect(faults).toEqual({
      status: 415,
      json: { error: 'Send /__sandbox/faults a JSON body with Content-Type: application/json.' },
    });
    expect((await adminPost(sandbox, '/__sandbox/reset', '{}', contentType)).status).toBe(415);
    const settings = await adminPost(sandbox, '/__sandbox/settings', { errorStatus: 200 }, contentType);
    expect(settings.status).toBe(415);
    expect((await adminPost(sandbox, '/__sandbox/refuse', { forMs: 1000 }, contentType)).status).toBe(415);

    expect(sandbox.faults()).toEqual([]);
    expect(sandbox.permits()).toHaveLength(1);
    expect(sandbox.requestLog()).toHaveLength(1);
    expect((await call(sandbox, 'push', { apiToken: 'NOPE' })).status).toBe(403);
  });

  it('accepts application/json with parameters, in any case', async () => {
    const sandbox = await start();
    const set = await adminPost(sandbox, '/__sandbox/faults', { faults: [] }, 'Application/JSON; charset=utf-8');
    expect(set.status).toBe(200);
    expect((await adminPost(sandbox, '/__sandbox/reset', '', 'application/json')).status).toBe(200);
  });

  it('keeps 404 and 405 ahead of 415, and needs no content type for DELETE', async () => {
    const sandbox = await start({ faults: [{ kind: 'reset' }] });
    expect((await adminPost(sandbox, '/__sandbox/nothing', '{}', 'text/plain')).status).toBe(404);
    expect((await adminPost(sandbox, '/__sandbox/permits', '{}', 'text/plain')).status).toBe(405);
    expect((await raw(sandbox, '/__sandbox/faults', { method: 'DELETE' })).status).toBe(200);
    expect(sandbox.faults()).toEqual([]);
  });
});

describe('the request log never holds an API token', () => {
  it('redacts apiToken in requestLog() and GET /__sandbox/requests', async () => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    await call(sandbox, 'stats', { apiToken: 'SOME-OTHER-TOKEN' });
    expect(sandbox.requestLog().map((entry) => entry.body)).toEqual([
      { ...MINIMAL_PUSH, apiToken: REDACTED },
      { apiToken: REDACTED },
    ]);
    const served = await fetch(`${sandbox.url}/__sandbox/requests`);
    const text = await served.text();
    expect(text).toContain('"apiToken":"[redacted]"');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('SOME-OTHER-TOKEN');
  });

  it('redacts any spelling of the key, at any depth', async () => {
    const sandbox = await start();
    await call(sandbox, 'push', {
      APITOKEN: 'SECRET-1',
      nested: { apitoken: 'SECRET-2', list: [{ apiToken: 'SECRET-3' }] },
    });
    await call(sandbox, 'stats', [{ apiToken: 'SECRET-4' }]);
    const logged = JSON.stringify(sandbox.requestLog());
    expect(logged).not.toMatch(/SECRET-\d/);
    expect(sandbox.requestLog()[0]?.body).toEqual({
      APITOKEN: REDACTED,
      nested: { apitoken: REDACTED, list: [{ apiToken: REDACTED }] },
    });
  });

  it('redacts the token in a body that is not JSON (kept as text), even when it is cut off', async () => {
    const sandbox = await start();
    await call(sandbox, 'push', '{"plate":"ABC","apiToken": "SECRET-1", "x":');
    await call(sandbox, 'push', '{"plate":"ABC","apiToken":"SECRET-2');
    await call(sandbox, 'push', '{"apiToken":12345,');
    await call(sandbox, 'push', '{"apiToken":"SECRET-\\"3\\"" ');
    expect(sandbox.requestLog().map((entry) => entry.body)).toEqual([
      '{"plate":"ABC","apiToken": "[redacted]", "x":',
      '{"plate":"ABC","apiToken":"[redacted]"',
      '{"apiToken":"[redacted]",',
      '{"apiToken":"[redacted]" ',
    ]);
  });

  it('still checks the real token: redaction only touches the log', async () => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    expect((await call(sandbox, 'push', { ...MINIMAL_PUSH, apiToken: REDACTED })).status).toBe(403);
  });
});
