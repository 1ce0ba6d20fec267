/** What each OPSCOM endpoint does with a parsed body: validate, then act on the store. No HTTP here. */
import type { ErrorCode } from './errors';
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

export interface SuccessBody {
  status: 'success';
  reference_id: string;
  InternalReferenceID: string;
}
export interface StatsBody {
  data: StatsRow[];
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
function success(referenceId: string): ApiOutcome {
  return { ok: true, body: { status: 'success', reference_id: referenceId, InternalReferenceID: referenceId } };
}

export function isApiAction(name: string): name is ApiAction {
  return (API_ACTIONS as readonly string[]).includes(name);
}

/** Order of checks: a JSON object (9003), then the token (9001/9002), then the endpoint's own fields. */
export function handleApi(action: ApiAction, body: unknown, ctx: ControllerContext): ApiOutcome {
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
      return success(ctx.store.push(input.value).referenceId);
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
      return success(id.value);
    }
    case 'delete': {
      const id = checkReferenceId(body);
      if (!id.ok) return failure(id.code);
      if (ctx.store.delete(id.value) === undefined) return failure(9009);
      return success(id.value);
    }
    case 'stats': {
      const zones = checkStatsZones(body);
      if (!zones.ok) return failure(zones.code);
      return { ok: true, body: { data: ctx.store.stats(zones.value, ctx.statsCounts) } };
    }
  }
}
