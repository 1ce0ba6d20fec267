import { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/contract';
import type { KioskError, Result } from '../../../shared/errors/kiosk-error';
import { isProblemCode, problemMessage, type Problem } from '../../../shared/errors/problems';
import { KioskFailure } from './failure';
import type { Logger } from '../host/log';
import { StoreDamagedError } from '../storage/kiosk-store';
import { classifyStorageError, STORAGE_PROBLEMS, wasRecorded, type StorageHealth } from '../storage/storage-health';

export type Handlers = {
  [C in ChannelName]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export type Dispatch = (channel: unknown, rawRequest: unknown) => Promise<Result<unknown>>;

/**
 * The single entry for every renderer call, whatever carried it (IPC or the station bridge): the channel must
 * be in the contract and the request must pass its schema before any handler sees it.
 */
export function createDispatcher(
  handlers: Handlers,
  log: Logger,
  /** A storage error no store turned into its failure is still worded as one, and counted (#19). */
  storage?: Pick<StorageHealth, 'recordFault'>,
): Dispatch {
  return async (channel, rawRequest) => {
    if (!isChannelName(channel)) return failure('unknown-channel', { code: 'unknown-channel' });
    const parsed = channels[channel].request.safeParse(rawRequest ?? {});
    if (!parsed.success) return describeInvalid(parsed.error);
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof KioskFailure) return { ok: false, error: error.error };
      // A row that fails its checksum while the kiosk runs: the disk is failing under it.
      const fault = storage
        ? error instanceof StoreDamagedError
          ? 'disk-failing'
          : classifyStorageError(error)
        : null;
      if (storage && fault) {
        log.error(`The disk refused a write in ${channel} (${fault})`, error);
        if (!wasRecorded(error)) storage.recordFault(fault);
        return failure('storage', { code: STORAGE_PROBLEMS[fault] });
      }
      log.error(`Unexpected failure in ${channel}`, error);
      return failure('internal', { code: 'internal' });
    }
  };
}

function failure(code: KioskError['code'], problem: Problem, field?: string): Result<never> {
  const error: KioskError = { code, problem, message: problemMessage(problem) };
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}

/**
 * The first problem, as the schema's own code where it gave one ('pin-format'), and the field it concerns. Zod's
 * generic words ("Invalid input") are not the kiosk's: those become "check this field".
 */
function describeInvalid(error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  if (issue?.code === 'unrecognized_keys') {
    return failure('invalid-request', { code: 'unknown-fields', params: { fields: issue.keys.join(', ') } }, field);
  }
  const problem: Problem = isProblemCode(issue?.message)
    ? { code: issue.message }
    : { code: 'invalid-field', params: { field: field ?? 'request' } };
  return failure('invalid-request', problem, field);
}
