/** What each OPSCOM endpoint does with a parsed body: validate, then act on the store. No HTTP here. */
import type { ErrorCode } from './errors';
import type { AnswerStyle } from './faults';
import type { PermitStore, StatsCounts, StatsRow } from './store';
import {
  checkPush,
  checkReferenceId,
  checkStatsZones,
  checkToken,
  checkUpdate,
  isRequestBody,
  isTimeAfter,
} from './validation';

export const API_ACTIONS = ['push', 'update', 'delete', 'stats'] as const;
export type ApiAction = (typeof API_ACTIONS)[number];

/** The documented success body, and the undocumented variants an answer-style fault asks for. */
export interface SuccessBody {
  /** 'SUCCESS' under success-variant. */
  status: 'success' | 'SUCCESS';
  /** Left out under reference-internal-only; a number under reference-number. */
  reference_id?: string | number;
  /** A number under reference-number. */
  InternalReferenceID: string | number;
  /** Only under success-variant: a field the vendor page does not list. */
  message?: string;
}
export interface StatsBody {
  /** `total` is a string as documented, a number under totals-number. */
  data: Array<Omit<StatsRow, 'total'> & { total: string | number }>;
}
export type ApiOutcome = { ok: true; body: SuccessBody | StatsBody } | { ok: false; code: ErrorCode };

export interface ControllerContext {
  store: PermitStore;
  tokens: ReadonlySet<string>;
  statsCounts: StatsCounts;
  rejectDuplicatePermitNo: boolean;
}

const failure = (code: ErrorCode): ApiOutcome => ({ ok: false, code });

/** OPSCOM returns the same id under both names; the sandbox has one id per permit. */
function success(referenceId: string, style: AnswerStyle | undefined): ApiOutcome {
  const id = style === 'reference-number' && isNumericReference(referenceId) ? Number(referenceId) : referenceId;
  switch (style) {
    case 'reference-internal-only':
      return { ok: true, body: { status: 'success', InternalReferenceID: id } };
    case 'success-variant':
      return { ok: true, body: { status: 'SUCCESS', reference_id: id, InternalReferenceID: id, message: 'Saved.' } };
    default:
      return { ok: true, body: { status: 'success', reference_id: id, InternalReferenceID: id } };
  }
}

/** Digits that read back as the same safe integer (no leading zero), so a JSON number carries them exactly. */
function isNumericReference(referenceId: string): boolean {
  return /^[1-9]\d*$/.test(referenceId) && Number.isSafeInteger(Number(referenceId));
}

export function isApiAction(name: string): name is ApiAction {
  return (API_ACTIONS as readonly string[]).includes(name);
}

/**
 * Order of checks: a JSON object (9003), then the token (9001/9002), then the endpoint's own fields.
 * `style` (an answer-style fault) changes only how a success is worded, and for reference-number how push
 * makes its id; what is checked and stored is the same.
 */
export function handleApi(action: ApiAction, body: unknown, ctx: ControllerContext, style?: AnswerStyle): ApiOutcome {
  if (!isRequestBody(body)) return failure(9003);
  const token = checkToken(body, ctx.tokens);
  if (!token.ok) return failure(token.code);

  switch (action) {
    case 'push': {
      const input = checkPush(body);
      if (!input.ok) return failure(input.code);
      if (
        ctx.rejectDuplicatePermitNo &&
        input.value.permitNo !== null &&
        ctx.store.hasLivePermitNo(input.value.permitNo)
      )
        return failure(9022);
      const reference = style === 'reference-number' ? 'number' : 'uuid';
      return success(ctx.store.push(input.value, reference).referenceId, style);
    }
    case 'update': {
      const id = checkReferenceId(body);
      if (!id.ok) return failure(id.code);
      const existing = ctx.store.findLive(id.value);
      if (existing === undefined) return failure(9009);
      const changes = checkUpdate(body);
      if (!changes.ok) return failure(changes.code);
      if (changes.value.endTime !== undefined && !isTimeAfter(changes.value.endTime, existing.startTime))
        return failure(9005);
      ctx.store.update(id.value, changes.value);
      return success(id.value, style);
    }
    case 'delete': {
      const id = checkReferenceId(body);
      if (!id.ok) return failure(id.code);
      if (ctx.store.delete(id.value) === undefined) return failure(9009);
      return success(id.value, style);
    }
    case 'stats': {
      const zones = checkStatsZones(body);
      if (!zones.ok) return failure(zones.code);
      const rows = ctx.store.stats(zones.value, ctx.statsCounts);
      const data = style === 'totals-number' ? rows.map((row) => ({ ...row, total: Number(row.total) })) : rows;
      return { ok: true, body: { data } };
    }
  }
}
