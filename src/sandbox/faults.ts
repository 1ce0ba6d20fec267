/**
 * Fault injection for the sandbox: what can go wrong between a kiosk and OPSCOM, on demand.
 *
 * A fault names an endpoint (push, update, delete, stats or * for all) and a kind. It applies to every
 * matching request until cleared, or to a share of them (`probability` 0..1), or to the next N of them
 * (`count`). `latency` adds to whatever else happens; of the other kinds, the first one that fires wins.
 * Three families besides latency: the request never gets handled (reset, hang, a status instead of the answer);
 * it is handled and stored but the answer goes wrong (store-then-*); or it is answered in a style the vendor page
 * does not document (ANSWER_STYLES), which a client must cope with all the same.
 * fault-answers.ts asks `FaultRegistry.decide()` what happens to each API request; this file knows no HTTP.
 */
import { z } from 'zod';

/**
 * Undocumented ways of answering a request that succeeded (errors are never restyled). The controller words
 * its success this way; see controller.ts.
 */
export const ANSWER_STYLES = [
  'reference-internal-only',
  'reference-number',
  'totals-number',
  'success-variant',
] as const;
export type AnswerStyle = (typeof ANSWER_STYLES)[number];

export const FAULT_KINDS = [
  'latency',
  'reset',
  'store-then-drop',
  'status-500',
  'status-502',
  'status-503',
  'rate-limit',
  'hang',
  'html-200',
  'truncated-json-200',
  'store-then-reset',
  'store-then-hang',
  'store-then-truncate',
  'store-then-500',
  ...ANSWER_STYLES,
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const FAULT_ENDPOINTS = ['push', 'update', 'delete', 'stats', '*'] as const;
export type FaultEndpoint = (typeof FAULT_ENDPOINTS)[number];

/** Generous bounds: a test that waits ten minutes is already broken, and a typo like ms=2000000 should say so. */
export const MAX_DELAY_MS = 600_000;
const MAX_RETRY_AFTER_S = 86_400;

/** A whole number in min..max, every way of getting it wrong worded the same. */
const wholeNumber = (message: string, min: number, max: number) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);
const ms = (name: string, min: number) =>
  wholeNumber(`${name} must be a whole number of milliseconds from ${min} to ${MAX_DELAY_MS}.`, min, MAX_DELAY_MS);
const PROBABILITY = 'probability must be a number from 0 to 1.';

const FaultObject = z.strictObject(
  {
    endpoint: z.enum(FAULT_ENDPOINTS, { error: `endpoint must be one of ${FAULT_ENDPOINTS.join(', ')}.` }).default('*'),
    kind: z.enum(FAULT_KINDS, { error: `kind must be one of ${FAULT_KINDS.join(', ')}.` }),
    probability: z.number({ error: PROBABILITY }).min(0, PROBABILITY).max(1, PROBABILITY).optional(),
    count: wholeNumber('count must be a whole number of requests, 1 or more.', 1, Number.MAX_SAFE_INTEGER).optional(),
    ms: ms('ms', 0).optional(),
    jitter: ms('jitter', 0).optional(),
    retryAfter: wholeNumber(
      `retryAfter must be a whole number of seconds from 0 to ${MAX_RETRY_AFTER_S}.`,
      0,
      MAX_RETRY_AFTER_S,
    ).optional(),
  },
  { error: 'A fault is an object with endpoint and kind, and optionally probability, count, ms, jitter, retryAfter.' },
);

/** One fault, as given in the admin body or built from a `--fault` flag. */
export const FaultSchema = FaultObject.superRefine((fault, ctx) => {
  const problem = (message: string): void => void ctx.addIssue({ code: 'custom', message });
  if (fault.probability !== undefined && fault.count !== undefined)
    problem('give probability or count, not both (probability: a share of requests; count: the next N).');
  if (fault.kind === 'latency') {
    if (fault.ms === undefined && fault.jitter === undefined)
      problem('latency needs ms and/or jitter, e.g. ms=200 or ms=50,jitter=20.');
  } else if (fault.kind === 'store-then-hang') {
    // Here ms is how late the real answer comes, not a delay before handling; jitter has no meaning.
    if (fault.jitter !== undefined)
      problem('jitter belongs to latency, not store-then-hang; store-then-hang takes only ms=<n> (answer n ms late).');
  } else if (fault.ms !== undefined || fault.jitter !== undefined) {
    problem(
      `ms and jitter belong to latency, not ${fault.kind}; add a separate latency fault to slow it down` +
        ' (only store-then-hang also takes ms, for an answer that comes late).',
    );
  }
  if (fault.retryAfter !== undefined && fault.kind !== 'rate-limit')
    problem(`retryAfter belongs to rate-limit, not ${fault.kind}.`);
});
export type Fault = z.output<typeof FaultSchema>;
/** What a caller may pass: `endpoint` defaults to '*'. */
export type FaultInput = z.input<typeof FaultSchema>;

