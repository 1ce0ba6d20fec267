import {
  channels,
  events,
  resultSchema,
  type ChannelName,
  type ChannelResult,
  type EventName,
  type EventPayload,
  type RequestOf,
} from './contract';
import type { KioskError } from './errors/kiosk-error';
import { problemMessage, type Problem } from './errors/problems';

/** How a renderer reaches main: Electron IPC in the app, the loopback HTTP bridge in the browser station. */
export interface KioskTransport {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The whole renderer-facing API, typed from the contract (in the style of `send<K extends keyof Handlers>`). */
export interface KioskApi {
  send<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ChannelResult<C>>;
  /** Returns the function that removes this listener. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createKioskApi(transport: KioskTransport): KioskApi {
  return {
    async send(channel, request) {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, request);
      } catch {
        return { ok: false, error: pageError('unreachable', { code: 'kiosk-service-silent' }) };
      }
      const parsed = resultSchema(channels[channel].response).safeParse(raw);
      if (!parsed.success) {
        return { ok: false, error: pageError('internal', { code: 'answer-off-contract' }) };
      }
      return parsed.data as ChannelResult<typeof channel>;
    },
    on(event, listener) {
      return transport.subscribe(event, (payload) => {
        const parsed = events[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}

/** A failure the page raises itself, worded like main's: a problem the screen translates. */
function pageError(code: KioskError['code'], problem: Problem): KioskError {
  return { code, problem, message: problemMessage(problem) };
}
