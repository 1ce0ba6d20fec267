import type { z } from 'zod';
import type { OpscomTimeMode } from '../../../shared/time';
import type { Logger } from '../host/log';
import { problemMessage, type Problem } from '../../../shared/errors/problems';
import { boundForeignText } from '../../../shared/text';
import { MAX_ANSWER_BYTES, readBoundedBody } from './bounded-body';
import { describeErrorCode } from './error-codes';
import {
  deleteBody,
  ErrorBodySchema,
  OPSCOM_PATHS,
  parseOpscomJson,
  pushBody,
  PushSuccessBodySchema,
  StatsBodySchema,
  statsBody,
  SuccessBodySchema,
  updateBody,
  type OpscomEndpoint,
  type PushPermit,
  type StatsRow,
  type UpdatePermit,
} from './wire';

/**
 * Whether OPSCOM may have acted on a request that did not end in a clear answer. Only a connection that never
 * opened is certain: everything else (a timeout, a reset after connecting, a 5xx, a 2xx that cannot be read,
 * any status without a documented ErrorCode, an answer over 64 KiB or still arriving at the limit) may have
 * stored the permit before the answer went wrong.
 */
export type Certainty = 'not-received' | 'may-be-stored';

/** Why a call ended without a usable answer, for the outbox's table of outcomes and the screen's words. */
export type TransientReason =
  | 'unreachable'
  | 'timeout'
  | 'connection-lost'
  | 'server-error'
  | 'busy'
  | 'unreadable'
  | 'unexpected-status'
  /** A 3xx: never followed (the body carries the token), and a wrong address will not fix itself. */
  | 'redirect';

/**
 * Every call ends in exactly one of these; the client never throws at its callers. An ErrorCode answer means
 * OPSCOM refused the request, so nothing was stored. `transient` is the only kind worth retrying;
 * `unauthorised` means an admin must act before anything else is sent.
 */
export type OpscomOutcome<T> =
  | { kind: 'success'; value: T }
  | {
      kind: 'rejected';
      errorCode: number;
      problem: Problem;
      message: string;
      controllerMessage: string;
      field?: string;
      /** An undocumented ErrorCode does not say OPSCOM turned the request away: it may have stored it. */
      certainty: Certainty;
    }
  | {
      kind: 'unauthorised';
      errorCode: number | null;
      problem: Problem;
      message: string;
      controllerMessage: string;
      certainty: Certainty;
    }
  | { kind: 'not-found'; errorCode: number; problem: Problem; message: string; controllerMessage: string }
  | { kind: 'duplicate'; errorCode: number; problem: Problem; message: string; controllerMessage: string }
  | {
      kind: 'transient';
      reason: TransientReason;
      problem: Problem;
      message: string;
      httpStatus: number | null;
      retryAfterMs: number | null;
      certainty: Certainty;
    };

export interface OpscomClientOptions {
  baseUrl: string;
  apiToken: string;
  timeMode?: OpscomTimeMode;
  /** A write still unanswered after this long is reported slow (`onSlow`) but kept open; stats give up here. */
  softTimeoutMs?: number;
  /** A write is abandoned only after this long: until then a late answer can still tell us the reference. */
  hardTimeoutMs?: number;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

/** What a caller may add to one write. */
export interface CallOptions {
  /** Called once if the soft timeout passes while the request is still open. */
  onSlow?: () => void;
  /** Aborts the request (the kiosk is stopping); the outcome is then a may-be-stored transient. */
  signal?: AbortSignal;
}

export const DEFAULT_SOFT_TIMEOUT_MS = 10_000;
export const DEFAULT_HARD_TIMEOUT_MS = 90_000;

type SuccessBody = z.output<typeof SuccessBodySchema>;

export class OpscomClient {
  private readonly baseUrl: string;
  private readonly timeMode: OpscomTimeMode;
  private readonly softTimeoutMs: number;
  private readonly hardTimeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: OpscomClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeMode = options.timeMode ?? 'utc';
    this.softTimeoutMs = options.softTimeoutMs ?? DEFAULT_SOFT_TIMEOUT_MS;
    this.hardTimeoutMs = Math.max(this.softTimeoutMs, options.hardTimeoutMs ?? DEFAULT_HARD_TIMEOUT_MS);
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    options.log.redact(options.apiToken);
  }

