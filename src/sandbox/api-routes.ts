/** The documented OPSCOM API (`POST /api/OC-TOMA/v1/permits/<action>`), answered as the controller would. */
import { handleApi, isApiAction, type ApiAction } from './controller';
import { errorBody, httpStatusFor, type ErrorCode } from './errors';
import type { AnswerStyle } from './faults';
import type { ParsedBody, ReadBody, Reply } from './http-io';
import type { SandboxState } from './state';

const API_PREFIX = '/api/OC-TOMA/v1/permits/';

/** The API action a path names, or undefined when it names none. */
export function apiAction(path: string): ApiAction | undefined {
  const action = path.startsWith(API_PREFIX) ? path.slice(API_PREFIX.length) : '';
  return isApiAction(action) ? action : undefined;
}

/** A controller error, with the HTTP status or 200 as the sandbox's `errorStatus` says. */
function errorReply(state: SandboxState, code: ErrorCode): Reply {
  return { status: state.settings.errorStatus === 200 ? 200 : httpStatusFor(code), body: errorBody(code) };
}

/**
 * 404/405/413 are fixed whatever `errorStatus` says: they come from the web-server layer (wrong path, wrong
 * method, body too big) before the controller runs, so only controller errors follow the chosen style.
 */
export function answerApi(
  state: SandboxState,
  method: string,
  action: ApiAction | undefined,
  read: ReadBody,
  parsed: ParsedBody,
  style?: AnswerStyle,
): Reply {
  if (action === undefined) return { status: 404, body: errorBody(9003) };
  if (method !== 'POST') return { status: 405, body: errorBody(9003), headers: { allow: 'POST' } };
  if (read.tooLarge) return { status: 413, body: errorBody(9003) };
  if (!parsed.ok) return errorReply(state, 9003);
  const outcome = handleApi(action, parsed.value, state.controller, style);
  return outcome.ok ? { status: 200, body: outcome.body } : errorReply(state, outcome.code);
}
