import { z } from 'zod';
import { REGION_CODES } from '../plates/plate-formats';
import { freeText } from '../text';
import { LanguageSchema } from '../language';
import { isCurrency } from '../money/money';

/** A region of the plate check (src/shared/plates/plate-formats.ts), e.g. ON or QC. */
export const RegionCodeSchema = z.enum(REGION_CODES, { error: 'home-region-unknown' });
/** The receipt printer's paper roll: the common thermal widths. */
export const RECEIPT_WIDTHS = ['80mm', '58mm'] as const;
export const ReceiptWidthSchema = z.enum(RECEIPT_WIDTHS, { error: 'receipt-width-unknown' });
export type ReceiptWidth = z.infer<typeof ReceiptWidthSchema>;

/**
 * A zone's currency: a three-letter code, and one OPSCOM documents (CAD or USD; src/shared/money/money.ts), since
 * its `Amount` has two penny digits whatever the currency. "dollars" is `currency-format`; "JPY" is
 * `currency-unsupported`.
 */
export const CurrencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, { error: 'currency-format', abort: true })
  // `: boolean`, not a type guard: the type stays `string`, as records kept from before the rule may hold others.
  .refine((code): boolean => isCurrency(code), 'currency-unsupported');

/** A zone's rates as a supervisor edits them: integer cents, durations in minutes. */
export const ZoneRateSchema = z.object({
  name: freeText({
    min: 1,
    tooShort: 'zone-name-needed',
    max: 200,
    tooLong: 'zone-name-too-long',
  }),
  currency: CurrencySchema,
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
  /** The settings kiosk-provision.json set and no supervisor changed since (docs/provisioning.md). */
  provisioned: z.array(z.string()).optional(),
  /** Demo mode: the admin PIN is the known demo PIN, shown on screen. */
  adminPinIsDemo: z.boolean(),
  demoMode: z.boolean(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
