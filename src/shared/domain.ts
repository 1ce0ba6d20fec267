import { z } from 'zod';

/** What the renderer may know about a permit. Times are UTC instants; money is integer cents. */
export const PermitSchema = z.object({
  ticketNumber: z.string(),
  plate: z.string(),
  zone: z.string(),
  startAt: z.iso.datetime(),
  endAt: z.iso.datetime(),
  amountCents: z.number().int().nonnegative(),
  currency: z.string(),
  referenceId: z.string().nullable(),
  status: z.enum(['active', 'cancelled']),
  issuedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Goes up with every change to this permit, including its sync state: the higher copy is the newer. */
  revision: z.number().int().nonnegative(),
  /** sent: OPSCOM has everything; waiting: in the outbox; attention: an action was refused and needs a person. */
  sync: z.enum(['sent', 'waiting', 'attention']),
  syncMessage: z.string().nullable(),
});
export type Permit = z.infer<typeof PermitSchema>;
export type SyncState = Permit['sync'];

/** What the status bar shows: is OPSCOM reachable, and what is still to send. */
export const OutboxStatusSchema = z.object({
  connection: z.enum(['online', 'offline', 'unknown']),
  waiting: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
  /** When the oldest action still waiting was taken; null when nothing waits. */
  oldestWaitingSince: z.iso.datetime().nullable(),
  /** Set when OPSCOM refused the kiosk's credentials: nothing is sent until a supervisor fixes them. */
  paused: z.object({ reason: z.string() }).nullable(),
});
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

export const OutboxItemSchema = z.object({
  actionId: z.string(),
  ticketNumber: z.string(),
  plate: z.string(),
  zone: z.string(),
  kind: z.enum(['issue', 'extend', 'cancel']),
  state: z.enum(['waiting', 'sending', 'attention']),
  takenAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** Sent before without a recorded answer: OPSCOM may hold it already. */
  possibleDuplicate: z.boolean(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export const DurationPriceSchema = z.object({
  minutes: z.number().int().positive(),
  cents: z.number().int().nonnegative(),
});

export const ZoneOfferSchema = z.object({
  name: z.string(),
  currency: z.string(),
  presets: z.array(DurationPriceSchema),
});
export type ZoneOffer = z.infer<typeof ZoneOfferSchema>;

export const KioskInfoSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  demoMode: z.boolean(),
  /** Only the host is shown; the token never leaves main. */
  controllerHost: z.string(),
  zones: z.array(ZoneOfferSchema),
  extendMinutes: z.number().int().positive(),
});
export type KioskInfo = z.infer<typeof KioskInfoSchema>;

export const ConnectionStateSchema = z.object({
  state: z.enum(['online', 'offline', 'unknown']),
  detail: z.string().nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

/**
 * A failure the UI can show as it is: `message` is plain words for an attendant; `field` names the input
 * to fix, when there is one.
 */
export const KioskErrorSchema = z.object({
  code: z.enum([
    'invalid-request',
    'unknown-channel',
    'rejected',
    'unauthorised',
    'not-found',
    'duplicate',
    'unreachable',
    'not-active',
    'not-allowed',
    'internal',
  ]),
  message: z.string(),
  field: z.string().optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;
export type KioskErrorCode = KioskError['code'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };
