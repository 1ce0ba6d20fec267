import { z } from 'zod';
import { centsToAmountString } from '../../../shared/money/money';
import { boundForeignText } from '../../../shared/text';
import { toOpscomTime, type OpscomTimeMode } from '../../../shared/time';

/**
 * The documented request and response shapes, with the canonical field names from the vendor's examples.
 * Building bodies here keeps the client free of field-name strings.
 */
export const OPSCOM_PATHS = {
  push: '/api/OC-TOMA/v1/permits/push',
  update: '/api/OC-TOMA/v1/permits/update',
  delete: '/api/OC-TOMA/v1/permits/delete',
  stats: '/api/OC-TOMA/v1/permits/stats',
} as const;
export type OpscomEndpoint = keyof typeof OPSCOM_PATHS;

export interface PushPermit {
  plate: string;
  startAt: string;
  endAt: string;
  amountCents?: number;
  currency?: string;
  permitNo?: string;
  zone?: string;
}

export interface UpdatePermit {
  referenceId: string;
  endAt?: string;
  plate?: string;
  amountCents?: number;
  currency?: string;
}

type Body = Record<string, string>;

export function pushBody(apiToken: string, permit: PushPermit, timeMode: OpscomTimeMode): Body {
  const body: Body = {
    apiToken,
    LicencePlate: permit.plate,
    startTime: toOpscomTime(permit.startAt, timeMode),
    endTime: toOpscomTime(permit.endAt, timeMode),
  };
  if (permit.amountCents !== undefined) body.Amount = centsToAmountString(permit.amountCents);
  if (permit.currency !== undefined) body.CurrencyID = permit.currency;
  if (permit.permitNo !== undefined) body.permitNo = permit.permitNo;
  if (permit.zone !== undefined) body.zone = permit.zone;
  return body;
}

export function updateBody(apiToken: string, update: UpdatePermit, timeMode: OpscomTimeMode): Body {
  const body: Body = { apiToken, referenceID: update.referenceId };
  if (update.plate !== undefined) body.plate = update.plate;
  if (update.amountCents !== undefined) body.Amount = centsToAmountString(update.amountCents);
  if (update.currency !== undefined) body.currency = update.currency;
  if (update.endAt !== undefined) body.endTime = toOpscomTime(update.endAt, timeMode);
  return body;
}

export function deleteBody(apiToken: string, referenceId: string): Body {
  return { apiToken, referenceID: referenceId };
}

export function statsBody(apiToken: string, zones?: readonly string[]): Body {
  return zones && zones.length > 0 ? { apiToken, zones: zones.join(',') } : { apiToken };
}

/** The documented limits of a reference id: up to 50 letters, digits and dashes. */
export const REFERENCE_PATTERN = /^[A-Za-z0-9-]{1,50}$/;

/**
 * Reference fields that arrive as whole JSON numbers are turned into strings before parsing, digit for digit:
 * `JSON.parse` would round a number past 2^53, and a rounded reference points at someone else's permit. Any other
 * number (1e5, 1.5, -3) stays a number, which no reference is: the answer is then unreadable, "may be stored".
 */
const NUMERIC_REFERENCE = /("(?:reference_id|InternalReferenceID)"\s*:\s*)(\d+)(?=\s*[,}])/g;

export function parseOpscomJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(NUMERIC_REFERENCE, '$1"$2"'));
  } catch {
    return undefined;
  }
}

const Status = z
  .string()
  .refine((status) => status.toLowerCase() === 'success')
  .optional();
const Reference = z.string().regex(REFERENCE_PATTERN);

/**
 * A success of push, update or delete. The reference comes from `reference_id`, else `InternalReferenceID`;
 * `status` may be missing or in any case; undocumented extra fields are ignored. Push needs a reference to
 * count as success (it is the only way to reach the permit later); update and delete already know theirs.
 */
export const SuccessBodySchema = z
  .object({
    status: Status,
    reference_id: Reference.optional().catch(undefined),
    InternalReferenceID: Reference.optional().catch(undefined),
  })
  .transform((body) => ({ status: body.status, referenceId: body.reference_id ?? body.InternalReferenceID }))
  .refine((body) => body.status !== undefined || body.referenceId !== undefined);

export const PushSuccessBodySchema = SuccessBodySchema.refine((body) => body.referenceId !== undefined);

/** `total` is documented as a string of digits; some controllers send a plain number. */
const Total = z.union([z.string().regex(/^\d+$/).transform(Number), z.number().int().nonnegative()]);

/** A zone or permit type as OPSCOM names it: shown on the Occupancy screen, so cleaned and cut like its messages. */
const StatsName = z.string().transform((name) => boundForeignText(name, 200));

export const StatsBodySchema = z.object({
  data: z.array(z.object({ type: StatsName, zone: StatsName, total: Total })),
});

/**
 * An error answer: `ErrorCode` a whole number (or its digits as a string), never 0, "" or null, which some
 * servers put beside a success. Whether the code is one OPSCOM documents is the client's question.
 */
export const ErrorBodySchema = z.object({
  ErrorCode: z.union([
    z.number().int().positive(),
    z
      .string()
      .regex(/^[1-9]\d{0,8}$/)
      .transform(Number),
  ]),
  ErrorMessage: z.string().optional().catch(undefined),
});

export interface StatsRow {
  type: string;
  zone: string;
  total: number;
}
