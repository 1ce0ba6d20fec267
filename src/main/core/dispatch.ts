import { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../shared/contract';
import type { KioskError, Result } from '../../shared/domain';
import { KioskFailure } from './failure';
import type { Logger } from './log';

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export type Dispatch = (channel: unknown, rawRequest: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every renderer call, whatever carried it (IPC or the station bridge): the channel must
 * be in the contract and the request must pass its schema before any handler sees it.
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawRequest) => {
    if (!isChannelName(channel)) {
      return failure({ code: 'unknown-channel', message: 'The kiosk does not know that action.' });
    }
    const parsed = channels[channel].request.safeParse(rawRequest ?? {});
    if (!parsed.success) return failure(describeInvalid(parsed.error));
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof KioskFailure) return failure(error.error);
      log.error(`Unexpected failure in ${channel}`, error);
      return failure({ code: 'internal', message: 'Something went wrong inside the kiosk. Please try again.' });
    }
  };
}

function failure(error: KioskError): Result<never> {
  return { ok: false, error };
}

/** The first problem, in the words the schema gave it, and the field it concerns. */
function describeInvalid(error: z.ZodError): KioskError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message =
    issue?.code === 'unrecognized_keys'
      ? `The request has fields the kiosk does not accept: ${issue.keys.join(', ')}.`
      : (issue?.message ?? 'The request is not valid.');
  return field === undefined ? { code: 'invalid-request', message } : { code: 'invalid-request', message, field };
}
