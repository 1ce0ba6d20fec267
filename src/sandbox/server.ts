/**
 * The built-in OPSCOM sandbox: an HTTP server on loopback that answers like the documented controller,
 * plus `/__sandbox/*` endpoints for tests to look inside. Only node:http, so it runs anywhere Node does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApi, isApiAction, type ControllerContext } from './controller';
import { errorBody, httpStatusFor, type ErrorCode } from './errors';
import { hostForUrl, isLoopbackAddress, isLoopbackHost } from './loopback';
import { PermitStore, type SandboxPermit, type StatsCounts } from './store';
import { TOKEN_PATTERN } from './validation';

export type { SandboxPermit } from './store';

export interface SandboxOptions {
  /** 0 / undefined = a free port. */
  port?: number;
  /** Default '127.0.0.1'; must be a loopback literal (127.x.x.x or ::1). */
  host?: string;
  /** Accepted API tokens; each must satisfy the token rule (1–50 letters, digits, dashes). */
  tokens: string[];
  /** Zones OPSCOM "knows"; a permit in another zone is stored as disconnected. */
  zones?: string[];
  /** 'http' (default): errors carry 4xx statuses. 200: errors come with HTTP 200, as some APIs do. */
  errorStatus?: 'http' | 200;
  /** 'all' (default): stats count every non-deleted permit. 'active': only those whose window contains now. */
  statsCounts?: 'all' | 'active';
  /** When true, a push whose permitNo is already on a non-deleted permit fails with 9022. Default false. */
  rejectDuplicatePermitNo?: boolean;
  now?: () => Date;
}

export interface SandboxRequest {
  at: string;
  method: string;
  path: string;
  body: unknown;
  status: number;
  response: unknown;
}

export interface RunningSandbox {
  url: string;
  port: number;
  permits(): SandboxPermit[];
  requestLog(): SandboxRequest[];
  close(): Promise<void>;
}

export const DEFAULT_ZONES: readonly string[] = ['Lot 1', 'Lot 2', 'Lot 4', 'Street'];
const API_PREFIX = '/api/OC-TOMA/v1/permits/';
const INSPECT_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 64 * 1024;
/** Past this, stop draining an oversized body and drop the connection rather than read forever. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface ReadBody {
  text: string;
  tooLarge: boolean;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const settings = checkOptions(options);
  const now = options.now ?? (() => new Date());
  const store = new PermitStore(new Set(settings.zones), now);
  const ctx: ControllerContext = {
    store,
    tokens: new Set(settings.tokens),
    statsCounts: settings.statsCounts,
    rejectDuplicatePermitNo: settings.rejectDuplicatePermitNo,
  };
  // Raw bodies, token included: tests need to see what was sent. This log is never printed.
  let log: SandboxRequest[] = [];

  const errorReply = (code: ErrorCode): Reply => ({
    status: settings.errorStatus === 200 ? 200 : httpStatusFor(code),
    body: errorBody(code),
  });

  /**
   * 404/405/413 are fixed whatever `errorStatus` says: they come from the web-server layer (wrong path, wrong
   * method, body too big) before the controller runs, so only controller errors follow the chosen style.
   */
  function answerApi(method: string, path: string, read: ReadBody, parsed: ParsedBody): Reply {
    const action = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : '';
    if (!isApiAction(action)) return { status: 404, body: errorBody(9003) };
    if (method !== 'POST') return { status: 405, body: errorBody(9003), headers: { allow: 'POST' } };
    if (read.tooLarge) return { status: 413, body: errorBody(9003) };
    if (!parsed.ok) return errorReply(9003);
    const outcome = handleApi(action, parsed.value, ctx);
    return outcome.ok ? { status: 200, body: outcome.body } : errorReply(outcome.code);
  }

  function answerInspection(method: string, path: string): Reply {
    const route = path.slice(INSPECT_PREFIX.length);
    const expected = route === 'reset' ? 'POST' : 'GET';
    if (route !== 'permits' && route !== 'requests' && route !== 'reset')
      return { status: 404, body: { error: `No sandbox endpoint ${path}.` } };
    if (method !== expected)
      return { status: 405, body: { error: `Use ${expected} for ${path}.` }, headers: { allow: expected } };
    if (route === 'permits') return { status: 200, body: { permits: store.list() } };
    if (route === 'requests') return { status: 200, body: { requests: structuredClone(log) } };
    store.reset();
    log = [];
    return { status: 200, body: { status: 'reset' } };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Bound to loopback already; this also guards against a host that forwards outside traffic to us.
    if (!isLoopbackAddress(req.socket.remoteAddress)) {
      req.resume();
      send(res, { status: 403, body: errorBody(9002) });
      return;
    }
    const method = req.method ?? 'GET';
    // Split by hand: `new URL('//x/y', base)` would read "x" as a host.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const read = await readBody(req);
    if (path.startsWith(INSPECT_PREFIX)) {
      send(res, answerInspection(method, path));
      return;
    }
    const parsed = parseJson(read);
    const reply = answerApi(method, path, read, parsed);
    log.push({
      at: now().toISOString(),
      method,
      path,
      body: parsed.ok ? parsed.value : read.tooLarge || read.text === '' ? null : read.text,
      status: reply.status,
      response: reply.body,
    });
    send(res, reply);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, { status: 500, body: errorBody(9003) });
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${settings.port} on ${settings.host} is already in use; pick another or use 0.`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(settings.port, settings.host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${hostForUrl(settings.host)}:${port}`,
    port,
    permits: () => store.list(),
    requestLog: () => structuredClone(log),
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() would wait for them to time out.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