export const FaultsBodySchema = z.strictObject(
  { faults: z.array(FaultSchema, { error: 'faults must be a list of faults, e.g. {"faults":[]}.' }) },
  { error: 'The body must be {"faults":[...]}.' },
);

export const RefuseBodySchema = z.strictObject(
  { forMs: ms('forMs', 1) },
  { error: 'The body must be {"forMs": <milliseconds>}, e.g. {"forMs": 2000}.' },
);

export const SettingsBodySchema = z.strictObject(
  {
    rejectDuplicatePermitNo: z.boolean({ error: 'rejectDuplicatePermitNo must be true or false.' }).optional(),
    errorStatus: z
      .union([z.literal('http'), z.literal(200)], { error: 'errorStatus must be "http" or 200.' })
      .optional(),
  },
  { error: 'The body must be {"rejectDuplicatePermitNo": true|false, "errorStatus": "http"|200}.' },
);

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** Validates against a schema and words every problem plainly, e.g. `Fault #2: count must be ...`. */
export function check<S extends z.ZodType>(schema: S, value: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues.map(describeIssue).join(' ') };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [first, index] = issue.path;
  const prefix = first === 'faults' && typeof index === 'number' ? `Fault #${index + 1}: ` : '';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return `${prefix}Unknown ${issue.keys.length === 1 ? 'setting' : 'settings'} ${keys}. ${issue.message}`;
  }
  return `${prefix}${issue.message}`;
}

/** Validates a list of faults given in code (`setFaults`, `startSandbox({ faults })`). */
export function checkFaults(faults: unknown): Checked<Fault[]> {
  const checked = check(FaultsBodySchema, { faults });
  return checked.ok ? { ok: true, value: checked.value.faults } : checked;
}

const CLI_KEYS: Record<string, keyof FaultInput> = {
  p: 'probability',
  probability: 'probability',
  count: 'count',
  ms: 'ms',
  jitter: 'jitter',
  retryAfter: 'retryAfter',
};
const NUMBER = /^\d+(\.\d+)?$|^\.\d+$/;

/**
 * The CLI's compact form, `<endpoint>:<kind>[:key=value,...]`, e.g. `push:store-then-drop:count=1`,
 * `*:latency:ms=50,jitter=20`, `stats:status-503:p=0.5`, `push:rate-limit:retryAfter=3`.
 */
export function parseFaultSpec(spec: string): Checked<Fault> {
  const fail = (why: string): Checked<Fault> => ({ ok: false, message: `--fault "${spec}": ${why}` });
  const parts = spec.trim().split(':');
  if (parts.length < 2 || parts.length > 3)
    return fail('expected <endpoint>:<kind>[:key=value,...], e.g. "push:store-then-drop:count=1".');
  const [endpoint = '', kind = '', params = ''] = parts;
  const fault: Record<string, unknown> = { endpoint, kind };
  for (const pair of params.split(',').filter((part) => part.trim() !== '')) {
    const [key = '', value, ...rest] = pair.split('=').map((part) => part.trim());
    const field = Object.hasOwn(CLI_KEYS, key) ? CLI_KEYS[key] : undefined;
    if (value === undefined || rest.length > 0) return fail(`"${pair}" is not key=value.`);
    if (field === undefined)
      return fail(`unknown setting "${key}"; use p (or probability), count, ms, jitter, retryAfter.`);
    if (field in fault) return fail(`${key} is given twice.`);
    fault[field] = NUMBER.test(value) ? Number(value) : value;
  }
  const checked = check(FaultSchema, fault);
  return checked.ok ? checked : fail(checked.message);
}

/** The compact form of a fault, as the CLI would take it back. */
export function formatFault(fault: Fault): string {
  const params = (['probability', 'count', 'ms', 'jitter', 'retryAfter'] as const)
    .filter((key) => fault[key] !== undefined)
    .map((key) => `${key === 'probability' ? 'p' : key}=${fault[key]}`);
  return `${fault.endpoint}:${fault.kind}${params.length > 0 ? `:${params.join(',')}` : ''}`;
}

/** A fault as listed by `GET /__sandbox/faults`: `remaining` counts down for a `count` fault, else null. */
export type ActiveFault = Fault & { remaining: number | null };

