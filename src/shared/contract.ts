import { z } from 'zod';
import { PlateInputSchema } from './plates/plate-schema';
import { ApiTokenSchema, settingFields } from './settings/setting-fields';
import { freeText } from './text';
import { ConnectionStateSchema, DurationPriceSchema, KioskInfoSchema } from './kiosk/kiosk-info-view';
import { KioskErrorSchema, ProblemSchema, type Result } from './errors/kiosk-error';
import { IssueChoicesSchema, PermitSchema } from './permits/permit';
import { LanguageSchema } from './language';
import { OccupancySchema } from './occupancy/occupancy-view';
import { OutboxItemSchema, OutboxStatusSchema, ReconcileEntrySchema } from './outbox/outbox-view';
import { SettingsViewSchema } from './settings/settings-view';
import { ShiftSchema, ShiftSummarySchema } from './shift/shift-view';
import {
  CountResultSchema,
  DayReportSchema,
  DenominationCountSchema,
  DrawerMoveInputSchema,
  DrawerStatusSchema,
  MoneyReportSchema,
  PermitPaymentsSchema,
  RecordedTenderSchema,
  RefundInputSchema,
  TenderInputSchema,
} from './money/ledger-entries';

/**
 * The one contract between the renderer and main. The Electron ipcMain handlers, the station's HTTP bridge
 * and the renderer's `window.kiosk` API are all derived from these two maps; nothing is declared twice.
 */

/** A fresh id per attendant action, so a repeated tap or a retried call is recognised and done once. */
const RequestId = z.uuid({ error: 'request-id' });
const AdminPin = z.string({ error: 'pin-enter' }).min(1, 'pin-enter').max(32, 'pin-format');
const NewAdminPin = z.string({ error: 'pin-format' }).regex(/^\d{4,8}$/, 'pin-format');
const ActionId = z.string({ error: 'choose-action' }).min(1, 'choose-action').max(100, 'choose-action');
const TicketNumber = z.string({ error: 'choose-permit' }).min(1, 'choose-permit').max(50, 'ticket-too-long');
const Minutes = z
  .number({ error: 'choose-duration' })
  .int('duration-whole')
  .min(1, 'duration-min')
  .max(7 * 24 * 60, 'duration-max');
/**
 * A sale's answer: the permit, and the tender as the ledger recorded it (a cash tender with its change). Absent
 * only for a request repeated after the ledger entry was written by an older kiosk.
 */
const SaleSchema = PermitSchema.extend({ tender: RecordedTenderSchema.optional() });