  push(permit: PushPermit, options: CallOptions = {}): Promise<OpscomOutcome<{ referenceId: string }>> {
    const body = pushBody(this.options.apiToken, permit, this.timeMode);
    return this.write('push', body, PushSuccessBodySchema, (success) => success.referenceId ?? '', options);
  }

  update(update: UpdatePermit, options: CallOptions = {}): Promise<OpscomOutcome<{ referenceId: string }>> {
    const body = updateBody(this.options.apiToken, update, this.timeMode);
    return this.write(
      'update',
      body,
      SuccessBodySchema,
      (success) => success.referenceId ?? update.referenceId,
      options,
    );
  }

  delete(referenceId: string, options: CallOptions = {}): Promise<OpscomOutcome<{ referenceId: string }>> {
    const body = deleteBody(this.options.apiToken, referenceId);
    return this.write('delete', body, SuccessBodySchema, (success) => success.referenceId ?? referenceId, options);
  }

  /** A read: nothing rides on a late answer, so it gives up at the soft timeout. */
  stats(zones?: readonly string[]): Promise<OpscomOutcome<StatsRow[]>> {
    return this.call('stats', statsBody(this.options.apiToken, zones), StatsBodySchema, (body) => body.data, {
      limitMs: this.softTimeoutMs,
    });
  }

  private write(
    endpoint: OpscomEndpoint,
    body: Record<string, string>,
    schema: z.ZodType<SuccessBody, unknown>,
    referenceOf: (body: SuccessBody) => string,
    options: CallOptions,
  ): Promise<OpscomOutcome<{ referenceId: string }>> {
    return this.call(endpoint, body, schema, (success) => ({ referenceId: referenceOf(success) }), {
      limitMs: this.hardTimeoutMs,
      ...options,
    });
  }

  private async call<S extends z.ZodType, T>(
    endpoint: OpscomEndpoint,
    body: Record<string, string>,
    successSchema: S,
    toValue: (body: z.output<S>) => T,
    options: CallOptions & { limitMs: number },
  ): Promise<OpscomOutcome<T>> {
    const url = `${this.baseUrl}${OPSCOM_PATHS[endpoint]}`;
    const slowTimer = options.onSlow ? setTimeout(options.onSlow, this.softTimeoutMs) : undefined;
    // The limit is a race we own, not only an abort: fetch follows its signal through weak references, and
    // under memory pressure an abort can go unheard (nodejs/node#55428), which would leave a permit in flight
    // forever. The abort still tries to close the connection.
    const abort = new AbortController();
    let limitTimer: NodeJS.Timeout | undefined;
    let onStop: (() => void) | undefined;
    const giveUp = new Promise<Error>((resolve) => {
      const end = (reason: Error) => {
        abort.abort(reason);
        resolve(reason);
      };
      limitTimer = setTimeout(
        () => end(new DOMException(`No answer within ${options.limitMs} ms.`, 'TimeoutError')),
        options.limitMs,
      );
      onStop = () => end(new DOMException('The kiosk is stopping.', 'AbortError'));
      if (options.signal?.aborted) onStop();
      else options.signal?.addEventListener('abort', onStop, { once: true });
    });
    // Set once the status and headers are in: a limit reached after that cut the body short, not the connection.
    let answered: Response | undefined;
    const exchange = async (): Promise<{ response: Response; text: string | null }> => {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        // The body carries the API token: it goes only to the address a supervisor set, never where a 3xx says.
        redirect: 'manual',
        signal: abort.signal,
      });
      answered = response;
      // Never the whole body on trust: read up to the cap, within the same limit as the rest of the call.
      const read = await readBoundedBody(response, MAX_ANSWER_BYTES);
      if (read.kind === 'ok') return { response, text: read.text };
      abort.abort(new DOMException('The answer is larger than the kiosk reads.', 'AbortError'));
      return { response, text: null };
    };
    let response: Response;
    let text: string | null;
    try {
      const outcome = await Promise.race([exchange(), giveUp]);
      if (outcome instanceof Error) throw outcome;
      ({ response, text } = outcome);
    } catch (error) {
      const cutShort = answered && isTimeout(error) ? unfinishedAnswer(answered, options.limitMs, this.now()) : null;
      const outcome = cutShort ?? networkFailure(error, options.limitMs);
      this.options.log.warn(`OPSCOM ${endpoint}: ${outcome.message}`);
      return outcome;
    } finally {
      clearTimeout(slowTimer);
      clearTimeout(limitTimer);
      if (onStop) options.signal?.removeEventListener('abort', onStop);
    }
    const outcome =
      text === null
        ? oversizedAnswer(response, this.now())
        : classify(response, text, successSchema, toValue, this.now());
    if (outcome.kind !== 'success') {
      this.options.log.warn(`OPSCOM ${endpoint} → HTTP ${response.status}: ${outcome.kind}: ${outcome.message}`);
    }
    return outcome;
  }
}

