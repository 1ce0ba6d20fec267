/**
 * Sends the protocol cases to a controller, one raw POST each, and judges each answer against the table.
 * Request → response only: nothing is read back afterwards. Every permit a push created (whether the case
 * expected it or not) is deleted at the end, and the cleanup says which could not be. Probe cases also yield a
 * finding: the value to give a kiosk setting on this controller.
 */
import { randomInt } from 'node:crypto';
import { MAX_ANSWER_BYTES, readBoundedBody } from '../main/core/opscom/bounded-body';
import {
  CASES,
  examplePush,
  mayWrite,
  type CaseContext,
  type ConformanceCase,
  type Endpoint,
  type Expectation,
  type KioskSetting,
  type ProbeCase,
  type SettingValue,
} from './cases';

export const API_PATH = '/api/OC-TOMA/v1/permits/';
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_ZONES: readonly string[] = ['Lot 1', 'Lot 2'];
export const SKIPPED_TEXT = 'skipped (needs --allow-writes)';
const SNIPPET_LENGTH = 80;

export interface RunOptions {
  /** The controller's base address, e.g. https://controller.operationscommander.io. */
  url: string;
  token: string;
  /** Run cases that create or change permits (all of them are cleaned up afterwards). */
  allowWrites: boolean;
  zones?: readonly string[];
  fetch?: typeof fetch;
  /** Called as each case finishes, in table order. */
  onResult?: (result: CaseResult) => void;
  /** Default: the whole table. */
  cases?: readonly ConformanceCase[];
  timeoutMs?: number;
  now?: () => Date;
  /** Letters and digits in every plate and ticket number of this run. Default: 4 random ones. */
  runId?: string;
  /** When aborted, no further case starts; cleanup still runs. */
  signal?: AbortSignal;
}

/** How a controller answered, whatever the case expected. */
export type Outcome =
  | { kind: 'success'; status: number; referenceId: string }
  | { kind: 'stats'; status: number }
  | { kind: 'error'; status: number; code: number }
  | { kind: 'unexpected'; status: number; text: string }
  | { kind: 'no-answer'; reason: string };

export type Verdict = 'PASS' | 'FAIL' | 'INFO' | 'SKIP';

export interface CaseResult {
  id: string;
  title: string;
  endpoint: Endpoint;
  result: Verdict;
  /** What the table expects, in the words the report prints. */
  expected: string;
  /** What came back, in the words the report prints (never the token). */
  got: string;
  /** Why a FAIL or INFO is one: what the docs say or leave open. */
  note?: string;
  /** Missing for a skipped case, or when preparing its permit failed. */
  outcome?: Outcome;
}

export interface CleanupReport {
  /** Test permits this run deleted at the end. */
  deleted: string[];
  /** Test permits the controller no longer knew (9009) when cleanup came to them. */
  alreadyGone: string[];
  /** Test permits that could not be deleted: an integrator should remove these by hand. */
  failed: Array<{ referenceId: string; got: string }>;
}

/** What a probe case found out, for each probe among the cases run (whether it could run or not). */
export interface Finding {
  caseId: string;
  setting: KioskSetting;
  /** The value to set; 'unknown' unless the probe ran and got one of its two answers. */
  value: SettingValue;
  /** 'skipped': it needs --allow-writes. 'not-run': the run stopped before it. */
  status: 'checked' | 'skipped' | 'not-run';
  /** The probe's `got`, when it ran. */
  got?: string;
}

export interface ConformanceRun {
  results: CaseResult[];
  cleanup: CleanupReport;
  findings: Finding[];
}

/** Four letters and digits, upper case: short enough for a plate, distinct enough to find a run's permits. */
export function newRunId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/** The base URL without trailing slashes or an already included API path. */
export function controllerBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/api\/OC-TOMA\/v1\/permits$/i, '');
}