/** What the server does with one request instead of (or besides) answering it normally. */
export type FaultAction =
  | { type: 'none' }
  /** Destroy the connection before the request is handled: nothing stored, no answer. */
  | { type: 'reset' }
  /** Handle (and store) the request, then destroy the connection without answering. */
  | { type: 'store-then-drop' }
  /** Handle (and store) the request, then reset the connection (RST) without answering. */
  | { type: 'store-then-reset' }
  /**
   * Handle (and store) the request, then answer nothing while the connection stays open; with `lateMs`, send
   * the real answer that many milliseconds later.
   */
  | { type: 'store-then-hang'; lateMs: number | null }
  /** Handle (and store) the request, then send its real status with the JSON body cut roughly in half. */
  | { type: 'store-then-truncate' }
  /** Handle (and store) the request, then answer with this instead of its real answer. */
  | { type: 'store-then-reply'; status: number; headers: Record<string, string>; text: string }
  /** Handle the request as usual, but word a success in this undocumented style. */
  | { type: 'answer-style'; style: AnswerStyle }
  /** Never answer; the connection stays open until the client gives up or the sandbox closes. */
  | { type: 'hang' }
  /** Answer with this instead of handling the request: nothing stored. */
  | { type: 'reply'; status: number; headers: Record<string, string>; text: string };

export interface FaultDecision {
  /** Added before anything else happens (0 when no latency fault fired). */
  delayMs: number;
  action: FaultAction;
  /** For the request log, e.g. 'latency', 'reset', 'latency+store-then-drop'; null when nothing fired. */
  label: string | null;
}

const NO_FAULT: FaultDecision = { delayMs: 0, action: { type: 'none' }, label: null };

export class FaultRegistry {
  private active: ActiveFault[] = [];

  /** `random` returns [0, 1) like Math.random; pass `seededRandom(n)` for repeatable tests. */
  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces every fault. Throws a plain-words Error on a bad fault (nothing is changed then). */
  set(faults: readonly FaultInput[]): void {
    const checked = checkFaults(faults);
    if (!checked.ok) throw new Error(checked.message);
    this.active = checked.value.map((fault) => ({ ...fault, remaining: fault.count ?? null }));
  }

  clear(): void {
    this.active = [];
  }

  list(): ActiveFault[] {
    return this.active.map((fault) => ({ ...fault }));
  }

  /**
   * Decides the fate of one request to `endpoint`. Faults are tried in order: every latency fault that fires
   * adds its delay; the first other fault that fires decides the action and later ones are not tried (so they
   * keep their counts and draw no random numbers). A spent `count` fault is removed.
   */
  decide(endpoint: Exclude<FaultEndpoint, '*'>): FaultDecision {
    let delayMs = 0;
    let chosen: Fault | undefined;
    const labels: string[] = [];
    for (const fault of this.active) {
      if (fault.endpoint !== '*' && fault.endpoint !== endpoint) continue;
      if (fault.kind !== 'latency' && chosen !== undefined) continue;
      if (fault.probability !== undefined && !(this.random() < fault.probability)) continue;
      if (fault.remaining !== null) fault.remaining -= 1;
      labels.push(fault.kind);
      if (fault.kind === 'latency') delayMs += (fault.ms ?? 0) + this.jitter(fault.jitter ?? 0);
      else chosen = fault;
    }
    this.active = this.active.filter((fault) => fault.remaining !== 0);
    if (labels.length === 0) return NO_FAULT;
    // Latency happens first, whatever the order the faults were listed in.
    labels.sort((a, b) => Number(b === 'latency') - Number(a === 'latency'));
    return { delayMs, action: chosen === undefined ? { type: 'none' } : actionFor(chosen), label: labels.join('+') };
  }

  /** Uniform whole milliseconds in 0..jitter, both ends included. */
  private jitter(max: number): number {
    return max === 0 ? 0 : Math.min(max, Math.floor(this.random() * (max + 1)));
  }
}

const STATUS_TEXT: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

function plainText(status: number, headers: Record<string, string> = {}) {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', ...headers },
    text: STATUS_TEXT[status] ?? '',
  };
}

function plain(status: number, headers: Record<string, string> = {}): FaultAction {
  return { type: 'reply', ...plainText(status, headers) };
}

function actionFor(fault: Fault): FaultAction {
  switch (fault.kind) {
    case 'latency':
      return { type: 'none' };
    case 'reset':
    case 'store-then-drop':
    case 'hang':
    case 'store-then-reset':
    case 'store-then-truncate':
      return { type: fault.kind };
    case 'store-then-hang':
      return { type: 'store-then-hang', lateMs: fault.ms ?? null };
    case 'store-then-500':
      return { type: 'store-then-reply', ...plainText(500) };
    case 'reference-internal-only':
    case 'reference-number':
    case 'totals-number':
    case 'success-variant':
      return { type: 'answer-style', style: fault.kind };
    case 'status-500':
      return plain(500);
    case 'status-502':
      return plain(502);
    case 'status-503':
      return plain(503);
    case 'rate-limit':
      return plain(429, fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) });
    case 'html-200':
      return {
        type: 'reply',
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        text: '<!DOCTYPE html><html><head><title>Maintenance</title></head><body><h1>Back soon</h1></body></html>',
      };
    case 'truncated-json-200':
      return {
        type: 'reply',
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        text: '{"status":"succ',
      };
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same sequence, for repeatable tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