export const channels = {
  'kiosk:info': {
    request: z.strictObject({}),
    response: KioskInfoSchema,
  },
  'kiosk:connection': {
    request: z.strictObject({}),
    response: ConnectionStateSchema,
  },
  'permits:list': {
    request: z.strictObject({}),
    response: z.object({ permits: z.array(PermitSchema) }),
  },
  /** One permit this kiosk issued, whatever its state (cancelled ones included). */
  'permits:get': {
    request: z.strictObject({ ticketNumber: TicketNumber }),
    response: PermitSchema,
  },
  'permits:issue': {
    request: z.strictObject({
      requestId: RequestId,
      plate: PlateInputSchema,
      zone: z.string({ error: 'choose-zone' }).min(1, 'choose-zone').max(200, 'zone-name-too-long'),
      durationMinutes: Minutes,
      /** How the driver paid. Optional so that screens written before tenders keep working: a sale without one
       * is recorded as `unrecorded` (never as cash, so it cannot make the drawer look short). */
      tender: TenderInputSchema.optional(),
    }),
    response: SaleSchema,
  },
  'permits:quote-extend': {
    request: z.strictObject({ ticketNumber: TicketNumber, minutes: Minutes }),
    response: z.object({ newEndAt: z.iso.datetime(), addedCents: z.number().int(), totalCents: z.number().int() }),
  },
  'permits:extend': {
    request: z.strictObject({
      requestId: RequestId,
      ticketNumber: TicketNumber,
      minutes: Minutes,
      /** How the driver paid what the extension adds; as for an issue, optional. */
      tender: TenderInputSchema.optional(),
    }),
    response: SaleSchema,
  },
  'permits:cancel': {
    request: z.strictObject({
      requestId: RequestId,
      ticketNumber: TicketNumber,
      /** Recorded in the audit log. */
      reason: freeText({ max: 200, tooLong: 'reason-too-long' }).optional(),
      /** Money given back: at most what was paid for the permit; none means the cancel kept the money. */
      refund: RefundInputSchema.optional(),
      /** Needed when the refund is above the setting `refundPinAboveCents`. */
      adminPin: AdminPin.optional(),
    }),
    response: PermitSchema,
  },
  /**
   * Correct the plate of a permit after the sale: a waiting push goes with the new plate, a sent permit gets an
   * update through the outbox. After `plateFixWindowMinutes` from the issue, it needs the admin PIN.
   */
  'permits:fix-plate': {
    request: z.strictObject({
      requestId: RequestId,
      ticketNumber: TicketNumber,
      plate: PlateInputSchema,
      reason: freeText({ min: 1, tooShort: 'reason-needed', max: 200, tooLong: 'reason-too-long' }),
      adminPin: AdminPin.optional(),
    }),
    response: PermitSchema,
  },
  /** A permit's money (sales with their tenders, the cancel and its refund): for receipts and the refund step. */
  'permits:payments': {
    request: z.strictObject({ ticketNumber: TicketNumber }),
    response: PermitPaymentsSchema,
  },
  /** Print the current page (the receipt or shift summary in it): the Electron app prints through
   * webContents.print and answers 'app' with whether it printed; the station answers 'browser' (nothing printed
   * yet), and the page calls window.print(). */
  'kiosk:print': {
    request: z.strictObject({ what: z.enum(['receipt', 'shift-summary']) }),
    response: z.discriminatedUnion('printedBy', [
      z.object({ printedBy: z.literal('app'), ok: z.boolean() }),
      z.object({ printedBy: z.literal('browser') }),
    ]),
  },
  /**
   * The printers the Settings screen offers: the Electron app lists the system's ('app'); the station's browser
   * prints to the system's default printer and cannot list any ('browser', an empty list).
   */
  'kiosk:printers': {
    request: z.strictObject({}),
    response: z.object({
      printers: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
      source: z.enum(['app', 'browser']),
    }),
  },
  'kiosk:set-language': {
    request: z.strictObject({ language: LanguageSchema }),
    response: KioskInfoSchema,
  },
  /** The Issue screen's zone, duration and recent plates, remembered across restarts. */
  'issue:choices': {
    request: z.strictObject({}),
    response: IssueChoicesSchema,
  },
  'issue:remember': {
    request: z.strictObject({
      zone: z.string({ error: 'choose-zone' }).min(1, 'choose-zone').max(200, 'zone-name-too-long').nullable(),
      minutes: Minutes.nullable(),
    }),
    response: IssueChoicesSchema,
  },
  'shift:current': {
    request: z.strictObject({}),
    response: ShiftSchema.nullable(),
  },
  'shift:start': {
    request: z.strictObject({
      attendant: freeText({
        min: 1,
        tooShort: 'attendant-needed',
        max: 60,
        tooLong: 'attendant-too-long',
      }),
    }),
    response: ShiftSchema,
  },
  /** The running totals of the open shift (nothing is closed). */
  'shift:summary': {
    request: z.strictObject({}),
    response: ShiftSummarySchema,
  },
  /** The drawer of the open shift, without the expected cash (the count is blind). */
  'drawer:status': {
    request: z.strictObject({}),
    response: DrawerStatusSchema,
  },
  /** The float the drawer starts with: once per shift, before any cash moves. */
  'drawer:open': {
    request: z.strictObject({
      floatCents: z
        .number({ error: 'drawer-float-range' })
        .int('drawer-float-range')
        .min(0, 'drawer-float-range')
        .max(10_000_000, 'drawer-float-range'),
      /** The drawer's currency; by default the first zone's. */
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, 'currency-format')
        .optional(),
    }),
    response: DrawerStatusSchema,
  },
  'drawer:paid-out': {
    request: DrawerMoveInputSchema,
    response: DrawerStatusSchema,
  },
  /** Cash taken from the drawer to the safe. */
  'drawer:drop': {
    request: DrawerMoveInputSchema,
    response: DrawerStatusSchema,
  },
  /** The blind count: the answer is the first time the expected cash is shown. A new count replaces the last. */
  'drawer:count': {
    request: z.strictObject({
      counts: z.array(DenominationCountSchema).min(1, 'count-needed').max(30, 'count-needed'),
    }),
    response: CountResultSchema,
  },
  /** The X-report of the open shift; its expected cash only with the admin PIN until the drawer is counted. */
  'reports:x': {
    request: z.strictObject({ adminPin: AdminPin.optional() }),
    response: MoneyReportSchema.extend({ fileName: z.string() }),
  },
  /**
   * Closing a shift that moved cash needs a count of the drawer made after the last cash movement; a count
   * beyond the tolerance (the setting `drawerToleranceCents`) needs the admin PIN. The answer carries the Z-report.
   */
  'shift:close': {
    request: z.strictObject({ adminPin: AdminPin.optional() }),
    response: ShiftSummarySchema.extend({ report: MoneyReportSchema.optional() }),
  },
  /** The Z-report of a closed shift: the last one closed on this kiosk unless a shift id is given. */
  'reports:z': {
    request: z.strictObject({ shiftId: z.string().min(1).max(100).optional() }),
    response: MoneyReportSchema.extend({ fileName: z.string() }),
  },
  /** Every shift of a day and the totals per attendant (the kiosk's local date; today by default). */
  'reports:day': {
    request: z.strictObject({
      date: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'report-date-format')
        .optional(),
    }),
    response: DayReportSchema.extend({ fileName: z.string() }),
  },
  'occupancy:get': {
    request: z.strictObject({ refresh: z.boolean().default(false) }),
    response: OccupancySchema,
  },
  'settings:get': {
    request: z.strictObject({ adminPin: AdminPin }),
    response: SettingsViewSchema,
  },
  'settings:update': {
    request: z.strictObject({
      adminPin: AdminPin,
      changes: z
        .object(settingFields)
        .partial()
        .extend({
          /**
           * A new controller address gets the API token again in the same save, or this: the new address's
           * host, as the screen showed it, to send the stored token there.
           */
          useStoredTokenFor: z.string().max(300).optional(),
          /** Where the computer has no keyring: a supervisor accepts that the token is only obscured at rest. */
          acceptObscuredToken: z.literal(true).optional(),
          /** Write-only: never read back. */
          apiToken: ApiTokenSchema.optional(),
          newAdminPin: NewAdminPin.optional(),
        })
        .strict(),
    }),
    response: SettingsViewSchema,
  },
  /** The very first admin PIN, on a kiosk that has none yet (outside demo mode); refused once one is set. */
  'settings:set-first-pin': {
    request: z.strictObject({ newAdminPin: NewAdminPin }),
    response: KioskInfoSchema,
  },
  /** A stats call with the settings in force: success, or OPSCOM's answer in plain words. */
  'settings:test-connection': {
    request: z.strictObject({ adminPin: AdminPin }),
    response: z.object({ ok: z.boolean(), problem: ProblemSchema }),
  },
  'outbox:status': {
    request: z.strictObject({}),
    response: OutboxStatusSchema,
  },
  'outbox:list': {
    request: z.strictObject({}),
    response: z.object({ items: z.array(OutboxItemSchema) }),
  },
  /** Send what waits now, e.g. when the page sees the network come back. */
  'outbox:flush': {
    request: z.strictObject({ reason: z.enum(['online', 'manual']).default('manual') }),
    response: OutboxStatusSchema,
  },
  'outbox:retry': {
    request: z.strictObject({ actionId: ActionId }),
    response: OutboxItemSchema.nullable(),
  },
  /** The typo case: fix the plate of a refused action and send it again. */
  'outbox:correct-plate': {
    request: z.strictObject({ actionId: ActionId, plate: PlateInputSchema }),
    response: OutboxItemSchema.nullable(),
  },
  'outbox:discard': {
    request: z.strictObject({ actionId: ActionId, adminPin: AdminPin }),
    response: z.object({ discarded: z.array(z.string()) }),
  },
  /** Every permit whose state in OPSCOM the kiosk cannot vouch for (copies it cannot reach). */
  'reconcile:list': {
    request: z.strictObject({}),
    response: z.object({ entries: z.array(ReconcileEntrySchema) }),
  },
  'reconcile:export-csv': {
    request: z.strictObject({}),
    response: z.object({ fileName: z.string(), csv: z.string() }),
  },
  /** A supervisor did what the entry says in OPSCOM's portal; audited with the note. */
  'reconcile:clear': {
    request: z.strictObject({
      ticketNumber: TicketNumber,
      adminPin: AdminPin,
      note: freeText({ max: 200, tooLong: 'note-too-long' }).optional(),
    }),
    response: z.object({ entries: z.array(ReconcileEntrySchema) }),
  },
  'audit:export-csv': {
    request: z.strictObject({}),
    response: z.object({ fileName: z.string(), csv: z.string() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Main → renderer notifications. */
export const events = {
  'permit:changed': PermitSchema,
  'connection:changed': ConnectionStateSchema,
  'outbox:changed': OutboxStatusSchema,
  /** Zones, prices, name or language changed: reload `kiosk:info`. */
  'kiosk:changed': KioskInfoSchema,
  'shift:changed': ShiftSchema.nullable(),
} as const satisfies Record<string, z.ZodType>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const channelNames = Object.keys(channels) as ChannelName[];
export const eventNames = Object.keys(events) as EventName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}

/** Every answer crosses the boundary in this envelope, so the UI gets typed errors, never thrown strings. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: KioskErrorSchema }),
  ]);
}

export type ChannelResult<C extends ChannelName> = Result<ResponseOf<C>>;
export { DurationPriceSchema };