function transient(
  reason: TransientReason,
  problem: Problem,
  httpStatus: number | null,
  retryAfterMs: number | null = null,
): Extract<OpscomOutcome<never>, { kind: 'transient' }> {
  const certainty: Certainty = reason === 'unreachable' ? 'not-received' : 'may-be-stored';
  return { kind: 'transient', reason, problem, message: problemMessage(problem), httpStatus, retryAfterMs, certainty };
}

/**
 * An answer larger than the cap: not OPSCOM's documented reply, whatever its status, so it says nothing about
 * whether the request was stored. Read no further; retry later like any unclear answer.
 */
function oversizedAnswer(response: Pick<Response, 'status' | 'headers'>, nowMs: number) {
  const problem: Problem = { code: 'opscom-answer-too-large', params: { kib: MAX_ANSWER_BYTES / 1024 } };
  return transient('unreadable', problem, response.status, retryAfterMs(response.headers, nowMs));
}

/** Headers came, but the body was still arriving at the limit (a drip): as unclear as an answer too large. */
function unfinishedAnswer(response: Pick<Response, 'status' | 'headers'>, limitMs: number, nowMs: number) {
  const problem: Problem = { code: 'opscom-answer-too-slow', params: { limit: limitText(limitMs) } };
  return transient('unreadable', problem, response.status, retryAfterMs(response.headers, nowMs));
}

const isTimeout = (error: unknown): boolean => error instanceof Error && error.name === 'TimeoutError';

const limitText = (limitMs: number): string => (limitMs < 1000 ? `${limitMs} ms` : `${Math.round(limitMs / 1000)} s`);

/** OPSCOM's ErrorCode and message, as the words the screen shows. */
function opscomProblem(code: 'opscom-error' | 'opscom-undocumented-code', errorCode: number, theirs: string): Problem {
  return { code, params: theirs ? { errorCode, controllerMessage: theirs } : { errorCode } };
}

/**
 * Errors that happen before a single byte of the request left this machine: the connection never opened
 * (refused, no such host, no route) or TLS refused the server before any request was written.
 */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERR_INVALID_URL',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current: unknown = error, depth = 0; current && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    current = (current as { cause?: unknown }).cause;
  }
  return codes;
}

