/**
 * The station's limits, over real HTTP: slow and idle clients, connection and event-stream caps, body size,
 * malformed URLs, symlinks out of the served folder and the Origin's scheme. Timeouts are shrunk through the
 * `limits` option so each test takes well under a second; production values are STATION_LIMITS.
 */
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BRIDGE_SECRET_HEADER } from '../../shared/bridge';
import { startTestKiosk, type TestKiosk } from '../core/testing/test-kiosk';
import { startStation, STATION_LIMITS, type RunningStation, type StationLimits } from './bridge-server';

let kiosk: TestKiosk | undefined;
let station: RunningStation | undefined;
const sockets: net.Socket[] = [];
const streams: AbortController[] = [];

afterEach(async () => {
  streams.splice(0).forEach((controller) => controller.abort());
  sockets.splice(0).forEach((socket) => socket.destroy());
  await station?.close();
  await kiosk?.close();
  station = undefined;
  kiosk = undefined;
});

async function rendererDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'renderer-'));
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

async function start(limits: Partial<StationLimits> = {}, dir?: string): Promise<RunningStation> {
  kiosk = await startTestKiosk();
  station = await startStation({ core: kiosk.core, rendererDir: dir ?? (await rendererDir()), port: 0, limits });
  return station;
}

async function pageSecret(s: RunningStation): Promise<string> {
  const html = await (await fetch(s.url)).text();
  const secret = /name="kiosk-bridge-secret" content="([^"]+)"/.exec(html)?.[1];
  if (!secret) throw new Error('no secret in page');
  return secret;
}

/** A raw TCP client: what it received, and how long after connecting the station closed it. */
interface RawClient {
  socket: net.Socket;
  received: () => string;
  closedAfterMs: Promise<number>;
  isClosed: () => boolean;
}

async function connect(port: number): Promise<RawClient> {
  const socket = net.connect(port, '127.0.0.1');
  sockets.push(socket);
  let text = '';
  let closed = false;
  socket.on('data', (chunk: Buffer) => (text += chunk.toString()));
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  const startedAt = Date.now();
  const closedAfterMs = new Promise<number>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve(Date.now() - startedAt);
    }),
  );
  return { socket, received: () => text, closedAfterMs, isClosed: () => closed };
}

/** Writes `text` one character at a time, `everyMs` apart, until it is all sent or the socket closes. */
function trickle(socket: net.Socket, text: string, everyMs: number): void {
  let at = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || at >= text.length) return clearInterval(timer);
    socket.write(text[at++] ?? '');
  }, everyMs);
}