export async function runConformance(options: RunOptions): Promise<ConformanceRun> {
  const base = controllerBase(options.url);
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? (() => new Date());
  const zones = options.zones !== undefined && options.zones.length > 0 ? options.zones : DEFAULT_ZONES;
  const runId = options.runId ?? newRunId();
  const scrub = (text: string): string => (options.token === '' ? text : text.split(options.token).join('[redacted]'));

  /** Every reference id a push answered with, in order, and which of them are known to be deleted. */
  const created: string[] = [];
  const deleted = new Set<string>();

  const send = async (endpoint: Endpoint, body: Record<string, unknown> | string): Promise<Outcome> => {
    const outcome = await post(fetchImpl, `${base}${API_PATH}${endpoint}`, body, timeoutMs, scrub);
    if (outcome.kind === 'success') {
      if (endpoint === 'push' && !created.includes(outcome.referenceId)) created.push(outcome.referenceId);
      if (endpoint === 'delete') deleted.add(outcome.referenceId);
    }
    return outcome;
  };

  const results: CaseResult[] = [];
  const cases = options.cases ?? CASES;
  try {
    for (const [index, c] of cases.entries()) {
      if (options.signal?.aborted === true) break;
      const result =
        mayWrite(c) && !options.allowWrites
          ? skipped(c)
          : await runCase(c, {
              token: options.token,
              zones,
              now: now(),
              uniqueSuffix: `${runId}${index.toString(36).toUpperCase().padStart(2, '0')}`,
            });
      results.push(result);
      options.onResult?.(result);
    }
  } catch (error) {
    // Whatever went wrong (a throwing onResult, say), the permits created so far are still removed.
    await cleanUp();
    throw error;
  }

  async function runCase(c: ConformanceCase, ctx: CaseContext): Promise<CaseResult> {
    if (c.needs !== undefined) {
      const prepared = await prepare(c, c.needs, ctx);
      if (typeof prepared !== 'string') return prepared;
      ctx.referenceId = prepared;
    }
    const outcome = await send(c.endpoint, c.body(ctx));
    // The docs: update and delete answer with "the same reference id" they were given.
    if (outcome.kind === 'success' && ctx.referenceId !== undefined && c.endpoint !== 'push') {
      if (c.endpoint === 'delete') deleted.add(ctx.referenceId);
      if (outcome.referenceId !== ctx.referenceId) {
        const got = `success (HTTP ${outcome.status}) for another reference_id, ${outcome.referenceId}`;
        return finish(c, 'FAIL', got, outcome, 'The docs say update and delete answer with the reference id sent.');
      }
    }
    return judge(c, outcome);
  }

  /**
   * Pushes the permit a case needs with the documented push example (and deletes it again for
   * 'deleted-permit'). Returns its reference id, or the case's FAIL when that did not work.
   */
  async function prepare(
    c: ConformanceCase,
    needs: 'permit' | 'deleted-permit',
    ctx: CaseContext,
  ): Promise<string | CaseResult> {
    const notRun = (step: 'push' | 'delete', outcome: Outcome): CaseResult =>
      finish(
        c,
        'FAIL',
        `not run: its ${step} beforehand got ${describe(outcome)}`,
        undefined,
        `This case first ${step === 'push' ? 'pushes a permit' : 'deletes the permit it pushed'} with the documented example, and that failed.`,
      );
    const pushed = await send('push', examplePush(ctx));
    if (pushed.kind !== 'success') return notRun('push', pushed);
    if (needs === 'permit') return pushed.referenceId;
    const removed = await send('delete', { apiToken: ctx.token, referenceID: pushed.referenceId });
    if (removed.kind !== 'success') return notRun('delete', removed);
    deleted.add(pushed.referenceId);
    return pushed.referenceId;
  }

  const cleanup = await cleanUp();
  const probes = cases.filter((c): c is ProbeCase => c.finds !== undefined);
  const findings = probes.map((c) => findingOf(c, results));
  return { results, cleanup, findings };

  async function cleanUp(): Promise<CleanupReport> {
    const report: CleanupReport = { deleted: [], alreadyGone: [], failed: [] };
    for (const id of created) {
      if (deleted.has(id)) continue;
      const outcome = await send('delete', { apiToken: options.token, referenceID: id });
      if (outcome.kind === 'success') report.deleted.push(id);
      else if (outcome.kind === 'error' && outcome.code === 9009) report.alreadyGone.push(id);
      else report.failed.push({ referenceId: id, got: describe(outcome) });
    }
    return report;
  }
}

