import { z } from 'zod';
import { ShiftSchema } from '../shift/shift-view';
import { MAX_AMOUNT_CENTS, type Currency } from './money';
import { freeText } from '../text';
import { REFUND_METHODS } from './tender-rules';

export { cashQuickAmounts, REFUND_METHODS, type RefundMethod } from './tender-rules';

/**
 * The money side of a shift: how each sale was paid (its tender), refunds, the cash drawer and the X and Z
 * reports. OPSCOM's push has no tender field, so the kiosk's own ledger (`money.jsonl`) is the only record of how
 * a permit was paid for. Money is integer cents; currencies are never added together.
 */

/** The notes and coins a drawer is counted in, largest first, in cents: one list for each currency sold in. */
export const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
  USD: [10000, 5000, 2000, 1000, 500, 100, 25, 10, 5, 1],
} satisfies Record<Currency, readonly number[]>;

const Cents = z.number({ error: 'cents-whole' }).int('cents-whole');
const Reason = freeText({ min: 1, tooShort: 'reason-needed', max: 200, tooLong: 'reason-too-long' });

/**
 * How the driver pays, as the screen sends it. Cash: what the driver handed over (the change is worked out in
 * main, and must not be negative). Card: an approval code and/or the card's last 4 digits, both optional. Other:
 * a voucher or a complimentary permit, always with a reason.
 */
export const TenderInputSchema = z.discriminatedUnion(
  'method',
  [
    z.strictObject({
      method: z.literal('cash'),
      tenderedCents: Cents.nonnegative('cash-tendered-range').max(MAX_AMOUNT_CENTS, 'cash-tendered-range'),
    }),
    z.strictObject({
      method: z.literal('card'),
      last4: z
        .string()
        .regex(/^\d{4}$/, 'card-last4-format')
        .optional(),
      approvalCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(/^[A-Z0-9]{2,12}$/, 'card-approval-format')
        .optional(),
    }),
    z.strictObject({
      method: z.literal('other'),
      kind: z.enum(['voucher', 'complimentary'], { error: 'tender-other-kind' }),
      reason: Reason,
    }),
  ],
  { error: 'tender-method' },
);
export type TenderInput = z.infer<typeof TenderInputSchema>;

/**
 * A tender as the ledger keeps it. `unrecorded`: the sale came from a screen that sends no tender (before this
 * feature); it is reported on its own line and never counted as cash, so it cannot make a drawer look short.
 */
export const RecordedTenderSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash'), tenderedCents: z.number().int(), changeCents: z.number().int() }),
  z.object({ method: z.literal('card'), last4: z.string().optional(), approvalCode: z.string().optional() }),
  z.object({ method: z.literal('other'), kind: z.enum(['voucher', 'complimentary']), reason: z.string() }),
  z.object({ method: z.literal('unrecorded') }),
]);
export type RecordedTender = z.infer<typeof RecordedTenderSchema>;

/** The lines a report totals tenders on. */
export const TENDER_KINDS = ['cash', 'card', 'voucher', 'complimentary', 'unrecorded'] as const;
export type TenderKind = (typeof TENDER_KINDS)[number];

export function tenderKind(tender: RecordedTender): TenderKind {
  return tender.method === 'other' ? tender.kind : tender.method;
}

/** A complimentary permit brought in no money: it is not counted as collected, and nothing of it is refundable. */
export function collectsMoney(tender: RecordedTender): boolean {
  return tenderKind(tender) !== 'complimentary';
}

/** Money given back on a cancel: at most what was paid for the permit, net of earlier refunds. */
export const RefundInputSchema = z.strictObject({
  amountCents: Cents.min(1, 'refund-amount-range').max(MAX_AMOUNT_CENTS, 'refund-amount-range'),
  method: z.enum(REFUND_METHODS, { error: 'refund-method' }),
});
export type RefundInput = z.infer<typeof RefundInputSchema>;

export const RecordedRefundSchema = z.object({
  amountCents: z.number().int(),
  method: z.enum(REFUND_METHODS),
  /** Above the refund limit (a setting), a supervisor entered the admin PIN. */
  approvedByPin: z.boolean(),
});
export type RecordedRefund = z.infer<typeof RecordedRefundSchema>;

/** Cash the attendant takes out of the drawer: a paid-out (to someone, for something) or a drop (to the safe). */
export const DrawerMoveInputSchema = z.strictObject({
  requestId: z.uuid({ error: 'request-id' }),
  amountCents: Cents.min(1, 'drawer-amount-range').max(MAX_AMOUNT_CENTS, 'drawer-amount-range'),
  reason: Reason,
});

/** The blind count: how many of each note and coin, without the expected figure. */
export const DenominationCountSchema = z.strictObject({
  cents: z.number({ error: 'denomination-unknown' }).int('denomination-unknown').positive('denomination-unknown'),
  count: z.number({ error: 'count-range' }).int('count-range').min(0, 'count-range').max(10_000, 'count-range'),
});
export type DenominationCount = z.infer<typeof DenominationCountSchema>;

const Base = {
  /** The request id of the action: a repeated request is recorded once. */
  id: z.string(),
  at: z.iso.datetime(),
  shiftId: z.string(),
  attendant: z.string(),
};

