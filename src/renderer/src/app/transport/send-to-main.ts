import type { ChannelName, ChannelResult, RequestOf } from '../../../../shared/contract';
import { problemMessage } from '../../../../shared/errors/problems';
import { kiosk } from './kiosk';

/** `send` already turns failures into results; this also covers an API that throws, so no in-flight flag sticks. */
export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ChannelResult<C>> {
  try {
    return await kiosk.send(channel, request);
  } catch {
    const problem = { code: 'kiosk-service-silent' } as const;
    return { ok: false, error: { code: 'unreachable', problem, message: problemMessage(problem) } };
  }
}
