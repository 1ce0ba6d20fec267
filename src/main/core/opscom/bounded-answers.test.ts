/**
 * OPSCOM answers are read up to 64 KiB and within the call's limit (#19): a controller, or a proxy in front of it,
 * that answers endlessly, hugely or drop by drop ends the call as "not the documented reply", which may have
 * stored the permit, with the connection closed; and the ErrorMessage it sends is kept cut and cleaned.
 */
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../host/log';
import { MAX_ANSWER_BYTES, readBoundedBody } from './bounded-body';
import { MAX_RETRY_AFTER_MS, OpscomClient, retryAfterMs } from './client';
import { DOCUMENTED_PERMIT } from './documented-example';
import { listenOnLoopback } from '../testing/loopback-server';

const TOKEN = 'BOUNDED-TEST-TOKEN-0123456789';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

interface Hostile {
  url: string;
  /** Bytes of answer body the server managed to hand to its socket. */
  written: () => number;
  /** Whether the client closed the connection (the socket is freed on both ends). */
  closed: () => boolean;
}

/** A controller that reads the request, then answers through `answer`, which writes while the socket is open. */
async function hostile(answer: (res: http.ServerResponse, count: (bytes: number) => void) => void): Promise<Hostile> {
  let written = 0;
  let closed = false;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.on('close', () => (closed = true));
      answer(res, (bytes) => (written += bytes));
    });
  });
  const listening = await listenOnLoopback(server);
  closers.push(listening.close);
  return {
    url: listening.url,
    written: () => written,
    closed: () => closed,
  };
}

/** Writes `chunk` again and again, as fast as the client reads, until the connection closes. */
function endless(res: http.ServerResponse, chunk: string, count: (bytes: number) => void): void {
  const more = () => {
    while (!res.destroyed) {
      count(chunk.length);
      if (!res.write(chunk)) return void res.once('drain', more);
    }
  };
  res.on('error', () => undefined);
  more();
}

function client(url: string, limitMs = 3000, lines: string[] = []): OpscomClient {
  return new OpscomClient({
    baseUrl: url,
    apiToken: TOKEN,
    log: createLogger((_level, line) => lines.push(line)),
    softTimeoutMs: limitMs,
    hardTimeoutMs: limitMs,
  });
}

const tooLarge = {
  kind: 'transient',
  reason: 'unreadable',
  certainty: 'may-be-stored',
  problem: { code: 'opscom-answer-too-large', params: { kib: 64 } },
};

describe('an OPSCOM answer is read up to 64 KiB', () => {
  it('a 200 that never ends: may be stored, and the connection is closed after little more than 64 KiB', async () => {
    const fake = await hostile((res, count) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":"success","reference_id":"abc-1","pad":"');
      endless(res, 'x'.repeat(16 * 1024), count);
    });
    const outcome = await client(fake.url).push(DOCUMENTED_PERMIT);
    expect(outcome).toMatchObject({ ...tooLarge, httpStatus: 200 });
    expect(outcome.kind === 'transient' && outcome.message).toMatch(/larger than 64 KiB/);
    await expect.poll(fake.closed).toBe(true);
    // What the server got out before the close: the cap plus what sockets buffer on the way, not megabytes more.
    expect(fake.written()).toBeLessThan(16 * 1024 * 1024);
  });

  it('50 MB of JSON announced by its Content-Length: refused before reading it', async () => {
    const fifty = 50 * 1024 * 1024;
    const fake = await hostile((res, count) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': fifty });
      endless(res, '[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]', count);
    });
    expect(await client(fake.url).push(DOCUMENTED_PERMIT)).toMatchObject({ ...tooLarge, httpStatus: 200 });
    await expect.poll(fake.closed).toBe(true);
    expect(fake.written()).toBeLessThan(fifty);
  });

  it('a 400 with a 5 MB ErrorMessage: not the documented reply, so may be stored, and nothing of it is kept', async () => {
    const message = 'E'.repeat(5 * 1024 * 1024);
    const fake = await hostile((res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' }); // chunked: no length to go by
      res.on('error', () => undefined);
      res.end(JSON.stringify({ ErrorCode: 9033, ErrorMessage: message }));
    });
    const lines: string[] = [];
    const outcome = await client(fake.url, 3000, lines).push(DOCUMENTED_PERMIT);
    expect(outcome).toMatchObject({ ...tooLarge, httpStatus: 400 });
    expect(JSON.stringify(outcome).length).toBeLessThan(1000);
    expect(lines.join('\n').length).toBeLessThan(1000);
  });

  it('keeps a body of exactly 64 KiB, and refuses one byte more', async () => {
    const success = '{"status":"success","reference_id":"abc-1"}';
    for (const [size, kind] of [
      [MAX_ANSWER_BYTES, 'success'],
      [MAX_ANSWER_BYTES + 1, 'transient'],
    ] as const) {
      const fake = await hostile((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(success + ' '.repeat(size - success.length));
      });
      expect([size, (await client(fake.url).push(DOCUMENTED_PERMIT)).kind]).toEqual([size, kind]);
    }
  });

  it('reads an answer sent in many small pieces whole, multi-byte characters across pieces included', async () => {
    const body = new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const byte of new TextEncoder().encode('{"ErrorMessage":"Plaque refusée · 車"}'))
            controller.enqueue(new Uint8Array([byte]));
          controller.close();
        },
      }),
    );
    expect(await readBoundedBody(body, 100)).toEqual({ kind: 'ok', text: '{"ErrorMessage":"Plaque refusée · 車"}' });
    expect(await readBoundedBody(new Response('x'.repeat(101)), 100)).toMatchObject({ kind: 'too-large' });
    expect(await readBoundedBody(new Response(null), 100)).toEqual({ kind: 'ok', text: '' });
  });
});

