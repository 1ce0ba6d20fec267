import { z } from 'zod';
import { REGION_CODES } from './plate-formats';
import { PROBLEM_CODES, type ProblemCode } from './problems';
import { freeText } from './text';

/** A failure or a state main reports, as a code with parameters; the page words it (src/shared/problems.ts). */
export const ProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES as [ProblemCode, ...ProblemCode[]]),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

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
export type SyncState = Permit['sync'];

/** A fault of the kiosk's own disk, as `classifyStorageError` names it (#19). */
export const StorageFaultSchema = z.enum(['disk-full', 'disk-failing', 'disk-read-only']);
export type StorageFault = z.infer<typeof StorageFaultSchema>;

/**
 * The kiosk's disk as the status bar shows it (#19). `low`: below the warning line, a supervisor should free space;
 * `full`: below the floor (or a write failed for lack of space), so new sales are refused while waiting ones are
 * still delivered; `failing` and `read-only`: a write failed that way and no write has succeeded since.
 */
export const StorageStatusSchema = z.object({
  state: z.enum(['ok', 'low', 'full', 'failing', 'read-only']),
  /** Free space for the kiosk's user in the data folder; null when the system cannot say. */
  freeBytes: z.number().int().nonnegative().nullable(),
  /** The last storage fault since the kiosk started, even once it cleared, and when it happened. */
  lastFault: StorageFaultSchema.nullable(),
  lastFaultAt: z.iso.datetime().nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatusSchema>;

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

/** A region of the plate check (src/shared/plate-formats.ts), e.g. ON or QC. */
export const RegionCodeSchema = z.enum(REGION_CODES, { error: 'home-region-unknown' });
/** The receipt printer's paper roll: the common thermal widths. */
export const RECEIPT_WIDTHS = ['80mm', '58mm'] as const;
export const ReceiptWidthSchema = z.enum(RECEIPT_WIDTHS, { error: 'receipt-width-unknown' });
export type ReceiptWidth = z.infer<typeof ReceiptWidthSchema>;

export const KioskInfoSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  demoMode: z.boolean(),
  /** Only the host is shown; the token never leaves main. */
  controllerHost: z.string(),
  zones: z.array(ZoneOfferSchema),
  extendMinutes: z.number().int().positive(),
  language: z.enum(['en-CA', 'fr-CA']),
  /** After this long without a touch the kiosk goes back to the Issue screen and clears a half-typed plate. */
  idleResetSeconds: z.number().int().nonnegative(),
  /** not-set: a supervisor must choose the admin PIN before anything is sold; demo: the known demo PIN. */
  adminPin: z.enum(['set', 'not-set', 'demo']),
  /** The regions whose standard plates the Issue screen's plate check knows (src/shared/plate-formats.ts). */
  homeRegions: z.array(RegionCodeSchema),
  /** A refund above this needs the admin PIN: the cancel step asks for it before sending. */
  refundPinAboveCents: z.number().int().nonnegative(),
  /** The receipt roll's width, for the receipt's layout (optional only for mains written before it). */
  receiptWidth: ReceiptWidthSchema.optional(),
  /** Minutes after issuing during which a plate is corrected without the admin PIN. */
  plateFixWindowMinutes: z.number().int().nonnegative().optional(),
});
export type KioskInfo = z.infer<typeof KioskInfoSchema>;

/** How many recent plates the Issue screen offers: one row of one-tap buttons. */
export const RECENT_PLATES_SHOWN = 6;
/** What the Issue screen starts from after a restart: the zone and duration last chosen, and recent plates. */
export const IssueChoicesSchema = z.object({
  zone: z.string().nullable(),
  minutes: z.number().int().positive().nullable(),
  recentPlates: z.array(z.string()).max(RECENT_PLATES_SHOWN),
});
export type IssueChoices = z.infer<typeof IssueChoicesSchema>;
export const LanguageSchema = z.enum(['en-CA', 'fr-CA']);
export type Language = z.infer<typeof LanguageSchema>;

/** A zone's rates as a supervisor edits them: integer cents, durations in minutes. */
export const ZoneRateSchema = z.object({
  name: freeText({
    min: 1,
    tooShort: 'zone-name-needed',
    max: 200,
    tooLong: 'zone-name-too-long',
  }),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, 'currency-format'),
  centsPerHour: z.number().int('cents-whole').nonnegative('cents-range').max(99_999_999, 'cents-range'),
  maxCents: z.number().int('cents-whole').positive('max-positive').max(99_999_999, 'cents-range'),
  presets: z
    .array(
      z
        .number({ error: 'zone-duration-range' })
        .int('zone-duration-range')
        .positive('zone-duration-range')
        .max(7 * 24 * 60, 'zone-duration-range'),
      { error: 'zone-durations-needed' },
    )
    .min(1, 'zone-durations-needed')
    .max(8, 'zone-durations-max'),
});
export type ZoneRate = z.infer<typeof ZoneRateSchema>;

