import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../shared/bridge';
import {
  hostForUrl,
  isLoopbackAddress,
  isLoopbackBindHost,
  isOwnHost,
  isOwnOrigin,
  type LoopbackServer,
} from '../../shared/loopback';
import type { KioskCore } from '../core/host/kiosk-core';
import type { KioskError } from '../../shared/errors/kiosk-error';
import { problemMessage, type Problem } from '../../shared/errors/problems';
import { RENDERER_CSP } from '../csp';
import { readRequestBody } from '../../node/http-body';

/**
 * The browser station: serves the built renderer and the contract's bridge on loopback only. A per-launch
 * secret goes into the served page and nowhere else; a bridge call without it gets 401. The Host header must
 * name this loopback port, so a web page that rebinds its DNS name to 127.0.0.1 cannot read the secret.
 *
 * The kiosk stands in public places, so the server also bounds what one client can hold: connections, event
 * streams, the time a request may take to arrive and the size of its body (see StationLimits).
 */
export interface StationOptions {
  core: KioskCore;
  rendererDir: string;
  port: number;
  host?: string;
  /** Overrides of STATION_LIMITS; tests use small timeouts. */
  limits?: Partial<StationLimits>;
}

export interface RunningStation {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface StationLimits {
  /** Open connections at once (`server.maxConnections`). Idle ones are closed first to make room. */
  maxConnections: number;
  /** Open `/bridge/events` streams at once; one more gets 429. */
  maxEventStreams: number;
  /** A request's headers must have arrived this long after it started (`server.headersTimeout`). */
  headersTimeoutMs: number;
  /** The whole request, body included, must have arrived this long after it started (`server.requestTimeout`). */
  requestTimeoutMs: number;
  /** A kept-alive connection with no next request is closed after this (`server.keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** A new connection that sends no request is closed after this long silent (`server.timeout`). */
  idleSocketTimeoutMs: number;
}

/**
 * The production limits. The station serves one kiosk page on this machine: Chromium opens at most 6
 * connections to one host and the soak driver keeps at most 32 calls in flight, so 64 connections is twice the
 * busiest real client while bounding sockets and memory. One page holds one event stream; 8 leaves room for a
 * reload whose old stream has not closed yet and a second window. Bodies are at most 64 KiB over loopback and
 * arrive in milliseconds, so 10 s is generous for a real client and short for one trickling bytes to hold a slot.
 */
export const STATION_LIMITS: Readonly<StationLimits> = {
  maxConnections: 64,
  maxEventStreams: 8,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  idleSocketTimeoutMs: 5_000,
};

const MAX_BODY_BYTES = 64 * 1024;
/** Past this, stop draining an oversized body and drop the connection rather than read on. */
const MAX_DRAIN_BYTES = 1024 * 1024;
/** A comment line now and then keeps idle proxies and the browser from dropping an event stream. */
const HEARTBEAT_MS = 25_000;
const EVENTS_PATH = '/bridge/events';
const INVOKE_PATH = /^\/bridge\/invoke\/([^/]+)$/;
const TEXT = 'text/plain; charset=utf-8';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/** What every request handler needs; `self.port` is filled in once the server listens. */
interface Station {
  core: KioskCore;
  secret: string;
  page: string;
  /** The renderer folder's real path: static files must resolve inside it. */
  staticRoot: string;
  self: LoopbackServer;
  streams: Slots;
}

export async function startStation(options: StationOptions): Promise<RunningStation> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackBindHost(host))
    throw new Error(`The station serves on loopback only; ${host} is not a loopback address.`);
  const limits = checkLimits({ ...STATION_LIMITS, ...options.limits });
  const secret = randomBytes(32).toString('base64url');
  const station: Station = {
    core: options.core,
    secret,
    page: await loadPage(options.rendererDir, secret),
    staticRoot: await fs.realpath(options.rendererDir),
    self: { host, port: options.port },
    streams: new Slots(limits.maxEventStreams),
  };
  const connections = new ConnectionPool(limits.maxConnections);
  const server = createServer(limits, connections, (req, res) => {
    handle(station, req, res).catch((error: unknown) => {
      if (res.headersSent) res.destroy();
      else send(res, 500, TEXT, 'Internal error');
      console.error('[station] request failed:', error instanceof Error ? error.message : error);
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  station.self.port = port;
  return {
    url: `http://${hostForUrl(host)}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Refuses limits Node would reject or that make no sense, in plain words. */
function checkLimits(limits: StationLimits): StationLimits {
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new Error(`Station limit ${name} must be a whole number ≥ 1.`);
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs)
    throw new Error('Station limit headersTimeoutMs cannot be longer than requestTimeoutMs.');
  return limits;
}

async function loadPage(rendererDir: string, secret: string): Promise<string> {
  const indexHtml = await fs.readFile(path.join(rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${rendererDir}. Run "npm run build" first.`);
  });
  return indexHtml.replace('<head>', `<head>\n    <meta name="${BRIDGE_SECRET_META}" content="${secret}" />`);
}

function createServer(limits: StationLimits, connections: ConnectionPool, listener: http.RequestListener): http.Server {
  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node enforces the two timeouts above only on this tick (30 s by default, which would let a trickling
      // body live 40 s): check a few times per timeout, at most once a second.
      connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(limits.headersTimeoutMs / 4))),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
    },
    (req, res) => {
      // A request came: the idle timeout was for silent connections. headersTimeout and requestTimeout bound the
      // request itself; the answer (a stats call to OPSCOM, an event stream) may take as long as it takes.
      req.socket.setTimeout(0);
      connections.requestStarted(req.socket);
      res.once('close', () => connections.requestEnded(req.socket));
      listener(req, res);
    },
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.timeout = limits.idleSocketTimeoutMs;
  server.maxConnections = limits.maxConnections;
  server.on('connection', (socket: Socket) => connections.opened(socket));
  return server;
}

async function handle(station: Station, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (!isLoopbackAddress(req.socket.remoteAddress)) return send(res, 403, TEXT, 'Loopback only');
  if (!isOwnHost(req.headers.host, station.self)) return send(res, 421, TEXT, 'Wrong host');
  const target = splitTarget(req.url);
  if (target === undefined) return send(res, 400, TEXT, 'Bad request target');
  if (target.pathname.startsWith('/bridge/')) return handleBridge(station, req, res, target);
  return handlePage(station, req, res, target.pathname);
}

/**
 * Path and query of an origin-form target ("/path?query"), split by hand: `new URL('//x/y', base)` would read "x"
 * as a host, and an absolute-form target (meant for proxies) can make `new URL` throw.
 */
function splitTarget(url: string | undefined): { pathname: string; query: URLSearchParams } | undefined {
  if (url === undefined || !url.startsWith('/')) return undefined;
  const at = url.indexOf('?');
  return at < 0
    ? { pathname: url, query: new URLSearchParams() }
    : { pathname: url.slice(0, at), query: new URLSearchParams(url.slice(at + 1)) };
}

async function handleBridge(
  station: Station,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  target: { pathname: string; query: URLSearchParams },
): Promise<void> {
  // An EventSource cannot send headers, so the event stream takes the secret in the query.
  const given =
    target.pathname === EVENTS_PATH ? target.query.get('secret') : req.headers[BRIDGE_SECRET_HEADER.toLowerCase()];
  if (!secretMatches(typeof given === 'string' ? given : '', station.secret))
    return sendJson(res, 401, { error: 'This station only answers the page it served.' });
  const origin = req.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, station.self)) return sendJson(res, 403, { error: 'Wrong origin' });
  if (target.pathname === EVENTS_PATH && req.method === 'GET') return openEventStream(station, res);
  const match = INVOKE_PATH.exec(target.pathname);
  if (match?.[1] && req.method === 'POST') return invoke(station, req, res, match[1]);
  return sendJson(res, 404, { error: 'No such bridge call' });
}

/** Answers in the contract's result shape, so the page shows the reason like any other refusal. */
async function invoke(
  station: Station,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  encodedChannel: string,
): Promise<void> {
  const channel = safeDecode(encodedChannel);
  if (channel === undefined) return sendJson(res, 400, refusal({ code: 'request-bad-encoding' }));
  const body = await readRequestBody(req, { keepBytes: MAX_BODY_BYTES, drainBytes: MAX_DRAIN_BYTES });
  // The connection is gone (the client left, or took longer than requestTimeout): nobody to answer.
  if (body.kind === 'cut-off') return;
  // Answered while the client may still be sending; `Connection: close` ends the connection once the answer is out.
  if (body.kind === 'too-large')
    return sendJson(res, 413, refusal({ code: 'request-too-large', params: { kib: MAX_BODY_BYTES / 1024 } }), {
      Connection: 'close',
    });
  const value = parseJson(body.text);
  const result =
    value === undefined ? refusal({ code: 'request-not-json' }) : await station.core.dispatch(channel, value);
  sendJson(res, 200, result);
}

