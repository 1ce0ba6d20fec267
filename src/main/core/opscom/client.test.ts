import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { createLogger } from '../host/log';
import { OpscomClient } from './client';
import { DOCUMENTED_PERMIT } from './documented-example';
import { listenOnLoopback } from '../testing/loopback-server';

const TOKEN = 'CLIENT-TEST-TOKEN-0123456789-abcdefghijklmnopqrstu'; // 50 characters
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

function capturingLogger() {
  const lines: string[] = [];
  return { log: createLogger((_level, line) => lines.push(line)), lines };
}

async function sandbox(options: { errorStatus?: 'http' | 200 } = {}): Promise<RunningSandbox> {
  const running = await startSandbox({ port: 0, tokens: [TOKEN], ...options });
  closers.push(() => running.close());
  return running;
}

/** A controller that answers every request with whatever the test says. */
async function fakeController(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<{ url: string; bodies: unknown[]; headers: http.IncomingHttpHeaders[] }> {
  const bodies: unknown[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(text || 'null'));
      headers.push(req.headers);
      answer(req, res);
    });
  });
  const listening = await listenOnLoopback(server);
  closers.push(listening.close);
  return { url: listening.url, bodies, headers };
}

const permit = DOCUMENTED_PERMIT;

describe('OPSCOM client against the sandbox', () => {
  for (const errorStatus of ['http', 200] as const) {
    it(`pushes, updates, deletes and reads stats (errors carried by ${errorStatus})`, async () => {
      const controller = await sandbox({ errorStatus });
      const client = new OpscomClient({ baseUrl: controller.url, apiToken: TOKEN, log: capturingLogger().log });

      const pushed = await client.push(permit);
      expect(pushed.kind).toBe('success');
      const referenceId = pushed.kind === 'success' ? pushed.value.referenceId : '';
      expect(controller.permits()[0]).toMatchObject({
        referenceId,
        plate: 'PL8RDR',
        startTime: '2018-07-02T09:00:00',
        endTime: '2018-07-02T09:30:00',
        amount: '14.50',
        currency: 'CAD',
        permitNo: 'L4-1138',
        zone: 'Lot 4',
      });

      expect(await client.update({ referenceId, endAt: '2018-07-02T10:00:00.000Z', amountCents: 2900 })).toEqual({
        kind: 'success',
        value: { referenceId },
      });
      expect(controller.permits()[0]).toMatchObject({
        endTime: '2018-07-02T10:00:00',
        amount: '29.00',
        plate: 'PL8RDR',
      });

      const stats = await client.stats(['Lot 4']);
      expect(stats).toEqual({ kind: 'success', value: [{ type: expect.any(String), zone: 'Lot 4', total: 1 }] });

      expect((await client.delete(referenceId)).kind).toBe('success');
      expect(await client.delete(referenceId)).toMatchObject({ kind: 'not-found', errorCode: 9009 });
    });

    it(`classifies a bad token as unauthorised and a bad field as rejected (${errorStatus})`, async () => {
      const controller = await sandbox({ errorStatus });
      const wrongToken = new OpscomClient({
        baseUrl: controller.url,
        apiToken: 'NOT-A-KNOWN-TOKEN',
        log: capturingLogger().log,
      });
      expect(await wrongToken.stats()).toMatchObject({ kind: 'unauthorised', errorCode: 9002 });

      const client = new OpscomClient({ baseUrl: controller.url, apiToken: TOKEN, log: capturingLogger().log });
      expect(await client.push({ ...permit, plate: 'X'.repeat(26) })).toMatchObject({
        kind: 'rejected',
        errorCode: 9021,
        field: 'plate',
      });
    });
  }
});