function networkFailure(error: unknown, limitMs: number) {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return transient('timeout', { code: 'opscom-timeout', params: { limit: limitText(limitMs) } }, null);
  }
  // fetch refuses ports that browsers block (1, 22, 25…) before it connects, with no code but these words.
  const badPort = error instanceof Error && (error.cause as { message?: unknown } | undefined)?.message === 'bad port';
  if (badPort || errorCodes(error).some((code) => NEVER_SENT.has(code))) {
    return transient('unreachable', { code: 'opscom-unreachable' }, null);
  }
  return transient('connection-lost', { code: 'opscom-connection-lost' }, null);
}

/** ErrorCode first (whatever the status), then the documented success body, then the HTTP status. */
export function classify<S extends z.ZodType, T>(
  response: Pick<Response, 'status' | 'headers'>,
  text: string,
  successSchema: S,
  toValue: (body: z.output<S>) => T,
  nowMs: number,
): OpscomOutcome<T> {
  const json = parseOpscomJson(text);
  const error = ErrorBodySchema.safeParse(json);
  const status = response.status;
  if (error.success) {
    const errorCode = error.data.ErrorCode;
    // Cut and cleaned here, at the boundary: it goes on into problems, logs, the audit log and the outbox.
    const controllerMessage = boundForeignText(error.data.ErrorMessage ?? '');
    const info = describeErrorCode(errorCode);
    if (!info) {
      // Not a code OPSCOM documents: shown to a person, and counted as a copy OPSCOM may hold.
      const problem = opscomProblem('opscom-undocumented-code', errorCode, controllerMessage);
      const message = problemMessage(problem);
      return { kind: 'rejected', errorCode, problem, message, controllerMessage, certainty: 'may-be-stored' };
    }
    const problem = opscomProblem('opscom-error', errorCode, controllerMessage);
    const message = problemMessage(problem);
    const refused = { errorCode, problem, message, controllerMessage };
    switch (info.kind) {
      case 'rejected':
        return info.field
          ? { kind: 'rejected', ...refused, field: info.field, certainty: 'not-received' }
          : { kind: 'rejected', ...refused, certainty: 'not-received' };
      case 'unauthorised':
        return { kind: 'unauthorised', ...refused, certainty: 'not-received' };
      default:
        return { kind: info.kind, ...refused };
    }
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    const host = location ? redirectHost(location) : '';
    return transient('redirect', { code: 'opscom-redirect', params: { host, status } }, status);
  }
  if (status >= 200 && status < 300) {
    const success = successSchema.safeParse(json);
    if (success.success) return { kind: 'success', value: toValue(success.data) };
    return transient('unreadable', { code: 'opscom-unreadable' }, status);
  }
  if (status === 401 || status === 403) {
    const problem: Problem = { code: 'opscom-credentials' };
    return {
      kind: 'unauthorised',
      errorCode: null,
      problem,
      message: problemMessage(problem),
      controllerMessage: '',
      // Without an ErrorCode nothing says the request was turned away before OPSCOM acted on it.
      certainty: 'may-be-stored',
    };
  }
  if (status === 429) {
    return transient('busy', { code: 'opscom-busy' }, status, retryAfterMs(response.headers, nowMs));
  }
  const reason = status >= 500 ? 'server-error' : 'unexpected-status';
  return transient(reason, { code: 'opscom-http', params: { status } }, status, retryAfterMs(response.headers, nowMs));
}

/** The host a redirect points at, for the message; the rest of the URL may carry anything. */
function redirectHost(location: string): string {
  try {
    return boundForeignText(new URL(location).host, 100);
  } catch {
    return '';
  }
}

/**
 * The longest `Retry-After` the kiosk honours: a controller (or a typo in hours) asking for more would hold the
 * permit's resend for days, and an unclear answer's wait is not cleared by Send now.
 */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** `Retry-After` is either seconds or an HTTP date; at most MAX_RETRY_AFTER_MS. */
export function retryAfterMs(headers: Pick<Headers, 'get'>, nowMs: number): number | null {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Math.min(MAX_RETRY_AFTER_MS, Number(value.trim()) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - nowMs));
}