function refusal(problem: Problem): { ok: false; error: KioskError } {
  return { ok: false, error: { code: 'invalid-request', problem, message: problemMessage(problem) } };
}

function openEventStream(station: Station, res: http.ServerResponse): void {
  if (!station.streams.take()) {
    return sendJson(res, 429, {
      error: `This station already has ${station.streams.max} event streams open, the most it allows. Close another kiosk window, then reload this page.`,
    });
  }
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = station.core.events.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
  // The response's close fires once, however the stream ends (page closed, connection cut, station closing).
  res.once('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
    station.streams.give();
  });
}

async function handlePage(
  station: Station,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, TEXT, 'Method not allowed');
  if (pathname === '/' || pathname === '/index.html') return send(res, 200, CONTENT_TYPES['.html'] ?? '', station.page);
  const decoded = safeDecode(pathname);
  if (decoded === undefined) return send(res, 400, TEXT, 'Bad URL encoding');
  const file = await resolveStatic(station.staticRoot, decoded);
  const content = file === undefined ? undefined : await fs.readFile(file).catch(() => undefined);
  if (file === undefined || content === undefined) return send(res, 404, TEXT, 'Not found');
  send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', content);
}

/**
 * The real path of a file inside the served folder, or undefined. The real path is what is checked: a symlink
 * inside the folder that points outside it must not serve what it points at.
 */
async function resolveStatic(root: string, decodedPath: string): Promise<string | undefined> {
  const asked = path.resolve(root, `.${decodedPath}`);
  if (!isInside(root, asked)) return undefined;
  try {
    const real = await fs.realpath(asked);
    return isInside(root, real) ? real : undefined;
  } catch {
    return undefined;
  }
}

function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file);
  return relative !== '' && !path.isAbsolute(relative) && relative.split(path.sep)[0] !== '..';
}

/** decodeURIComponent throws on malformed escapes ("%ZZ", a cut UTF-8 sequence): that is the client's error. */
function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: http.OutgoingHttpHeaders = {},
): void {
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  value: unknown,
  headers: http.OutgoingHttpHeaders = {},
): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text || '{}');
  } catch {
    return undefined;
  }
}

function secretMatches(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A counter with a ceiling: the open event streams. */
class Slots {
  private taken = 0;

  constructor(readonly max: number) {}

  take(): boolean {
    if (this.taken >= this.max) return false;
    this.taken += 1;
    return true;
  }

  give(): void {
    this.taken = Math.max(0, this.taken - 1);
  }
}

/**
 * Open connections, the idle ones in the order they went idle. When a newcomer takes the last slot under
 * `server.maxConnections`, the connection idle the longest is closed, so idle sockets (a flood of them, or a
 * page's preconnects) never hold every slot and starve a real request. A connection serving a request or an
 * event stream is never closed this way; if all are busy, Node refuses newcomers until one frees.
 */
class ConnectionPool {
  private readonly idle = new Set<Socket>();
  private readonly busy = new Map<Socket, number>();

  constructor(private readonly max: number) {}

  opened(socket: Socket): void {
    this.idle.add(socket);
    socket.once('close', () => {
      this.idle.delete(socket);
      this.busy.delete(socket);
    });
    if (this.idle.size + this.busy.size >= this.max) this.closeLongestIdle(socket);
  }

  requestStarted(socket: Socket): void {
    this.idle.delete(socket);
    this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1);
  }

  requestEnded(socket: Socket): void {
    const left = (this.busy.get(socket) ?? 1) - 1;
    if (left > 0) return void this.busy.set(socket, left);
    this.busy.delete(socket);
    // Re-added at the end: idle order is "idle since", oldest first.
    if (!socket.destroyed) this.idle.add(socket);
  }

  private closeLongestIdle(newcomer: Socket): void {
    for (const socket of this.idle) {
      if (socket !== newcomer) return void socket.destroy();
    }
  }
}
