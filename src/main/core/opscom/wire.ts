import { z } from 'zod';
import { centsToAmountString } from '../../../shared/money';
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

export const SuccessBodySchema = z.object({
  status: z.literal('success'),
  reference_id: z.string().min(1),
  InternalReferenceID: z.string().optional(),
});

export const StatsBodySchema = z.object({
  data: z.array(
    z.object({
      type: z.string(),
      zone: z.string(),
      total: z.string().regex(/^\d+$/),
    }),
  ),
});

export const ErrorBodySchema = z.object({
  ErrorCode: z.coerce.number().int(),
  ErrorMessage: z.string().optional(),
});

export interface StatsRow {
  type: string;
  zone: string;
  total: number;
}
