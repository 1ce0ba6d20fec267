import { z } from 'zod';
import { ProblemSchema } from '../errors/kiosk-error';
import { PermitValuesSchema, UnreachableCopySchema } from '../permits/permit';
import { StorageStatusSchema } from '../storage/storage-status';

/**
 * What a supervisor does in OPSCOM's portal for a permit on the reconciliation list:
 * - remove-extra-copies: the kiosk keeps its own copy right; the unreachable copies are extra;
 * - remove-all-copies: the permit was cancelled, so every copy left in OPSCOM must go;
 * - update-held-copy: OPSCOM's only copy cannot be reached; change it to what the driver paid for;
 * - keep-held-copy: OPSCOM's copy matches, but later changes to it must be made in the portal;
 * - check-after-discard: a change OPSCOM refused was discarded; check OPSCOM's copy says what the kiosk shows.
 */
export const ReconcileInstructionSchema = z.enum([
  'remove-extra-copies',
  'remove-all-copies',
  'update-held-copy',
  'keep-held-copy',
  'check-after-discard',
]);
export type ReconcileInstruction = z.infer<typeof ReconcileInstructionSchema>;

/** One permit whose state in OPSCOM the kiosk cannot vouch for. */
export const ReconcileEntrySchema = z.object({
  ticketNumber: z.string(),
  status: z.enum(['active', 'cancelled']),
  /** What the driver paid for: the kiosk's current values of the permit. */
  intended: PermitValuesSchema,
  references: z.array(z.string()),
  copies: z.array(UnreachableCopySchema),
  heldWithoutReference: z.boolean(),
  /** True when OPSCOM's unreachable copies no longer say what the driver paid for: a supervisor must act. */
  needsAttention: z.boolean(),
  instruction: ReconcileInstructionSchema,
  /** When the first unreachable copy was sent. */
  since: z.iso.datetime(),
  /** The last time a supervisor cleared this permit, if ever. */
  lastCleared: z.object({ at: z.iso.datetime(), by: z.string().nullable() }).nullable(),
});
export type ReconcileEntry = z.infer<typeof ReconcileEntrySchema>;

/** What the status bar shows: is OPSCOM reachable, and what is still to send. */
export const OutboxStatusSchema = z.object({
  connection: z.enum(['online', 'offline', 'unknown']),
  waiting: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
  /** When the oldest action still waiting was taken; null when nothing waits. */
  oldestWaitingSince: z.iso.datetime().nullable(),
  /** Set when OPSCOM refused the kiosk's credentials: nothing is sent until a supervisor fixes them. */
  paused: z.object({ problem: ProblemSchema }).nullable(),
  /** Permits on the reconciliation list: OPSCOM may hold copies the kiosk cannot reach. */
  reconcile: z.number().int().nonnegative(),
  /** The kiosk's own disk (#19); absent or null where the core does not watch it. */
  storage: StorageStatusSchema.nullable().optional(),
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
  lastProblem: ProblemSchema.nullable(),
  lastAttemptAt: z.iso.datetime().nullable(),
  /** Sent before without a recorded answer: OPSCOM may hold it already. */
  possibleDuplicate: z.boolean(),
  /** Copies of this permit OPSCOM may hold that the kiosk cannot reach. */
  unreachableCopies: z.array(UnreachableCopySchema),
  /** An update that corrects the plate after the sale (its kind says `extend`: it is an update to OPSCOM). */
  fixesPlate: z.boolean().optional(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;