describe('an OPSCOM answer must arrive within the call’s limit', () => {
  it('a drip of one byte every 100 ms: cut at the limit, may be stored, and the connection is closed', async () => {
    const fake = await hostile((res, count) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.on('error', () => undefined);
      const timer = setInterval(() => {
        if (res.destroyed) return clearInterval(timer);
        count(1);
        res.write(' ');
      }, 100);
    });
    const started = performance.now();
    const outcome = await client(fake.url, 1000).push(DOCUMENTED_PERMIT);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(outcome).toMatchObject({
      kind: 'transient',
      reason: 'unreadable',
      certainty: 'may-be-stored',
      httpStatus: 200,
      problem: { code: 'opscom-answer-too-slow', params: { limit: '1 s' } },
    });
    await expect.poll(fake.closed).toBe(true);
  });
});

describe('OPSCOM’s ErrorMessage, as the kiosk keeps it', () => {
  it('is cut to 300 characters with an ellipsis, its control and invisible characters gone', async () => {
    const message = `Bad\r\nplate\u0000\u001b[31m \u202eflipped\u200b ${'é'.repeat(20_000)}`;
    const fake = await hostile((res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ErrorCode: 9033, ErrorMessage: message }));
    });
    const outcome = await client(fake.url).push(DOCUMENTED_PERMIT);
    expect(outcome).toMatchObject({ kind: 'rejected', errorCode: 9033, certainty: 'not-received' });
    if (outcome.kind !== 'rejected') return;
    expect([...outcome.controllerMessage]).toHaveLength(300);
    expect(outcome.controllerMessage).toMatch(/^Bad plate \[31m flipped éé+…$/);
    expect(outcome.problem.params?.controllerMessage).toBe(outcome.controllerMessage);
    expect(outcome.message.length).toBeLessThan(400);
  });

  it('a short message passes unchanged', async () => {
    const fake = await hostile((res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ErrorCode: 9033, ErrorMessage: 'Field value invalid: “LicencePlate”.' }));
    });
    expect(await client(fake.url).push(DOCUMENTED_PERMIT)).toMatchObject({
      controllerMessage: 'Field value invalid: “LicencePlate”.',
    });
  });

  it('stats names are cleaned and cut the same way before the Occupancy screen shows them', async () => {
    const fake = await hostile((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: [{ type: 'temp\u202e', zone: `Lot\u0000 4 ${'z'.repeat(5000)}`, total: '3' }] }));
    });
    const outcome = await client(fake.url).stats();
    expect(outcome.kind).toBe('success');
    if (outcome.kind !== 'success') return;
    expect(outcome.value[0]?.type).toBe('temp');
    expect(outcome.value[0]?.zone).toMatch(/^Lot 4 z+…$/);
    expect([...(outcome.value[0]?.zone ?? '')]).toHaveLength(200);
  });
});

describe('Retry-After from outside', () => {
  it('is honoured up to 10 minutes, never days, never forever', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    const after = (value: string) => retryAfterMs(new Headers({ 'retry-after': value }), now);
    expect(MAX_RETRY_AFTER_MS).toBe(600_000);
    expect(after('3')).toBe(3000);
    expect(after('86400')).toBe(MAX_RETRY_AFTER_MS);
    expect(after('9'.repeat(400))).toBe(MAX_RETRY_AFTER_MS); // Infinity seconds
    expect(after('Mon, 07 Dec 2026 12:01:00 GMT')).toBe(60_000);
    expect(after('Fri, 31 Dec 9999 23:59:59 GMT')).toBe(MAX_RETRY_AFTER_MS);
  });
});
