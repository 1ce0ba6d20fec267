/**
 * The built-in OPSCOM sandbox: an HTTP server on loopback that answers like the documented controller,
 * plus `/__sandbox/*` endpoints for tests to look inside and to inject faults (see faults.ts).
 * Only node:http, so it runs anywhere Node does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import { hostForUrl, isLoopbackAddress, isLoopbackBindHost, isOwnHost } from '../shared/loopback';
import { handleApi, isApiAction, type ApiAction, type ControllerContext } from './controller';
import { errorBody, httpStatusFor, type ErrorCode } from './errors';
import {
  check,
  FaultRegistry,
  FaultsBodySchema,
  RefuseBodySchema,
  SettingsBodySchema,
  type ActiveFault,
  type AnswerStyle,
  type FaultDecision,
  type FaultInput,
} from './faults';
import { PermitStore, type SandboxPermit, type StatsCounts } from './store';
import { TOKEN_PATTERN } from './validation';
import { readRequestBody } from '../node/http-body';

export type { SandboxPermit } from './store';
export type { ActiveFault, FaultInput } from './faults';

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
  /** Faults active from the start (the CLI's --fault flags); see faults.ts. */
  faults?: FaultInput[];
  /** Random source in [0, 1) for `probability` faults and latency jitter; default Math.random. */
  random?: () => number;
}

/** The settings that can change while the sandbox runs (`setOptions`, `POST /__sandbox/settings`). */
export interface SandboxRuntimeOptions {
  rejectDuplicatePermitNo?: boolean;
  errorStatus?: 'http' | 200;
}

export interface SandboxRequest {
  at: string;
  method: string;
  path: string;
  /** The body as sent (or its text, when it is not JSON), with every API token replaced by "[redacted]". */
  body: unknown;
  /**
   * The status answered. For every store-then-* fault, the status the request earned (it was handled and
   * stored), whatever the client got instead: nothing, a reset, a late or cut answer, or a 500. Null when no
   * answer was ever formed (reset, hang).
   */
  status: number | null;
  /**
   * The body answered (a string for a fault's non-JSON answer), or for store-then-* the body earned; null with
   * a null status.
   */
  response: unknown;
  /** Present when a fault applied, e.g. 'reset', 'latency', 'latency+store-then-drop'. */
  fault?: string;
  /** Milliseconds of latency added, when a latency fault applied. */
  latencyMs?: number;
}

export interface RunningSandbox {
  url: string;
  port: number;
  permits(): SandboxPermit[];
  requestLog(): SandboxRequest[];
  close(): Promise<void>;
  /** Current faults, with the `remaining` count of each `count` fault (spent ones are gone). */
  faults(): ActiveFault[];
  /** Replaces every fault. Throws a plain-words Error on a bad fault, changing nothing. */
  setFaults(faults: FaultInput[]): void;
  clearFaults(): void;
  /**
   * Closes the listener (and every open connection) for `forMs`, then listens again on the same port;
   * resolves when it is listening again (or at once if the sandbox is closed meanwhile). Calling it while
   * already refusing extends the refusal to whichever end is later.
   */
  refuseConnections(forMs: number): Promise<void>;
  /** Changes settings at runtime. Throws a plain-words Error on a bad value, changing nothing. */
  setOptions(options: SandboxRuntimeOptions): void;
}

export const DEFAULT_ZONES: readonly string[] = ['Lot 1', 'Lot 2', 'Lot 4', 'Street'];
const API_PREFIX = '/api/OC-TOMA/v1/permits/';
const ADMIN_PREFIX = '/__sandbox/';
const MAX_BODY_BYTES = 64 * 1024;
/** Past this, stop draining an oversized body and drop the connection rather than read forever. */
const MAX_DRAIN_BYTES = 16 * 1024 * 1024;
/** Reopening after a refusal retries this long if the port is briefly busy. */
const REOPEN_ATTEMPTS = 20;
const REOPEN_RETRY_MS = 100;
const NO_FAULT: FaultDecision = { delayMs: 0, action: { type: 'none' }, label: null };
/** What an API token becomes in the request log. */
export const REDACTED = '[redacted]';

interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface ReadBody {
  text: string;
  tooLarge: boolean;
}