/** One line of `money.jsonl`: appended, fsynced before the action is confirmed, never rewritten. */
export const LedgerEntrySchema = z.discriminatedUnion('type', [
  /** A sale: an issue at its price, an extension at what it added. */
  z.object({
    ...Base,
    type: z.literal('sale'),
    ticketNumber: z.string(),
    action: z.enum(['issue', 'extend']),
    amountCents: z.number().int().nonnegative(),
    currency: z.string(),
    tender: RecordedTenderSchema,
  }),
  /** A cancel (a void), with the money given back, if any. */
  z.object({
    ...Base,
    type: z.literal('cancel'),
    ticketNumber: z.string(),
    currency: z.string(),
    refund: RecordedRefundSchema.nullable(),
    reason: z.string().optional(),
  }),
  /** The cash the drawer starts the shift with. */
  z.object({ ...Base, type: z.literal('float'), amountCents: z.number().int().nonnegative(), currency: z.string() }),
  z.object({
    ...Base,
    type: z.enum(['paid-out', 'drop']),
    amountCents: z.number().int().positive(),
    currency: z.string(),
    reason: z.string(),
  }),
  /** A blind count; the last one before the close is the one that counts. */
  z.object({
    ...Base,
    type: z.literal('count'),
    currency: z.string(),
    counts: z.array(z.object({ cents: z.number().int(), count: z.number().int() })),
    countedCents: z.number().int(),
    expectedCents: z.number().int(),
    /** The tolerance in force when it was counted. */
    toleranceCents: z.number().int().nonnegative(),
  }),
  /** The shift closed (the Z): what it was, and whether a supervisor approved a difference beyond tolerance. */
  z.object({ ...Base, type: z.literal('close'), startedAt: z.iso.datetime(), approvedByPin: z.boolean() }),
]);
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export type LedgerEntryOf<T extends LedgerEntry['type']> = Extract<LedgerEntry, { type: T }>;

/** What a count shows once it is entered: expected against counted. */
export const CountResultSchema = z.object({
  currency: z.string(),
  countedCents: z.number().int(),
  expectedCents: z.number().int(),
  /** counted − expected: positive is over, negative short. */
  differenceCents: z.number().int(),
  outcome: z.enum(['even', 'over', 'short']),
  toleranceCents: z.number().int(),
  /** The difference is beyond the tolerance: closing the shift needs the admin PIN. */
  needsPin: z.boolean(),
  /** Cash moved after this count: it no longer closes the shift, count again. */
  stale: z.boolean(),
  at: z.iso.datetime(),
});
export type CountResult = z.infer<typeof CountResultSchema>;

/** What the drawer screen may show before the count: never the expected cash (the count is blind). */
export const DrawerStatusSchema = z.object({
  shiftId: z.string(),
  currency: z.string(),
  /** Null until a float is declared (then the drawer started empty). */
  floatCents: z.number().int().nullable(),
  /** The notes and coins to count, largest first. */
  denominations: z.array(z.number().int()),
  paidOuts: z.number().int().nonnegative(),
  drops: z.number().int().nonnegative(),
  /** The last count, once there is one (then the expected figure is no secret any more). */
  lastCount: CountResultSchema.nullable(),
});
export type DrawerStatus = z.infer<typeof DrawerStatusSchema>;

const Amount = z.object({ currency: z.string(), count: z.number().int().nonnegative(), cents: z.number().int() });

/** An X-report (the open shift, nothing closed) or a Z-report (a closed shift). */
export const MoneyReportSchema = z.object({
  kind: z.enum(['x', 'z']),
  kioskId: z.string(),
  shift: ShiftSchema,
  closedAt: z.iso.datetime().nullable(),
  /** Sales per tender and currency: count and cents. */
  tenders: z.array(Amount.extend({ tender: z.enum(TENDER_KINDS) })),
  refunds: z.array(Amount.extend({ method: z.enum(REFUND_METHODS) })),
  /** Cancels, with or without a refund. */
  voids: z.array(Amount.extend({ refunded: z.number().int().nonnegative() })),
  paidOuts: z.array(Amount),
  drops: z.array(Amount),
  /** Per currency: money taken (complimentary excluded), refunds, and the net. */
  net: z.array(
    z.object({
      currency: z.string(),
      collectedCents: z.number().int(),
      refundedCents: z.number().int(),
      netCents: z.number().int(),
    }),
  ),
  drawer: z.object({
    currency: z.string(),
    floatCents: z.number().int(),
    cashSalesCents: z.number().int(),
    cashRefundsCents: z.number().int(),
    paidOutCents: z.number().int(),
    dropCents: z.number().int(),
    /** Null on an X-report asked for without the admin PIN before any count: the count stays blind. */
    expectedCents: z.number().int().nullable(),
    count: CountResultSchema.nullable(),
    /** A supervisor approved the difference with the admin PIN at the close. */
    approvedByPin: z.boolean(),
  }),
  csv: z.string(),
});
export type MoneyReport = z.infer<typeof MoneyReportSchema>;

/** Every shift of one day (the kiosk's local date), and the totals per attendant. */
export const DayReportSchema = z.object({
  date: z.string(),
  shifts: z.array(MoneyReportSchema.omit({ csv: true })),
  attendants: z.array(
    z.object({
      attendant: z.string(),
      shifts: z.number().int().positive(),
      tenders: z.array(Amount.extend({ tender: z.enum(TENDER_KINDS) })),
      refunds: z.array(Amount.extend({ method: z.enum(REFUND_METHODS) })),
      /** Over (+) or short (−) per counted currency, summed over the attendant's counted shifts. */
      overShort: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
    }),
  ),
  csv: z.string(),
});
export type DayReport = z.infer<typeof DayReportSchema>;

/** What a receipt or a refund needs to know of one permit's money. */
export const PermitPaymentsSchema = z.object({
  ticketNumber: z.string(),
  entries: z.array(LedgerEntrySchema),
  currency: z.string().nullable(),
  /** Money taken for this permit (complimentary excluded), net of refunds: the most a refund may give back. */
  refundableCents: z.number().int().nonnegative(),
});
export type PermitPayments = z.infer<typeof PermitPaymentsSchema>;
