import { z } from 'zod';
import { ControllerUrlSchema } from './controller-url';
import { LanguageSchema } from '../language';
import { ReceiptWidthSchema, RegionCodeSchema, RepeatedTicketRefusedSchema, ZoneRateSchema } from './settings-view';
import {
  MetricsListenSchema,
  PushgatewayUrlSchema,
  PushIntervalSecondsSchema,
} from '../monitoring/metrics-export-settings';
import { MAX_AMOUNT_CENTS } from '../money/money';
import { freeText } from '../text';

/**
 * The rules of every setting a supervisor edits, written once: the stored settings (src/main/core/settings/stored-settings.ts)
 * add their defaults, and the Settings screen's changes (`settings:update`) take any of them. Messages are
 * problem codes (src/shared/errors/problems.ts), worded in the screen's language.
 */
export const settingFields = {
  controllerUrl: ControllerUrlSchema,
  kioskId: z.string().regex(/^[A-Z0-9]{1,20}$/, 'kiosk-id-format'),
  kioskName: freeText({ min: 1, tooShort: 'kiosk-name-needed', max: 60, tooLong: 'kiosk-name-too-long' }),
  zones: z.array(ZoneRateSchema).min(1, 'zones-needed').max(20, 'zones-max'),
  timeMode: z.enum(['utc', 'local']),
  language: LanguageSchema,
  /** Permits sent to OPSCOM in parallel by the outbox. */
  outboxConcurrency: z.number().int('concurrency-range').min(1, 'concurrency-range').max(16, 'concurrency-range'),
  /**
   * After the soft timeout an unanswered request is reported slow and its slot goes to another permit; it is
   * abandoned only at the hard timeout, because a late answer still carries the reference. 10 s is far past a
   * healthy answer yet short enough for an attendant to notice; 90 s outlasts the 60 s read timeouts of common
   * gateways (nginx, cloud load balancers), after which no answer can still arrive.
   */
  requestSoftTimeoutMs: z
    .number()
    .int('soft-timeout-range')
    .min(1000, 'soft-timeout-range')
    .max(120_000, 'soft-timeout-range'),
  requestHardTimeoutMs: z
    .number()
    .int('hard-timeout-range')
    .min(1000, 'hard-timeout-range')
    .max(600_000, 'hard-timeout-range'),
  /** "OPSCOM refuses a repeated ticket number with 9022": `npm run conformance -- --allow-writes` finds out. */
  repeatedTicketRefused: RepeatedTicketRefusedSchema,
  idleResetSeconds: z.number().int('idle-reset-range').min(0, 'idle-reset-range').max(3600, 'idle-reset-range'),
  /**
   * The regions whose standard plates this kiosk mostly sees: a typed plate that fits one of their series is sold
   * without a check, one that fits only after swapping look-alikes (O/0, I/1…) is offered the correction.
   */
  homeRegions: z
    .array(RegionCodeSchema, { error: 'home-regions-needed' })
    .min(1, 'home-regions-needed')
    .refine((regions) => new Set(regions).size === regions.length, 'home-regions-repeated'),
  /** A refund above this many cents needs the admin PIN; 0: every refund does. */
  refundPinAboveCents: z
    .number()
    .int('refund-limit-range')
    .min(0, 'refund-limit-range')
    .max(MAX_AMOUNT_CENTS, 'refund-limit-range'),
  /** A counted drawer further than this many cents from the expected cash needs the admin PIN to close. */
  drawerToleranceCents: z
    .number()
    .int('drawer-tolerance-range')
    .min(0, 'drawer-tolerance-range')
    .max(100_000, 'drawer-tolerance-range'),
  /** For this many minutes after issuing, the attendant may correct a permit's plate; after, the admin PIN. */
  plateFixWindowMinutes: z
    .number()
    .int('plate-fix-window-range')
    .min(0, 'plate-fix-window-range')
    .max(24 * 60, 'plate-fix-window-range'),
  /** The receipt printer's roll: the receipt is laid out, and the Electron app sizes its page, for this width. */
  receiptWidth: ReceiptWidthSchema,
  /**
   * The printer the Electron app prints to without a dialog, by its system name; '' asks with the print dialog
   * (the station always prints to the system's default printer: see docs/operator/printing.md).
   */
  printerName: z.string().trim().max(200, 'printer-name-too-long'),
  /** Fleet monitoring: the `/metrics` endpoint's `host:port` ('' = off), bound exactly there. */
  metricsListen: MetricsListenSchema,
  /** Fleet monitoring: the Pushgateway to push to ('' = off), for kiosks Prometheus cannot reach. */
  pushgatewayUrl: PushgatewayUrlSchema,
  pushIntervalSeconds: PushIntervalSecondsSchema,
  /**
   * Updates (#13): the generic feed electron-updater reads (the folder `npm run dist` fills), '' = off. https only:
   * what comes from it replaces the kiosk's code.
   */
  updateFeedUrl: z
    .string()
    .trim()
    .max(500, 'update-feed-url-format')
    .refine((url) => url === '' || isHttpsUrl(url), 'update-feed-url-format'),
  /** Updates (#13): the hour (0–23, the kiosk's clock) a downloaded update may be installed even mid-shift; null = none. */
  maintenanceHour: z
    .number()
    .int('maintenance-hour-range')
    .min(0, 'maintenance-hour-range')
    .max(23, 'maintenance-hour-range')
    .nullable(),
};

function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/**
 * An OPSCOM API token, as the kiosk takes it: 1–50 letters, digits and dashes (the vendor's field table). The
 * sandbox keeps its own copy of this rule on purpose: it plays the controller, and must not follow the kiosk.
 */
export const ApiTokenSchema = z.string().regex(/^[A-Za-z0-9-]{1,50}$/, 'token-format');