describe('OPSCOM client on the wire', () => {
  it('sends POST with JSON headers and the documented canonical field names', async () => {
    const fake = await fakeController((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ status: 'success', reference_id: 'abc-1', InternalReferenceID: 'abc-1' }));
    });
    const client = new OpscomClient({ baseUrl: `${fake.url}/`, apiToken: TOKEN, log: capturingLogger().log });
    await client.push(permit);
    expect(fake.bodies[0]).toEqual({
      apiToken: TOKEN,
      LicencePlate: 'PL8RDR',
      startTime: '2018-07-02T09:00:00',
      endTime: '2018-07-02T09:30:00',
      Amount: '14.50',
      CurrencyID: 'CAD',
      permitNo: 'L4-1138',
      zone: 'Lot 4',
    });
    expect(fake.headers[0]?.['content-type']).toBe('application/json');
    expect(fake.headers[0]?.accept).toBe('application/json');
  });

  it('recognises an error body whatever the HTTP status', async () => {
    const fake = await fakeController((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ErrorCode: 9022, ErrorMessage: 'A record already exists with the supplied details.' }));
    });
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    expect(await client.push(permit)).toMatchObject({
      kind: 'duplicate',
      controllerMessage: 'A record already exists with the supplied details.',
    });
  });

  const transientCases: Array<[string, (res: http.ServerResponse) => void, number | null]> = [
    [
      'an HTML page with 200',
      (res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>ok</html>'),
      null,
    ],
    ['truncated JSON', (res) => res.writeHead(200).end('{"status":"succ'), null],
    ['a 503', (res) => res.writeHead(503).end(), null],
    ['a 429 with Retry-After', (res) => res.writeHead(429, { 'Retry-After': '7' }).end(), 7000],
  ];
  for (const [name, answer, retryAfterMs] of transientCases) {
    it(`treats ${name} as transient`, async () => {
      const fake = await fakeController((_req, res) => answer(res));
      const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
      expect(await client.push(permit)).toMatchObject({ kind: 'transient', retryAfterMs });
    });
  }

  it('gives up after its timeout and says so, without throwing', async () => {
    const fake = await fakeController(() => undefined); // never answers
    const client = new OpscomClient({
      baseUrl: fake.url,
      apiToken: TOKEN,
      softTimeoutMs: 200,
      log: capturingLogger().log,
    });
    const outcome = await client.stats();
    expect(outcome).toMatchObject({ kind: 'transient', httpStatus: null });
    expect(outcome.kind === 'transient' && outcome.message).toMatch(/did not answer/);
  });

  it('treats a refused connection as transient and never logs the token', async () => {
    const { log, lines } = capturingLogger();
    const client = new OpscomClient({ baseUrl: 'http://127.0.0.1:1', apiToken: TOKEN, log });
    expect(await client.push(permit)).toMatchObject({ kind: 'transient' });
    log.info(`body was ${JSON.stringify({ apiToken: TOKEN })}`);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });
});

/**
 * The table of outcome → certainty the outbox relies on: only a connection that never opened is certain not to
 * have stored anything; OPSCOM's documented ErrorCodes say it refused; everything else may have stored it.
 */
describe('what each answer tells about whether OPSCOM stored the request', () => {
  const json = (status: number, body: unknown, headers: http.OutgoingHttpHeaders = {}) => {
    return (res: http.ServerResponse) =>
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  };
  const cases: Array<[string, (res: http.ServerResponse) => void, Record<string, unknown>]> = [
    ['a 503', (res) => res.writeHead(503).end(), { kind: 'transient', reason: 'server-error' }],
    ['a 500 with an HTML page', (res) => res.writeHead(500).end('<h1>oops</h1>'), { reason: 'server-error' }],
    ['an HTML page with 200', (res) => res.writeHead(200).end('<html>ok</html>'), { reason: 'unreadable' }],
    [
      'truncated JSON with 200',
      (res) => res.writeHead(200).end('{"status":"success","refer'),
      { reason: 'unreadable' },
    ],
    ['a success without any reference', json(200, { status: 'success' }), { reason: 'unreadable' }],
    [
      'status "error" without an ErrorCode',
      json(200, { status: 'error', reference_id: 'r-1' }),
      { reason: 'unreadable' },
    ],
    ['a reference longer than 50 characters', json(200, { reference_id: 'r'.repeat(51) }), { reason: 'unreadable' }],
    ['a 404 from something in between', (res) => res.writeHead(404).end('Not Found'), { reason: 'unexpected-status' }],
    ['a 429', (res) => res.writeHead(429, { 'Retry-After': '7' }).end(), { reason: 'busy', retryAfterMs: 7000 }],
    [
      'a 401 without an ErrorCode',
      (res) => res.writeHead(401).end(),
      { kind: 'unauthorised', errorCode: null, certainty: 'may-be-stored' },
    ],
  ];
  for (const [name, answer, expected] of cases) {
    it(`${name}: may be stored`, async () => {
      const fake = await fakeController((_req, res) => answer(res));
      const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
      expect(await client.push(permit)).toMatchObject({ certainty: 'may-be-stored', ...expected });
    });
  }

  it('an ErrorCode says OPSCOM refused it: nothing stored, whatever the status', async () => {
    const fake = await fakeController((_req, res) => json(500, { ErrorCode: 9002, ErrorMessage: 'No.' })(res));
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    expect(await client.push(permit)).toMatchObject({ kind: 'unauthorised', certainty: 'not-received' });
  });

  it('a refused connection or an unknown host: certainly not received', async () => {
    const log = capturingLogger().log;
    const refused = new OpscomClient({ baseUrl: 'http://127.0.0.1:1', apiToken: TOKEN, log });
    expect(await refused.push(permit)).toMatchObject({ reason: 'unreachable', certainty: 'not-received' });
    const nowhere = new OpscomClient({ baseUrl: 'http://no-such-host.invalid', apiToken: TOKEN, log });
    expect(await nowhere.push(permit)).toMatchObject({ reason: 'unreachable', certainty: 'not-received' });
  });

  it('a connection reset after the request went out: may be stored', async () => {
    const fake = await fakeController((req) => req.socket.resetAndDestroy());
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    expect(await client.push(permit)).toMatchObject({ reason: 'connection-lost', certainty: 'may-be-stored' });
  });

  it('no answer by the hard timeout: may be stored', async () => {
    const fake = await fakeController(() => undefined);
    const client = new OpscomClient({
      baseUrl: fake.url,
      apiToken: TOKEN,
      softTimeoutMs: 50,
      hardTimeoutMs: 150,
      log: capturingLogger().log,
    });
    expect(await client.push(permit)).toMatchObject({ reason: 'timeout', certainty: 'may-be-stored' });
  });

  it('past the soft timeout the request stays open, says it is slow, and a late answer still counts', async () => {
    const fake = await fakeController((_req, res) => {
      setTimeout(() => json(200, { status: 'success', reference_id: 'late-1' })(res), 300);
    });
    const client = new OpscomClient({
      baseUrl: fake.url,
      apiToken: TOKEN,
      softTimeoutMs: 50,
      hardTimeoutMs: 5000,
      log: capturingLogger().log,
    });
    let slow = 0;
    const outcome = await client.push(permit, { onSlow: () => (slow += 1) });
    expect(outcome).toEqual({ kind: 'success', value: { referenceId: 'late-1' } });
    expect(slow).toBe(1);
  });

  it('stats, a read, give up at the soft timeout', async () => {
    const fake = await fakeController(() => undefined);
    const client = new OpscomClient({
      baseUrl: fake.url,
      apiToken: TOKEN,
      softTimeoutMs: 100,
      hardTimeoutMs: 60_000,
      log: capturingLogger().log,
    });
    expect(await client.stats()).toMatchObject({ kind: 'transient', reason: 'timeout' });
  });
});