interface Settings {
  port: number;
  host: string;
  tokens: string[];
  zones: string[];
  errorStatus: 'http' | 200;
  statsCounts: StatsCounts;
  rejectDuplicatePermitNo: boolean;
}

/** Refuses a bad setup up front, in plain words, rather than serving something that can never answer right. */
function checkOptions(options: SandboxOptions): Settings {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    throw new Error(`The sandbox only listens on a loopback address (127.x.x.x or ::1), not "${host}"; use 127.0.0.1.`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`The sandbox port must be a whole number from 0 to 65535 (0 picks a free port), not ${port}.`);
  if (!Array.isArray(options.tokens) || options.tokens.length === 0)
    throw new Error('The sandbox needs at least one accepted API token.');
  options.tokens.forEach((token, index) => {
    // The value is not echoed: tokens are secrets and error messages end up in logs.
    if (typeof token !== 'string' || !TOKEN_PATTERN.test(token))
      throw new Error(
        `Accepted token #${index + 1} is not a valid API token: a token is 1 to 50 letters, digits or dashes.`,
      );
  });
  const zones = options.zones ?? [...DEFAULT_ZONES];
  if (!Array.isArray(zones) || zones.some((zone) => typeof zone !== 'string'))
    throw new Error('The sandbox zones must be a list of zone names.');
  const errorStatus = options.errorStatus ?? 'http';
  if (errorStatus !== 'http' && errorStatus !== 200)
    throw new Error(`errorStatus must be 'http' or 200, not ${String(errorStatus)}.`);
  const statsCounts = options.statsCounts ?? 'all';
  if (statsCounts !== 'all' && statsCounts !== 'active')
    throw new Error(`statsCounts must be 'all' or 'active', not ${String(statsCounts)}.`);
  return {
    port,
    host,
    tokens: [...options.tokens],
    zones: [...zones],
    errorStatus,
    statsCounts,
    rejectDuplicatePermitNo: options.rejectDuplicatePermitNo ?? false,
  };
}

type ParsedBody = { ok: true; value: unknown } | { ok: false };

function parseJson(read: ReadBody): ParsedBody {
  if (read.tooLarge || read.text === '') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(read.text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Reads up to 64 KiB; beyond that keeps draining (so the client gets its 413) but keeps nothing. */
function readBody(req: IncomingMessage): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) req.destroy();
      else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }));
    // A destroyed request never ends; answer as "too large" (the reply goes nowhere, but nothing hangs).
    req.on('close', () => resolve({ text: '', tooLarge: true }));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const payload = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
    ...reply.headers,
  });
  res.end(payload);
}
