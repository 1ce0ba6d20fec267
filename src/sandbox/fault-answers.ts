/**
 * An API request as the active faults would have it: delayed, never answered, reset, answered with something
 * else, or handled and stored with the answer then going wrong (store-then-*). Every request is logged with
 * the status it got or, for store-then-*, the one it earned. Which fault fires is faults.ts's call.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { answerApi, apiAction } from './api-routes';
import type { FaultDecision } from './faults';
import { JSON_HEADERS, parseJson, send, sendText, type ReadBody } from './http-io';
import { loggedBody } from './request-log';
import type { SandboxState } from './state';

const NO_FAULT: FaultDecision = { delayMs: 0, action: { type: 'none' }, label: null };

export async function answerWithFaults(
  state: SandboxState,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  path: string,
  read: ReadBody,
): Promise<void> {
  const action = apiAction(path);
  const fault = action === undefined ? NO_FAULT : state.faults.decide(action);
  // The request is handled even if the client gives up meanwhile, as a slow server would.
  if (fault.delayMs > 0) await sleep(fault.delayMs, undefined, { signal: state.closed });
  const parsed = parseJson(read);
  const record = (status: number | null, response: unknown): void => {
    state.log.add({
      at: state.now().toISOString(),
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
      const reply = answerApi(state, method, action, read, parsed);
      record(reply.status, reply.body);
      req.socket.destroy();
      return;
    }
    case 'store-then-reset': {
      const reply = answerApi(state, method, action, read, parsed);
      record(reply.status, reply.body);
      if (!req.socket.destroyed) req.socket.resetAndDestroy();
      return;
    }
    case 'store-then-hang': {
      const reply = answerApi(state, method, action, read, parsed);
      record(reply.status, reply.body);
      if (fault.action.lateMs === null) return;
      // close() cuts the wait short (the abort lands in the server's catch, which ends the connection).
      await sleep(fault.action.lateMs, undefined, { signal: state.closed });
      // A client that gave up meanwhile gets nothing; writing to its closed socket would only raise errors.
      if (!res.destroyed && !req.socket.destroyed) send(res, reply);
      return;
    }
    case 'store-then-truncate': {
      const reply = answerApi(state, method, action, read, parsed);
      record(reply.status, reply.body);
      // Half of a JSON object always lacks its closing brace, so the body can never parse.
      const text = JSON.stringify(reply.body);
      sendText(res, reply.status, { ...JSON_HEADERS, ...reply.headers }, text.slice(0, Math.floor(text.length / 2)));
      return;
    }
    case 'store-then-reply': {
      const reply = answerApi(state, method, action, read, parsed);
      record(reply.status, reply.body);
      sendText(res, fault.action.status, fault.action.headers, fault.action.text);
      return;
    }
    case 'answer-style':
    case 'none': {
      const style = fault.action.type === 'answer-style' ? fault.action.style : undefined;
      const reply = answerApi(state, method, action, read, parsed, style);
      record(reply.status, reply.body);
      send(res, reply);
    }
  }
}