/** A request through node:http, which (unlike fetch) sends a path exactly as written. */
function request(
  port: number,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

async function openStream(s: RunningStation, secret: string): Promise<Response> {
  const controller = new AbortController();
  streams.push(controller);
  return fetch(`${s.url}bridge/events?secret=${encodeURIComponent(secret)}`, { signal: controller.signal });
}

async function invoke(s: RunningStation, secret: string, channel: string, body: unknown): Promise<Response> {
  return fetch(`${s.url}bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [BRIDGE_SECRET_HEADER]: secret },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads an event stream until `needle` shows up. */
async function readUntil(response: Response, needle: string): Promise<string> {
  const reader = response.body!.getReader();
  let text = '';
  while (!text.includes(needle)) text += new TextDecoder().decode((await reader.read()).value);
  reader.releaseLock();
  return text;
}

describe('station limits: production values', () => {
  it('defaults to 64 connections, 8 event streams, 10 s for headers and body, 5 s idle and keep-alive', () => {
    expect(STATION_LIMITS).toEqual({
      maxConnections: 64,
      maxEventStreams: 8,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 10_000,
      keepAliveTimeoutMs: 5_000,
      idleSocketTimeoutMs: 5_000,
    });
  });

  it('refuses limits that make no sense, in plain words', async () => {
    kiosk = await startTestKiosk();
    const dir = await rendererDir();
    const attempt = (limits: Partial<StationLimits>) =>
      startStation({ core: kiosk!.core, rendererDir: dir, port: 0, limits });
    await expect(attempt({ maxConnections: 0 })).rejects.toThrow(/maxConnections must be a whole number/);
    await expect(attempt({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).rejects.toThrow(
      /headersTimeoutMs cannot be longer than requestTimeoutMs/,
    );
  });
});

describe('station limits: slow and idle clients', () => {
  it('cuts off a request whose body trickles in, with 408, within requestTimeout', async () => {
    const s = await start({ headersTimeoutMs: 300, requestTimeoutMs: 500, idleSocketTimeoutMs: 5000 });
    const secret = await pageSecret(s);
    const client = await connect(s.port);
    client.socket.write(
      `POST /bridge/invoke/kiosk%3Ainfo HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${BRIDGE_SECRET_HEADER}: ${secret}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
    );
    trickle(client.socket, `{"x":"${'a'.repeat(990)}"}`, 50);
    const after = await client.closedAfterMs;
    expect(after).toBeGreaterThanOrEqual(400);
    expect(after).toBeLessThan(3000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('cuts off a request whose headers trickle in, with 408, within headersTimeout', async () => {
    const s = await start({ headersTimeoutMs: 300, requestTimeoutMs: 5000, idleSocketTimeoutMs: 5000 });
    const client = await connect(s.port);
    trickle(client.socket, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n${'X-Slow: 1\r\n'.repeat(100)}`, 20);
    const after = await client.closedAfterMs;
    expect(after).toBeLessThan(3000);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection that never sends a request after idleSocketTimeout, without a word', async () => {
    const s = await start({ idleSocketTimeoutMs: 200, headersTimeoutMs: 5000, requestTimeoutMs: 5000 });
    const client = await connect(s.port);
    const after = await client.closedAfterMs;
    expect(after).toBeGreaterThanOrEqual(150);
    expect(after).toBeLessThan(3000);
    expect(client.received()).toBe('');
  });

  it('closes a kept-alive connection that asks nothing more after keepAliveTimeout', async () => {
    const s = await start({ keepAliveTimeoutMs: 100, idleSocketTimeoutMs: 5000 });
    const client = await connect(s.port);
    client.socket.write(`GET /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\n\r\n`);
    await expect.poll(() => client.received()).toContain('console.log(1)');
    expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    // Node waits 1 s past keepAliveTimeout, so that the client's own keep-alive timer goes first.
    expect(await client.closedAfterMs).toBeLessThan(2500);
  });

  it('does not cut a slow answer or an open event stream at the idle timeout', async () => {
    const s = await start({ idleSocketTimeoutMs: 150, keepAliveTimeoutMs: 150 });
    const secret = await pageSecret(s);
    const stream = await openStream(s, secret);
    await readUntil(stream, ': connected');
    // OPSCOM answers the connection test 500 ms late: three idle timeouts pass with the bridge call open.
    kiosk!.sandbox.setFaults([{ endpoint: 'stats', kind: 'latency', ms: 500 }]);
    const answer = await invoke(s, secret, 'settings:test-connection', { adminPin: '1234' });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ ok: true });
    await invoke(s, secret, 'permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'IDLE1',
      zone: 'Lot 1',
      durationMinutes: 30,
    });
    expect(await readUntil(stream, 'IDLE1')).toMatch(/event: permit:changed/);
  });
});

describe('station limits: connections and event streams', () => {
  it('never holds more than maxConnections, and idle ones make room for a real request', async () => {
    const s = await start({ maxConnections: 4, idleSocketTimeoutMs: 10_000 });
    const idle: RawClient[] = [];
    for (let i = 0; i < 12; i += 1) idle.push(await connect(s.port));
    await expect.poll(() => idle.filter((client) => !client.isClosed()).length).toBeLessThan(4);
    const page = await fetch(s.url);
    expect(page.status).toBe(200);
  });

  it('keeps an event stream open while idle connections flood in', async () => {
    const s = await start({ maxConnections: 4, idleSocketTimeoutMs: 10_000 });
    const secret = await pageSecret(s);
    const stream = await openStream(s, secret);
    await readUntil(stream, ': connected');
    const idle: RawClient[] = [];
    for (let i = 0; i < 12; i += 1) idle.push(await connect(s.port));
    await expect.poll(() => idle.filter((client) => !client.isClosed()).length).toBeLessThan(4);
    const issued = await invoke(s, secret, 'permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'FLOOD1',
      zone: 'Lot 1',
      durationMinutes: 30,
    });
    expect(issued.status).toBe(200);
    expect(await readUntil(stream, 'FLOOD1')).toMatch(/event: permit:changed/);
  });

  it('answers 429 in plain words past maxEventStreams, and frees the slot when a stream closes', async () => {
    const s = await start({ maxEventStreams: 2 });
    const secret = await pageSecret(s);
    const first = await openStream(s, secret);
    const second = await openStream(s, secret);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await openStream(s, secret);
    expect(third.status).toBe(429);
    expect((await third.json()) as { error: string }).toEqual({
      error: expect.stringMatching(/already has 2 event streams open, the most it allows/),
    });

    streams[0]?.abort();
    await expect
      .poll(async () => {
        const again = await openStream(s, secret);
        if (again.status !== 200) await again.body?.cancel();
        return again.status;
      })
      .toBe(200);
  });
});

describe('station limits: bodies and URLs', () => {
  it('answers an oversized body with 413 in the contract shape, and goes on serving', async () => {
    const s = await start();
    const secret = await pageSecret(s);
    const big = await invoke(s, secret, 'kiosk:info', { padding: 'x'.repeat(65 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({
      ok: false,
      error: {
        code: 'invalid-request',
        problem: { code: 'request-too-large', params: { kib: 64 } },
        message: 'The request body is larger than 64 KiB.',
      },
    });
    expect((await invoke(s, secret, 'kiosk:info', {})).status).toBe(200);
    const notJson = await invoke(s, secret, 'kiosk:info', '{not json');
    expect([notJson.status, ((await notJson.json()) as { error: { message: string } }).error.message]).toEqual([
      200,
      'The request body is not valid JSON.',
    ]);
  });

  it('answers 413 (not a reset) to a body far over the limit sent without waiting, with or without a length', async () => {
    const s = await start();
    const secret = await pageSecret(s);
    const target = '/bridge/invoke/kiosk%3Ainfo';
    const headers = { [BRIDGE_SECRET_HEADER]: secret, 'Content-Type': 'application/json' };
    for (const mib of [2, 20]) {
      const padding = 'x'.repeat(mib * 1024 * 1024);
      // fetch sends a Content-Length; node:http with chunks sends none, so the station must count the bytes.
      const viaFetch = await invoke(s, secret, 'kiosk:info', { padding });
      expect([mib, viaFetch.status, viaFetch.headers.get('connection')]).toEqual([mib, 413, 'close']);
      expect(await viaFetch.json()).toMatchObject({ error: { problem: { code: 'request-too-large' } } });
      const chunked = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        let answered = false;
        const req = http.request(
          { host: '127.0.0.1', port: s.port, path: target, method: 'POST', headers, agent: false },
          (res) => {
            answered = true;
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          },
        );
        // Writing on after the station answered and closed may fail (EPIPE): the answer is what counts.
        req.on('error', (error) => (answered ? undefined : reject(error)));
        for (let at = 0; at < padding.length; at += 64 * 1024) req.write(padding.slice(at, at + 64 * 1024));
        req.end();
      });
      expect([mib, chunked.status]).toEqual([mib, 413]);
      expect(JSON.parse(chunked.body)).toMatchObject({ error: { problem: { code: 'request-too-large' } } });
    }
    expect((await invoke(s, secret, 'kiosk:info', {})).status).toBe(200);
  });

  it('answers malformed URL encoding with 400, never 500', async () => {
    const s = await start();
    const secret = await pageSecret(s);
    const headers = { [BRIDGE_SECRET_HEADER]: secret, 'Content-Type': 'application/json' };
    const channel = await request(s.port, '/bridge/invoke/%E0%A4%A', { method: 'POST', headers, body: '{}' });
    expect(channel.status).toBe(400);
    expect(JSON.parse(channel.body)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Without the secret the station says no more than 401.
    expect((await request(s.port, '/bridge/invoke/%E0%A4%A', { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await request(s.port, '/assets/%ZZ')).status).toBe(400);
    expect((await request(s.port, '/assets/%E0%A4%A.js')).status).toBe(400);
    expect((await request(s.port, 'http://[::1')).status).toBe(400);
  });
});

describe('station limits: static files', () => {
  it('refuses (404) a symlink inside the served folder that points outside it, file or folder', async () => {
    const dir = await rendererDir();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'outside-'));
    await writeFile(path.join(outside, 'secret.txt'), 'OUTSIDE-SECRET');
    await symlink(path.join(outside, 'secret.txt'), path.join(dir, 'assets', 'leak.txt'));
    await symlink(outside, path.join(dir, 'assets', 'leakdir'));
    await symlink(path.join(dir, 'assets', 'app.js'), path.join(dir, 'assets', 'alias.js'));
    const s = await start({}, dir);

    for (const target of ['/assets/leak.txt', '/assets/leakdir/secret.txt']) {
      const answer = await request(s.port, target);
      expect([target, answer.status]).toEqual([target, 404]);
      expect(answer.body).not.toContain('OUTSIDE-SECRET');
    }
    // A link that stays inside the folder is served.
    expect(await request(s.port, '/assets/alias.js')).toEqual({ status: 200, body: 'console.log(1)' });
    expect((await request(s.port, '/assets')).status).toBe(404);
  });
});

describe('station limits: Origin', () => {
  it('accepts only http://127.0.0.1, localhost or [::1] on its own port, scheme included', async () => {
    const s = await start();
    const secret = await pageSecret(s);
    const withOrigin = async (origin: string) =>
      (
        await fetch(`${s.url}bridge/invoke/kiosk%3Ainfo`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [BRIDGE_SECRET_HEADER]: secret, Origin: origin },
          body: '{}',
        })
      ).status;
    for (const origin of [`http://127.0.0.1:${s.port}`, `http://localhost:${s.port}`, `http://[::1]:${s.port}`])
      expect([origin, await withOrigin(origin)]).toEqual([origin, 200]);
    for (const origin of [
      `https://127.0.0.1:${s.port}`,
      'null',
      `http://127.0.0.1:${s.port + 1}`,
      `http://localhost.evil.com:${s.port}`,
      `http://127.0.0.1:${s.port}/path`,
    ])
      expect([origin, await withOrigin(origin)]).toEqual([origin, 403]);
  });

  it('refuses the name localhost as an address to listen on (it must be a loopback literal)', async () => {
    kiosk = await startTestKiosk();
    await expect(
      startStation({ core: kiosk.core, rendererDir: await rendererDir(), port: 0, host: 'localhost' }),
    ).rejects.toThrow(/loopback only/);
  });
});
