/**
 * The built-in OPSCOM sandbox: an HTTP server on loopback that answers like the documented controller,
 * plus `/__sandbox/*` endpoints for tests to look inside and to inject faults (see faults.ts).
 * Only node:http, so it runs anywhere Node does.
 *
 * This file starts one and hands back its handle. The parts, each on its own:
 * - options.ts: the options, checked up front; state.ts: what the parts share, and runtime changes;
 * - api-routes.ts: the documented API; fault-answers.ts: how an active fault changes an API answer;
 * - admin-routes.ts: the `/__sandbox/*` endpoints; request-log.ts: the log, tokens redacted;
 * - listener.ts: the socket, which can refuse connections for a while; http-io.ts: reading and writing bodies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostForUrl, isLoopbackAddress } from '../shared/loopback';
import { ADMIN_PREFIX, adminAnswerer, type AnswerAdmin } from './admin-routes';
import { errorBody } from './errors';
import { answerWithFaults } from './fault-answers';
import { FaultRegistry, type ActiveFault, type FaultInput } from './faults';
import { readBody, send } from './http-io';
import { Listener } from './listener';
import { checkOptions, type SandboxOptions, type SandboxRuntimeOptions } from './options';
import { RequestLog, type SandboxRequest } from './request-log';
import { setRuntimeOptions, type SandboxState } from './state';
import { PermitStore, type SandboxPermit } from './store';

export type { SandboxPermit } from './store';
export type { ActiveFault, FaultInput } from './faults';
export { DEFAULT_ZONES, type SandboxOptions, type SandboxRuntimeOptions } from './options';
export { REDACTED, type SandboxRequest } from './request-log';

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

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const settings = checkOptions(options);
  const now = options.now ?? (() => new Date());
  const store = new PermitStore(new Set(settings.zones), now);
  const faults = new FaultRegistry(options.random);
  faults.set(options.faults ?? []);
  const closed = new AbortController();
  const state: SandboxState = {
    settings,
    controller: {
      store,
      tokens: new Set(settings.tokens),
      statsCounts: settings.statsCounts,
      rejectDuplicatePermitNo: settings.rejectDuplicatePermitNo,
    },
    faults,
    log: new RequestLog(),
    now,
    closed: closed.signal,
  };

  const server = createServer();
  const listener = new Listener(server, settings.host);
  const answerAdmin = adminAnswerer(state, listener);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(state, answerAdmin, req, res).catch(() => {
      if (!res.headersSent && !closed.signal.aborted) send(res, { status: 500, body: errorBody(9003) });
      else res.destroy();
    });
  });
  await listener.start(settings.port);
  const { port } = listener;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${hostForUrl(settings.host)}:${port}`,
    port,
    permits: () => store.list(),
    requestLog: () => state.log.list(),
    faults: () => faults.list(),
    setFaults: (list) => faults.set(list),
    clearFaults: () => faults.clear(),
    refuseConnections: (forMs) => listener.refuse(forMs),
    setOptions: (patch) => {
      setRuntimeOptions(state, patch);
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

/** Every request: loopback callers only, then the admin endpoints or the API (with whatever faults are active). */
async function handle(
  state: SandboxState,
  answerAdmin: AnswerAdmin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
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
  await answerWithFaults(state, req, res, method, path, read);
}
