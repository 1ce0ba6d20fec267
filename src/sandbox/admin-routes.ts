/**
 * The `/__sandbox/*` endpoints, for tests to look inside (permits, request log) and to change faults and
 * settings while the sandbox runs.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { z } from 'zod';
import { hostForUrl, isOwnHost } from '../shared/loopback';
import { check, FaultsBodySchema, RefuseBodySchema, SettingsBodySchema } from './faults';
import { isJsonContentType, parseJson, type ParsedBody, type ReadBody, type Reply } from './http-io';
import { setRuntimeOptions, type SandboxState } from './state';

export const ADMIN_PREFIX = '/__sandbox/';

type AdminHandler = (body: ParsedBody, req: IncomingMessage) => Reply;
type AdminMethod = 'GET' | 'POST' | 'DELETE';
export type AnswerAdmin = (method: string, path: string, read: ReadBody, req: IncomingMessage) => Reply;

/** What the admin endpoints need of the listener: its port (for the Host check) and a way to refuse for a while. */
export interface AdminListener {
  readonly port: number;
  refuse(forMs: number, spare?: Socket): Promise<void>;
}

/** Admin bodies are checked against their schema; a bad one gets 400 with the plain-words reason. */
const withBody =
  <S extends z.ZodType>(schema: S, act: (value: z.output<S>, req: IncomingMessage) => Reply): AdminHandler =>
  (body, req) => {
    if (!body.ok) return { status: 400, body: { error: 'The body must be JSON.' } };
    const checked = check(schema, body.value);
    return checked.ok ? act(checked.value, req) : { status: 400, body: { error: checked.message } };
  };

function adminRoutes(
  state: SandboxState,
  listener: AdminListener,
): Record<string, Partial<Record<AdminMethod, AdminHandler>>> {
  const { controller, faults, log } = state;
  const listing = (): Reply => ({ status: 200, body: { faults: faults.list() } });
  return {
    permits: { GET: () => ({ status: 200, body: { permits: controller.store.list() } }) },
    requests: { GET: () => ({ status: 200, body: { requests: log.list() } }) },
    reset: {
      POST: () => {
        controller.store.reset();
        log.clear();
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
      GET: () => ({ status: 200, body: setRuntimeOptions(state, {}) }),
      POST: withBody(SettingsBodySchema, (value) => ({ status: 200, body: setRuntimeOptions(state, value) })),
    },
  };
}

/**
 * The admin endpoints read the log and change faults and settings, so they take more care than the API:
 * - the Host must be this sandbox's own loopback host:port (421 otherwise), so a page whose DNS name now
 *   points at 127.0.0.1 (DNS rebinding) cannot read the log;
 * - a POST must say Content-Type: application/json (415 otherwise). A cross-origin page can only send a form
 *   or text/plain without asking first; a JSON post needs a CORS preflight, which the sandbox never grants.
 */
export function adminAnswerer(state: SandboxState, listener: AdminListener): AnswerAdmin {
  const routes = adminRoutes(state, listener);
  return (method, path, read, req) => {
    const self = { host: state.settings.host, port: listener.port };
    if (!isOwnHost(req.headers.host, self)) {
      const own = `${hostForUrl(self.host)}:${self.port}`;
      return { status: 421, body: { error: `The sandbox's test endpoints only answer requests addressed to ${own}.` } };
    }
    const name = path.slice(ADMIN_PREFIX.length);
    const route = Object.hasOwn(routes, name) ? routes[name] : undefined;
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
  };
}