describe('reading every documented success', () => {
  async function pushAnswered(text: string) {
    const fake = await fakeController((_req, res) => res.writeHead(200).end(text));
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    return client.push(permit);
  }

  it('takes the reference from InternalReferenceID when reference_id is missing', async () => {
    expect(await pushAnswered('{"status":"success","InternalReferenceID":"int-7"}')).toEqual({
      kind: 'success',
      value: { referenceId: 'int-7' },
    });
    expect(await pushAnswered('{"InternalReferenceID":"int-8"}')).toMatchObject({ value: { referenceId: 'int-8' } });
  });

  it('reads a numeric reference as its decimal string, every digit kept', async () => {
    expect(await pushAnswered('{"status":"success","reference_id":100000123}')).toMatchObject({
      value: { referenceId: '100000123' },
    });
    // Past 2^53 a JSON number would be rounded; the reference must not be.
    expect(await pushAnswered('{"status":"success","reference_id":12345678901234567890}')).toMatchObject({
      value: { referenceId: '12345678901234567890' },
    });
    // The documented limits still apply: a decimal is not a reference.
    expect(await pushAnswered('{"status":"success","reference_id":1.5}')).toMatchObject({ reason: 'unreadable' });
  });

  it('compares status without regard to case and ignores undocumented fields', async () => {
    expect(await pushAnswered('{"status":"SUCCESS","reference_id":"r-9","message":"Saved.","extra":{"a":1}}')).toEqual({
      kind: 'success',
      value: { referenceId: 'r-9' },
    });
  });

  it('an update or delete answered with a bare success has reached the reference it was sent to', async () => {
    const fake = await fakeController((_req, res) => res.writeHead(200).end('{"status":"Success"}'));
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    expect(await client.update({ referenceId: 'ref-1', amountCents: 100 })).toEqual({
      kind: 'success',
      value: { referenceId: 'ref-1' },
    });
    expect(await client.delete('ref-1')).toEqual({ kind: 'success', value: { referenceId: 'ref-1' } });
  });

  it('reads stats totals sent as strings or as numbers', async () => {
    const fake = await fakeController((_req, res) =>
      res
        .writeHead(200)
        .end('{"data":[{"type":"temp","zone":"Lot 1","total":"4"},{"type":"temp","zone":"Lot 2","total":35}]}'),
    );
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    expect(await client.stats()).toEqual({
      kind: 'success',
      value: [
        { type: 'temp', zone: 'Lot 1', total: 4 },
        { type: 'temp', zone: 'Lot 2', total: 35 },
      ],
    });
  });
});

describe('answers that look like errors, or point elsewhere', () => {
  async function pushAnswered(status: number, text: string, headers: http.OutgoingHttpHeaders = {}) {
    const fake = await fakeController((_req, res) => res.writeHead(status, headers).end(text));
    const client = new OpscomClient({ baseUrl: fake.url, apiToken: TOKEN, log: capturingLogger().log });
    return client.push(permit);
  }

  it('an empty ErrorCode (0, "", null) beside a success is not an error', async () => {
    for (const code of ['0', '""', 'null', 'false']) {
      expect(await pushAnswered(200, `{"status":"success","reference_id":"R-1","ErrorCode":${code}}`)).toEqual({
        kind: 'success',
        value: { referenceId: 'R-1' },
      });
    }
  });

  it('an ErrorCode OPSCOM does not document is shown to a person, and may have stored it', async () => {
    expect(await pushAnswered(500, '{"ErrorCode":5000,"ErrorMessage":"Oops"}')).toMatchObject({
      kind: 'rejected',
      errorCode: 5000,
      certainty: 'may-be-stored',
    });
    expect(await pushAnswered(400, '{"ErrorCode":"9021","ErrorMessage":"Too long"}')).toMatchObject({
      kind: 'rejected',
      errorCode: 9021,
      certainty: 'not-received',
    });
  });

  it('a reference written with an exponent or a fraction is not a reference', async () => {
    expect(await pushAnswered(200, '{"status":"success","reference_id":1e5}')).toMatchObject({ reason: 'unreadable' });
    expect(await pushAnswered(200, '{"status":"success","reference_id":-3}')).toMatchObject({ reason: 'unreadable' });
  });

  it('never follows a redirect: the token is not sent on, and the answer says so', async () => {
    const elsewhere = await fakeController((_req, res) => res.writeHead(200).end('{"reference_id":"STOLEN"}'));
    for (const status of [301, 302, 307, 308]) {
      const outcome = await pushAnswered(status, '', { Location: `${elsewhere.url}/api/OC-TOMA/v1/permits/push` });
      expect(outcome).toMatchObject({ kind: 'transient', reason: 'redirect', httpStatus: status });
      expect(outcome.kind === 'transient' && outcome.message).toContain(new URL(elsewhere.url).host);
    }
    expect(elsewhere.bodies).toEqual([]);
  });
});
