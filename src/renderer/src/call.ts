import type { ChannelName, ChannelResult, RequestOf } from '../../shared/contract';
import { kiosk } from './kiosk';

/** `send` already turns failures into results; this also covers an API that throws, so no in-flight flag sticks. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ChannelResult<C>> {
  try {
    return await kiosk.send(channel, request);
  } catch {
    return {
      ok: false,
      error: { code: 'unreachable', message: 'The kiosk service is not answering. Try again in a moment.' },
    };
  }
}