type AdminHandler = (body: ParsedBody, req: IncomingMessage) => Reply;
type AdminMethod = 'GET' | 'POST' | 'DELETE';

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
  const faults = new FaultRegistry(options.random);
  faults.set(options.faults ?? []);
  // Bodies as sent, minus API tokens: the log is served at /__sandbox/requests, and in demo mode the sandbox
  // runs inside a kiosk on a public machine. Tests read what was sent; none needs the token itself.
  let log: SandboxRequest[] = [];
  /** Aborted by close(), so a request waiting out a latency fault stops waiting. */
  const closed = new AbortController();

  const errorReply = (code: ErrorCode): Reply => ({
    status: settings.errorStatus === 200 ? 200 : httpStatusFor(code),
    body: errorBody(code),
  });

  function setOptions(patch: SandboxRuntimeOptions): SandboxRuntimeOptions {
    const checked = check(SettingsBodySchema, patch);
    if (!checked.ok) throw new Error(checked.message);
    if (checked.value.errorStatus !== undefined) settings.errorStatus = checked.value.errorStatus;
    if (checked.value.rejectDuplicatePermitNo !== undefined)
      ctx.rejectDuplicatePermitNo = checked.value.rejectDuplicatePermitNo;
    return { rejectDuplicatePermitNo: ctx.rejectDuplicatePermitNo, errorStatus: settings.errorStatus };
  }

  /**
   * 404/405/413 are fixed whatever `errorStatus` says: they come from the web-server layer (wrong path, wrong
   * method, body too big) before the controller runs, so only controller errors follow the chosen style.
   */
  function answerApi(
    method: string,
    action: ApiAction | undefined,
    read: ReadBody,
    parsed: ParsedBody,
    style?: AnswerStyle,
  ): Reply {
    if (action === undefined) return { status: 404, body: errorBody(9003) };
    if (method !== 'POST') return { status: 405, body: errorBody(9003), headers: { allow: 'POST' } };
    if (read.tooLarge) return { status: 413, body: errorBody(9003) };
    if (!parsed.ok) return errorReply(9003);
    const outcome = handleApi(action, parsed.value, ctx, style);
    return outcome.ok ? { status: 200, body: outcome.body } : errorReply(outcome.code);
  }

  const listing = (): Reply => ({ status: 200, body: { faults: faults.list() } });
  /** Admin bodies are checked against their schema; a bad one gets 400 with the plain-words reason. */
  const withBody =
    <S extends z.ZodType>(schema: S, act: (value: z.output<S>, req: IncomingMessage) => Reply): AdminHandler =>
    (body, req) => {
      if (!body.ok) return { status: 400, body: { error: 'The body must be JSON.' } };
      const checked = check(schema, body.value);
      return checked.ok ? act(checked.value, req) : { status: 400, body: { error: checked.message } };
    };

  const adminRoutes: Record<string, Partial<Record<AdminMethod, AdminHandler>>> = {
    permits: { GET: () => ({ status: 200, body: { permits: store.list() } }) },
    requests: { GET: () => ({ status: 200, body: { requests: structuredClone(log) } }) },
    reset: {
      POST: () => {
        store.reset();
        log = [];
        return { status: 200, body: { status: 'reset' } };
      },
    },
    faults: {
      GET: listing,
      POST: withBody(FaultsBodySchema, (value) => {
        faults.set(value.faults);
        return listing();
      }),
      DELETE: () => {
        faults.clear();
        return listing();
      },
    },
    refuse: {
      POST: withBody(RefuseBodySchema, ({ forMs }, req) => {
        // Stops listening before this answer is written; only this request's connection is spared.
        listener.refuse(forMs, req.socket).catch(() => undefined);
        return { status: 200, body: { status: 'refusing', forMs }, headers: { connection: 'close' } };
      }),
    },
    settings: {
      GET: () => ({ status: 200, body: setOptions({}) }),
      POST: withBody(SettingsBodySchema, (value) => ({ status: 200, body: setOptions(value) })),
    },
  };

  /**
   * The admin endpoints read the log and change faults and settings, so they take more care than the API:
   * - the Host must be this sandbox's own loopback host:port (421 otherwise), so a page whose DNS name now
   *   points at 127.0.0.1 (DNS rebinding) cannot read the log;
   * - a POST must say Content-Type: application/json (415 otherwise). A cross-origin page can only send a form
   *   or text/plain without asking first; a JSON post needs a CORS preflight, which the sandbox never grants.
   */
  function answerAdmin(method: string, path: string, read: ReadBody, req: IncomingMessage): Reply {
    const self = { host: settings.host, port: listener.port };
    if (!isOwnHost(req.headers.host, self)) {
      const own = `${hostForUrl(self.host)}:${self.port}`;
      return { status: 421, body: { error: `The sandbox's test endpoints only answer requests addressed to ${own}.` } };
    }
    const name = path.slice(ADMIN_PREFIX.length);
    const route = Object.hasOwn(adminRoutes, name) ? adminRoutes[name] : undefined;
    if (route === undefined) return { status: 404, body: { error: `No sandbox endpoint ${path}.` } };
    const handler = Object.hasOwn(route, method) ? route[method as AdminMethod] : undefined;
    if (handler === undefined) {
      const allowed = Object.keys(route);
      return {
        status: 405,
        body: { error: `Use ${allowed.join(' or ')} for ${path}.` },
        headers: { allow: allowed.join(', ') },
      };
    }
    if (method === 'POST' && !isJsonContentType(req.headers['content-type']))
      return { status: 415, body: { error: `Send ${path} a JSON body with Content-Type: application/json.` } };
    return handler(parseJson(read), req);
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
    if (path.startsWith(ADMIN_PREFIX)) {
      send(res, answerAdmin(method, path, read, req));
      return;
    }

    const action = apiAction(path);
    const fault = action === undefined ? NO_FAULT : faults.decide(action);
    // The request is handled even if the client gives up meanwhile, as a slow server would.
    if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, { signal: closed.signal });
    const parsed = parseJson(read);
    const record = (status: number | null, response: unknown): void => {
      log.push({
        at: now().toISOString(),
        method,
        path,
        body: loggedBody(read, parsed),
        status,
        response,
        ...(fault.label === null ? {} : { fault: fault.label }),
        ...(fault.delayMs > 0 ? { latencyMs: fault.delayMs } : {}),
      });
    };

    switch (fault.action.type) {
      case 'reset':
        record(null, null);
        // A TCP reset (RST), not a polite close: what a crashed or restarted server looks like to a client.
        if (!req.socket.destroyed) req.socket.resetAndDestroy();
        return;
      case 'hang':
        // No answer, ever: the connection stays open until the client gives up or close() destroys it.
        record(null, null);
        return;
      case 'reply':
        record(fault.action.status, fault.action.text);
        sendText(res, fault.action.status, fault.action.headers, fault.action.text);
        return;
      case 'store-then-drop': {
        const reply = answerApi(method, action, read, parsed);
        record(reply.status, reply.body);
        req.socket.destroy();
        return;
      }
      case 'store-then-reset': {
        const reply = answerApi(method, action, read, parsed);
        record(reply.status, reply.body);
        if (!req.socket.destroyed) req.socket.resetAndDestroy();
        return;
      }
      case 'store-then-hang': {
        const reply = answerApi(method, action, read, parsed);
        record(reply.status, reply.body);
        if (fault.action.lateMs === null) return;
        // close() cuts the wait short (the abort lands in the catch below, which ends the connection).
        await sleep(fault.action.lateMs, undefined, { signal: closed.signal });
        // A client that gave up meanwhile gets nothing; writing to its closed socket would only raise errors.
        if (!res.destroyed && !req.socket.destroyed) send(res, reply);
        return;
      }
      case 'store-then-truncate': {
        const reply = answerApi(method, action, read, parsed);
        record(reply.status, reply.body);
        // Half of a JSON object always lacks its closing brace, so the body can never parse.
        const text = JSON.stringify(reply.body);
        sendText(res, reply.status, { ...JSON_HEADERS, ...reply.headers }, text.slice(0, Math.floor(text.length / 2)));
        return;
      }
      case 'store-then-reply': {
        const reply = answerApi(method, action, read, parsed);
        record(reply.status, reply.body);
        sendText(res, fault.action.status, fault.action.headers, fault.action.text);
        return;
      }
      case 'answer-style':
      case 'none': {
        const style = fault.action.type === 'answer-style' ? fault.action.style : undefined;
        const reply = answerApi(method, action, read, parsed, style);
        record(reply.status, reply.body);
        send(res, reply);
      }
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent && !closed.signal.aborted) send(res, { status: 500, body: errorBody(9003) });
      else res.destroy();
    });
  });
  const listener = new Listener(server, settings.host);
  await listener.start(settings.port);
  const { port } = listener;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${hostForUrl(settings.host)}:${port}`,
    port,
    permits: () => store.list(),
    requestLog: () => structuredClone(log),
    faults: () => faults.list(),
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    refuseConnections: (forMs) => listener.refuse(forMs),
    setOptions: (patch) => {
      setOptions(patch);
    },
    close: () => {
      closing ??= (async () => {
        closed.abort();
        await listener.close();
      })();
      return closing;
    },
  };
}

function apiAction(path: string): ApiAction | undefined {
  const action = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : '';
  return isApiAction(action) ? action : undefined;
}

/**
 * The listening socket, which can be closed for a while ("connection refused") and reopened on the same port.
 * It tracks connections itself so that refusing and closing can end every one of them, hanging ones included.
 */
class Listener {
  port = 0;
  private readonly sockets = new Set<Socket>();
  private refusal: { until: number; timer: NodeJS.Timeout; waiters: Array<(error?: Error) => void> } | undefined;
  private reopening: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly server: Server,
    private readonly host: string,
  ) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  async start(port: number): Promise<void> {
    try {
      await listen(this.server, port, this.host);
    } catch (error) {
      throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE'
        ? new Error(`Port ${port} on ${this.host} is already in use; pick another or use 0.`)
        : error;
    }
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening at once (synchronously, when not mid-reopen) and ends open connections except `spare`. */
  async refuse(forMs: number, spare?: Socket): Promise<void> {
    const checked = check(RefuseBodySchema, { forMs });
    if (!checked.ok) throw new Error(checked.message);
    if (this.reopening !== undefined) await this.reopening.catch(() => undefined);
    if (this.closed) return;
    const until = Date.now() + forMs;
    if (this.refusal === undefined) {
      this.server.close();
      for (const socket of this.sockets) if (socket !== spare) socket.destroy();
      this.refusal = { until, timer: setTimeout(() => this.reopen(), forMs), waiters: [] };
    } else if (until > this.refusal.until) {
      clearTimeout(this.refusal.timer);
      this.refusal.until = until;
      this.refusal.timer = setTimeout(() => this.reopen(), forMs);
    }
    const { waiters } = this.refusal;
    return new Promise<void>((resolve, reject) => waiters.push((error) => (error ? reject(error) : resolve())));
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.refusal !== undefined) {
      clearTimeout(this.refusal.timer);
      this.refusal.waiters.forEach((done) => done());
      this.refusal = undefined;
    }
    if (this.reopening !== undefined) await this.reopening.catch(() => undefined);
    const stopped = this.server.listening
      ? new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())))
      : Promise.resolve();
    // fetch keeps connections alive, and a hang fault holds one open: end them all or close() would wait.
    for (const socket of this.sockets) socket.destroy();
    this.server.closeAllConnections();
    await stopped;
  }

  private reopen(): void {
    const refusal = this.refusal;
    if (refusal === undefined) return;
    this.reopening = this.listenAgain().then(
      () => {
        this.refusal = undefined;
        refusal.waiters.forEach((done) => done());
      },
      (error: unknown) => {
        this.refusal = undefined;
        const reason = error instanceof Error ? error.message : String(error);
        const failure = new Error(`The sandbox could not listen on port ${this.port} again after refusing: ${reason}`);
        refusal.waiters.forEach((done) => done(failure));
      },
    );
    void this.reopening.finally(() => (this.reopening = undefined));
  }

  private async listenAgain(): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) return;
      try {
        await listen(this.server, this.port, this.host);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= REOPEN_ATTEMPTS) throw error;
        await sleep(REOPEN_RETRY_MS);
      }
    }
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
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
  if (!isLoopbackBindHost(host))
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

/** The body as the handlers see it: a body cut off or over 64 KiB is answered as too large (413). */
async function readBody(req: IncomingMessage): Promise<ReadBody> {
  const read = await readRequestBody(req, { keepBytes: MAX_BODY_BYTES, drainBytes: MAX_DRAIN_BYTES });
  return read.kind === 'ok' ? { text: read.text, tooLarge: false } : { text: '', tooLarge: true };
}

/** What the log keeps of a body: the JSON, else its text (null if empty or too large), tokens redacted either way. */
function loggedBody(read: ReadBody, parsed: ParsedBody): unknown {
  if (parsed.ok) return redactTokens(parsed.value);
  return read.tooLarge || read.text === '' ? null : redactTokenText(read.text);
}

/** `application/json`, with or without parameters such as `; charset=utf-8`. */
function isJsonContentType(header: string | undefined): boolean {
  return header?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The sandbox reads the token only from `apiToken`; any spelling of the name is hidden, in case a client errs. */
const isTokenKey = (key: string): boolean => key.toLowerCase() === 'apitoken';

/** A copy of a parsed body with every token field, at any depth, replaced by REDACTED. */
function redactTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, isTokenKey(key) ? REDACTED : redactTokens(item)]),
  );
}

/** `"apiToken": <string, even cut off, or any bare value>` in a body that is not JSON. */
const TOKEN_IN_TEXT = /("apitoken"\s*:\s*)("(?:[^"\\]|\\.)*"?|[^\s,}\]]+)/gi;

/** The same for a body kept as text (not JSON, or cut off): the token is the value after an apiToken key. */
function redactTokenText(text: string): string {
  return text.replace(TOKEN_IN_TEXT, `$1"${REDACTED}"`);
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' } as const;

function send(res: ServerResponse, reply: Reply): void {
  sendText(res, reply.status, { ...JSON_HEADERS, ...reply.headers }, JSON.stringify(reply.body));
}

function sendText(res: ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  res.writeHead(status, {
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}
