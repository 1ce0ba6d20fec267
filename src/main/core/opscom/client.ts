import type { z } from 'zod';
import type { OpscomTimeMode } from '../../../shared/time';
import type { Logger } from '../log';
import { describeErrorCode } from './error-codes';
import {
  deleteBody,
  ErrorBodySchema,
  OPSCOM_PATHS,
  pushBody,
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
 * Every call ends in exactly one of these; the client never throws at its callers. `transient` is the only
 * kind worth retrying; `unauthorised` means an admin must act before anything else is sent.
 */
export type OpscomOutcome<T> =
  | { kind: 'success'; value: T }
  | { kind: 'rejected'; errorCode: number; message: string; controllerMessage: string; field?: string }
  | { kind: 'unauthorised'; errorCode: number | null; message: string; controllerMessage: string }
  | { kind: 'not-found'; errorCode: number; message: string; controllerMessage: string }
  | { kind: 'duplicate'; errorCode: number; message: string; controllerMessage: string }
  | {
      kind: 'transient';
      message: string;
      httpStatus: number | null;
      retryAfterMs: number | null;
      /** False only when the request certainly never reached the controller (it could not even connect). */
      reachedController: boolean;
    };

export interface OpscomClientOptions {
  baseUrl: string;
  apiToken: string;
  timeMode?: OpscomTimeMode;
  timeoutMs?: number;
  log: Logger;
  fetch?: typeof fetch;
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export class OpscomClient {
  private readonly baseUrl: string;
  private readonly timeMode: OpscomTimeMode;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly now: () => number;

  constructor(private readonly options: OpscomClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeMode = options.timeMode ?? 'utc';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.fetchImpl = options.fetch ?? globalThis.fetch;
    this.now = options.now ?? Date.now;
    options.log.redact(options.apiToken);
  }

  push(permit: PushPermit): Promise<OpscomOutcome<{ referenceId: string }>> {
    return this.call('push', pushBody(this.options.apiToken, permit, this.timeMode), SuccessBodySchema, toReference);
  }

  update(update: UpdatePermit): Promise<OpscomOutcome<{ referenceId: string }>> {
    return this.call(
      'update',
      updateBody(this.options.apiToken, update, this.timeMode),
      SuccessBodySchema,
      toReference,
    );
  }

  delete(referenceId: string): Promise<OpscomOutcome<{ referenceId: string }>> {
    return this.call('delete', deleteBody(this.options.apiToken, referenceId), SuccessBodySchema, toReference);
  }

  stats(zones?: readonly string[]): Promise<OpscomOutcome<StatsRow[]>> {
    return this.call('stats', statsBody(this.options.apiToken, zones), StatsBodySchema, (body) =>
      body.data.map((row) => ({ type: row.type, zone: row.zone, total: Number(row.total) })),
    );
  }

  private async call<S extends z.ZodType, T>(
    endpoint: OpscomEndpoint,
    body: Record<string, string>,
    successSchema: S,
    toValue: (body: z.output<S>) => T,
  ): Promise<OpscomOutcome<T>> {
    const url = `${this.baseUrl}${OPSCOM_PATHS[endpoint]}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const outcome = transient(describeNetworkError(error, this.timeoutMs), null, null, !isConnectError(error));
      this.options.log.warn(`OPSCOM ${endpoint}: ${outcome.message}`);
      return outcome;
    }
    const outcome = classify(response, text, successSchema, toValue, this.now());
    if (outcome.kind !== 'success') {
      this.options.log.warn(`OPSCOM ${endpoint} → HTTP ${response.status}: ${outcome.kind}: ${outcome.message}`);
    }
    return outcome;
  }
}

const toReference = (body: z.output<typeof SuccessBodySchema>): { referenceId: string } => ({
  referenceId: body.reference_id,
});

function transient(message: string, httpStatus: number | null, retryAfterMs: number | null, reachedController = true) {
  return { kind: 'transient', message, httpStatus, retryAfterMs, reachedController } as const;
}

/** Errors that happen before a single byte of the request left this machine. */
const CONNECT_ERRORS = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function isConnectError(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && CONNECT_ERRORS.has(cause.code);
}

/** ErrorCode first (whatever the status), then the documented success body, then the HTTP status. */
export function classify<S extends z.ZodType, T>(
  response: Pick<Response, 'status' | 'headers'>,
  text: string,
  successSchema: S,
  toValue: (body: z.output<S>) => T,
  nowMs: number,
): OpscomOutcome<T> {
  const json = parseJson(text);
  const error = ErrorBodySchema.safeParse(json);
  if (error.success) {
    const info = describeErrorCode(error.data.ErrorCode);
    const controllerMessage = error.data.ErrorMessage ?? '';
    const errorCode = error.data.ErrorCode;
    const message = info.plain;
    if (info.kind === 'rejected') {
      return info.field
        ? { kind: 'rejected', errorCode, message, controllerMessage, field: info.field }
        : { kind: 'rejected', errorCode, message, controllerMessage };
    }
    return { kind: info.kind, errorCode, message, controllerMessage };
  }
  const status = response.status;
  if (status >= 200 && status < 300) {
    const success = successSchema.safeParse(json);
    if (success.success) return { kind: 'success', value: toValue(success.data) };
    return transient('OPSCOM answered with something that is not its documented reply.', status, null);
  }
  if (status === 401 || status === 403) {
    return {
      kind: 'unauthorised',
      errorCode: null,
      message: 'OPSCOM refused this kiosk’s credentials. Ask a supervisor to check the settings.',
      controllerMessage: '',
    };
  }
  if (status === 429) {
    return transient('OPSCOM is busy (too many requests).', status, retryAfterMs(response.headers, nowMs));
  }
  return transient(`OPSCOM answered with HTTP ${status}.`, status, retryAfterMs(response.headers, nowMs));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** `Retry-After` is either seconds or an HTTP date. */
export function retryAfterMs(headers: Pick<Headers, 'get'>, nowMs: number): number | null {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `OPSCOM did not answer within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`;
  }
  return 'Could not reach OPSCOM (network error).';
}
