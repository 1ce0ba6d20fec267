import { z } from 'zod';
import { ProblemSchema } from '../errors/kiosk-error';

/** What a permit says: the values a push or update sends. Times are UTC instants; money is integer cents. */
export const PermitValuesSchema = z.object({
  plate: z.string(),
  zone: z.string(),
  startAt: z.iso.datetime(),
  endAt: z.iso.datetime(),
  amountCents: z.number().int().nonnegative(),
  currency: z.string(),
});
export type PermitValuesView = z.infer<typeof PermitValuesSchema>;

/**
 * A copy of a permit that OPSCOM may hold and the kiosk cannot reach: an attempt whose answer was unclear, so
 * its reference was never learned. It says what was sent, for a supervisor to find it in OPSCOM's portal.
 */
export const UnreachableCopySchema = PermitValuesSchema.extend({
  sentAt: z.iso.datetime(),
  /** Why the answer was unclear: timeout, connection-lost, server-error, busy, unreadable, unexpected-status,
   * unauthorised, or restart (the kiosk stopped before the answer was recorded). */
  why: z.string(),
});
export type UnreachableCopy = z.infer<typeof UnreachableCopySchema>;

/** none: the kiosk vouches for OPSCOM's copy; listed: on the reconciliation list; attention: a supervisor must act. */
export const ReconcileStateSchema = z.enum(['none', 'listed', 'attention']);

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
  /** Why it needs attention, when it does. */
  syncProblem: ProblemSchema.nullable(),
  /** Every reference OPSCOM returned for this permit: extends and cancels go to each. */
  references: z.array(z.string()),
  /** Copies OPSCOM may hold that the kiosk cannot reach ("OPSCOM may hold N extra copies"). */
  unreachableCopies: z.array(UnreachableCopySchema),
  /** OPSCOM holds this permit (it answered 9022 to a resend) but never gave the kiosk its reference. */
  heldWithoutReference: z.boolean(),
  reconcile: ReconcileStateSchema,
  /** The plate it was sold with, when an attendant corrected it after the sale (the receipt says so). */
  plateCorrectedFrom: z.string().optional(),
});
export type Permit = z.infer<typeof PermitSchema>;

export type SyncState = Permit['sync'];

/** How many recent plates the Issue screen offers: one row of one-tap buttons. */
export const RECENT_PLATES_SHOWN = 6;
/** What the Issue screen starts from after a restart: the zone and duration last chosen, and recent plates. */
export const IssueChoicesSchema = z.object({
  zone: z.string().nullable(),
  minutes: z.number().int().positive().nullable(),
  recentPlates: z.array(z.string()).max(RECENT_PLATES_SHOWN),
});
export type IssueChoices = z.infer<typeof IssueChoicesSchema>;