function skipped(c: ConformanceCase): CaseResult {
  return finish(c, 'SKIP', SKIPPED_TEXT);
}

/** The expectation in the report's words: `9021`, `any error (9033)`, `9033 (sandbox)`, `9022 or success`. */
export function describeExpectation(c: ConformanceCase): string {
  if (c.finds !== undefined) return `${plainExpectation(c.finds.yes.answer)} or ${plainExpectation(c.finds.no.answer)}`;
  const plain = plainExpectation(c.expect);
  if (c.documented === 'refusal') return `any error (${plain})`;
  if (c.documented === false) return `${plain} (sandbox)`;
  return plain;
}

function plainExpectation(expect: Expectation): string {
  return 'errorCode' in expect ? String(expect.errorCode) : expect.stats === true ? 'stats' : 'success';
}

export function describe(outcome: Outcome): string {
  switch (outcome.kind) {
    case 'success':
      return `success (HTTP ${outcome.status})`;
    case 'stats':
      return `stats (HTTP ${outcome.status})`;
    case 'error':
      return `${outcome.code} (HTTP ${outcome.status})`;
    case 'unexpected':
      return `unexpected: HTTP ${outcome.status} ${outcome.text}`;
    case 'no-answer':
      return `no answer: ${outcome.reason}`;
  }
}

const NOT_JSON = 'Every answer should be JSON: an ErrorCode, or the documented success body.';

function matches(expect: Expectation, outcome: Outcome): boolean {
  if ('errorCode' in expect) return outcome.kind === 'error' && outcome.code === expect.errorCode;
  return outcome.kind === (expect.stats === true ? 'stats' : 'success');
}

/** PASS when it matches; otherwise FAIL or INFO depending on what the docs settle (see cases.ts). */
export function judge(c: ConformanceCase, outcome: Outcome): CaseResult {
  if (c.finds !== undefined) return judgeProbe(c, outcome);
  const got = describe(outcome);
  if (matches(c.expect, outcome)) return finish(c, 'PASS', got, outcome);
  if (outcome.kind === 'unexpected' || outcome.kind === 'no-answer') return finish(c, 'FAIL', got, outcome, NOT_JSON);
  if (c.documented === false) return finish(c, 'INFO', got, outcome, c.why);
  if (c.documented === 'refusal' && outcome.kind === 'error') return finish(c, 'INFO', got, outcome, c.why);
  const note =
    c.documented === 'refusal'
      ? `The docs say this request is refused. ${c.why ?? ''}`.trim()
      : `The docs say: ${describeExpectation(c)}.`;
  return finish(c, 'FAIL', got, outcome, note);
}

/** 'yes' or 'no' when the answer is one of the probe's two; otherwise nothing is settled. */
export function settingValue(c: ProbeCase, outcome: Outcome | undefined): SettingValue {
  if (outcome === undefined) return 'unknown';
  if (matches(c.finds.yes.answer, outcome)) return 'yes';
  if (matches(c.finds.no.answer, outcome)) return 'no';
  return 'unknown';
}