/** The setting "OPSCOM refuses a repeated ticket number with 9022": unknown until the conformance tool says. */
export const RepeatedTicketRefusedSchema = z.enum(['unknown', 'yes', 'no']);

/** What the settings screen shows. The API token itself never leaves main: only whether one is set. */
export const SettingsViewSchema = z.object({
  controllerUrl: z.string().nullable(),
  /** Where the URL and token in force come from; a flag or the environment outranks what is saved here. */
  controllerSource: z.enum(['flag', 'environment', 'settings', 'demo']),
  tokenSet: z.boolean(),
  tokenLast4: z.string().nullable(),
  tokenStorage: z.string(),
  /** keyring, obscured (no keyring: saved only once a supervisor accepts it), file (the station) or memory. */
  tokenProtection: z.enum(['keyring', 'obscured', 'file', 'memory']),
  kioskId: z.string(),
  kioskName: z.string(),
  zones: z.array(ZoneRateSchema),
  extendMinutes: z.number().int().positive(),
  timeMode: z.enum(['utc', 'local']),
  language: LanguageSchema,
  outboxConcurrency: z.number().int(),
  requestSoftTimeoutMs: z.number().int(),
  requestHardTimeoutMs: z.number().int(),
  repeatedTicketRefused: RepeatedTicketRefusedSchema,
  idleResetSeconds: z.number().int(),
  homeRegions: z.array(RegionCodeSchema),
  /** The money settings (always sent by main; optional only for screens written before them). */
  refundPinAboveCents: z.number().int().optional(),
  drawerToleranceCents: z.number().int().optional(),
  plateFixWindowMinutes: z.number().int().optional(),
  /** The receipt roll's width and the chosen printer ('' = the print dialog / the system default). */
  receiptWidth: ReceiptWidthSchema.optional(),
  printerName: z.string().optional(),
  /** Fleet monitoring (#14): as stored; `metricsFrom` says whether the environment or a flag overrides them. */
  metricsListen: z.string().optional(),
  pushgatewayUrl: z.string().optional(),
  pushIntervalSeconds: z.number().int().optional(),
  metricsFrom: z.enum(['flag', 'environment', 'settings']).optional(),
  /** Updates (#13): the generic feed ('' = off) and the maintenance hour (null = none). */
  updateFeedUrl: z.string().optional(),
  maintenanceHour: z.number().int().nullable().optional(),
  /** The settings kiosk-provision.json set and no supervisor changed since (README, "Provisioning"). */
  provisioned: z.array(z.string()).optional(),
  /** Demo mode: the admin PIN is the known demo PIN, shown on screen. */
  adminPinIsDemo: z.boolean(),
  demoMode: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const ShiftSchema = z.object({
  id: z.string(),
  attendant: z.string(),
  startedAt: z.iso.datetime(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const ShiftSummarySchema = z.object({
  shift: ShiftSchema,
  /** Null while the shift is still open. */
  closedAt: z.iso.datetime().nullable(),
  issued: z.number().int().nonnegative(),
  extended: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /**
   * Charged during the shift, per currency: issues at their price, extensions at what they added, less the money
   * given back on cancels (a permit cancelled as "Wrong plate" with its money refunded adds nothing).
   */
  amounts: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
  /** Refunded during the shift, per currency (already taken off `amounts`). */
  refunded: z.array(z.object({ currency: z.string(), cents: z.number().int() })).optional(),
  waiting: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
  /** Every action of the shift as CSV, for the close-of-shift export. */
  csv: z.string(),
});
export type ShiftSummary = z.infer<typeof ShiftSummarySchema>;

export const OccupancySchema = z.object({
  rows: z.array(z.object({ zone: z.string(), type: z.string(), total: z.number().int().nonnegative() })),
  /** When these figures came from OPSCOM; null if they never did. */
  fetchedAt: z.iso.datetime().nullable(),
  /** Why the figures are not fresh; null when they are. */
  problem: ProblemSchema.nullable(),
});
export type Occupancy = z.infer<typeof OccupancySchema>;

export const ConnectionStateSchema = z.object({
  state: z.enum(['online', 'offline', 'unknown']),
  /** Why it is offline. */
  problem: ProblemSchema.nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;

/**
 * A failure: `code` is its kind; `problem` says exactly what, for the page to word in its language (main always
 * sends one; an error the page raises itself may carry only `message`, already in the screen's language);
 * `message` is the English words; `field` names the input to fix, when there is one.
 */
export const KioskErrorSchema = z.object({
  code: z.enum([
    'invalid-request',
    'unknown-channel',
    'not-found',
    // Raised by the page's own transport when main cannot be reached; main never sends it.
    'unreachable',
    'not-active',
    'not-allowed',
    // The kiosk's own disk refused the write (full, failing or read-only): nothing was recorded (#19).
    'storage',
    'internal',
  ]),
  problem: ProblemSchema.optional(),
  message: z.string(),
  field: z.string().optional(),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;
export type KioskErrorCode = KioskError['code'];
export type ProblemView = z.infer<typeof ProblemSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };
