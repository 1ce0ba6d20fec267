import type { ChannelName, ChannelResult, RequestOf } from '../../../../shared/contract';
import { problemMessage } from '../../../../shared/errors/problems';
import { kiosk } from './kiosk';

/**
 * Sends one request to main and resolves to its answer. `kiosk.send` already turns failures into results; this
 * also turns an API that throws into an `unreachable` result, so no in-flight flag sticks.
 */
export async function sendToMain<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ChannelResult<C>> {
  try {
    return await kiosk.send(channel, request);
  } catch {
    const problem = { code: 'kiosk-service-silent' } as const;
    return { ok: false, error: { code: 'unreachable', problem, message: problemMessage(problem) } };
  }
}