/** Either of a probe's answers, or another ErrorCode, is INFO; no answer or a non-JSON one FAILs as anywhere. */
function judgeProbe(c: ProbeCase, outcome: Outcome): CaseResult {
  const value = settingValue(c, outcome);
  const said = describe(outcome);
  if (value !== 'unknown') return finish(c, 'INFO', `${said}: ${c.finds[value].means}`, outcome, c.why);
  const neither = `neither ${plainExpectation(c.finds.yes.answer)} nor ${plainExpectation(c.finds.no.answer)}`;
  if (outcome.kind === 'error') return finish(c, 'INFO', `${said}: ${neither}`, outcome, c.why);
  return finish(c, 'FAIL', said, outcome, NOT_JSON);
}

function findingOf(c: ProbeCase, results: readonly CaseResult[]): Finding {
  const result = results.find((r) => r.id === c.id);
  const base = { caseId: c.id, setting: c.finds.setting, value: 'unknown' } as const;
  if (result === undefined) return { ...base, status: 'not-run' };
  if (result.result === 'SKIP') return { ...base, status: 'skipped' };
  // A probe whose first push failed has no outcome: unknown, and `got` says why.
  return { ...base, value: settingValue(c, result.outcome), status: 'checked', got: result.got };
}

function finish(c: ConformanceCase, result: Verdict, got: string, outcome?: Outcome, note?: string): CaseResult {
  return {
    id: c.id,
    title: c.title,
    endpoint: c.endpoint,
    result,
    expected: describeExpectation(c),
    got,
    ...(note === undefined ? {} : { note }),
    ...(outcome === undefined ? {} : { outcome }),
  };
}

async function post(
  fetchImpl: typeof fetch,
  url: string,
  body: Record<string, unknown> | string,
  timeoutMs: number,
  scrub: (text: string) => string,
): Promise<Outcome> {
  let status: number;
  let text: string;
  let location: string | null;
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      // A redirected POST may come back as a GET: report the redirect instead of following it.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    status = response.status;
    location = response.headers.get('location');
    // Read like the kiosk reads it (#19): up to 64 KiB, so an endless answer cannot take the runner down.
    const read = await readBoundedBody(response, MAX_ANSWER_BYTES);
    text = read.kind === 'ok' ? read.text : `(an answer over ${MAX_ANSWER_BYTES / 1024} KiB, not read)`;
  } catch (error) {
    return { kind: 'no-answer', reason: scrub(networkReason(error, timeoutMs)) };
  }
  const redirect = status >= 300 && status < 400 && location !== null ? `redirect to ${location} ` : '';
  // Scrubbed before it is cut to 80 characters, so no part of the token can survive the cut.
  return classify(status, text, (raw) => scrub(`${redirect}${raw}`));
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `nothing within ${timeoutMs / 1000} s`;
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    const code = cause instanceof Error ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
    return code === undefined ? error.message : `${error.message} (${code})`;
  }
  return String(error);
}

/**
 * ErrorCode in the body, whatever the HTTP status; then the documented success bodies (with a 2xx status, as
 * the kiosk's own client requires); anything else is unexpected.
 */
export function classify(status: number, text: string, clean: (text: string) => string = (t) => t): Outcome {
  const json = parseJson(text);
  if (isObject(json)) {
    const code = errorCodeOf(json.ErrorCode);
    if (code !== undefined) return { kind: 'error', status, code };
    if (status >= 200 && status < 300) {
      if (json.status === 'success' && typeof json.reference_id === 'string' && json.reference_id !== '')
        return { kind: 'success', status, referenceId: json.reference_id };
      if (Array.isArray(json.data) && json.data.every(isStatsRow)) return { kind: 'stats', status };
    }
  }
  return { kind: 'unexpected', status, text: snippet(clean(text)) };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number, or the same written as digits (a PHP controller may send either). */
function errorCodeOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function isStatsRow(row: unknown): boolean {
  return (
    isObject(row) &&
    typeof row.type === 'string' &&
    typeof row.zone === 'string' &&
    typeof row.total === 'string' &&
    /^\d+$/.test(row.total)
  );
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return '(empty body)';
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat;
}
