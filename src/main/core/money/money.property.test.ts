import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../testing/property-runs';
import type { Permit } from '../../../shared/permits/permit';
import type { Result } from '../../../shared/errors/kiosk-error';
import {
  LedgerEntrySchema,
  tenderKind,
  type CountResult,
  type MoneyReport,
  type RefundMethod,
  type TenderInput,
  type TenderKind,
} from '../../../shared/money/ledger-entries';
import { startTestKiosk, TEST_ADMIN_PIN, value, type TestKiosk } from '../testing/test-kiosk';
import { readRecords } from '../storage/read-records';

/**
 * Any sequence of sales, extensions, cancels with or without refunds, paid-outs, drops and restarts, through the
 * kiosk core as the screen would call it. At the close:
 * - the Z-report's totals per tender equal the sums of the ledger written to disk, and what the attendant saw
 *   confirmed;
 * - its refunds equal the refunds confirmed;
 * - the expected cash equals float + cash sales − cash refunds − paid-outs − drops, counted here from the answers.
 */
type Tender = { kind: 'cash'; extra: number } | { kind: 'card' | 'voucher' | 'complimentary' | 'none' };
type Step =
  | { do: 'sale'; zone: string; minutes: number; tender: Tender }
  | { do: 'extend'; permit: number; tender: Tender }
  | { do: 'cancel'; permit: number; refund: { share: number; method: RefundMethod } | null }
  | { do: 'paid-out' | 'drop'; cents: number }
  | { do: 'restart' };

const tender: fc.Arbitrary<Tender> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('cash' as const), extra: fc.nat(2500) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('card', 'voucher', 'complimentary', 'none' as const) }) },
);
const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      do: fc.constant('sale' as const),
      zone: fc.constantFrom('Lot 1', 'Lot 2', 'Street'),
      minutes: fc.constantFrom(15, 30, 60, 120, 240),
      tender,
    }),
  },
  { weight: 3, arbitrary: fc.record({ do: fc.constant('extend' as const), permit: fc.nat(8), tender }) },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constant('cancel' as const),
      permit: fc.nat(8),
      refund: fc.option(
        fc.record({
          share: fc.double({ min: 0, max: 1, noNaN: true }),
          method: fc.constantFrom('cash', 'card', 'voucher'),
        }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      do: fc.constantFrom('paid-out' as const, 'drop' as const),
      cents: fc.integer({ min: 1, max: 4000 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ do: 'restart' as const }) },
);

function tenderInput(t: Tender, amountCents: number): TenderInput | undefined {
  switch (t.kind) {
    case 'cash':
      return { method: 'cash', tenderedCents: amountCents + t.extra };
    case 'card':
      return { method: 'card' };
    case 'voucher':
    case 'complimentary':
      return { method: 'other', kind: t.kind, reason: 'Property test' };
    case 'none':
      return undefined;
  }
}
const kindOf = (t: Tender): TenderKind => (t.kind === 'none' ? 'unrecorded' : t.kind);

/** What the attendant saw confirmed, added up by the test itself. */
interface Model {
  floatCents: number;
  tenders: Map<TenderKind, number>;
  refunds: Map<RefundMethod, number>;
  cashSales: number;
  cashRefunds: number;
  paidOuts: number;
  drops: number;
  /** Per sold permit: its ticket, what it costs in all, and the money taken for it net of refunds. */
  permits: Array<{ ticketNumber: string; amountCents: number; refundable: number }>;
}

const add = <K>(map: Map<K, number>, key: K, cents: number) => map.set(key, (map.get(key) ?? 0) + cents);
const ok = <T>(result: Result<unknown>): T | undefined => (result.ok ? (result.value as T) : undefined);

async function run(floatCents: number, steps: Step[]): Promise<void> {
  const kiosk: TestKiosk = await startTestKiosk({ settings: { refundPinAboveCents: 99_999_999 } });
  const model: Model = {
    floatCents,
    tenders: new Map(),
    refunds: new Map(),
    cashSales: 0,
    cashRefunds: 0,
    paidOuts: 0,
    drops: 0,
    permits: [],
  };
  const dispatch = (channel: string, request: unknown) => kiosk.core.dispatch(channel, request);
  try {
    value(await dispatch('drawer:open', { floatCents }));
    for (const s of steps) {
      switch (s.do) {
        case 'sale': {
          // No price here costs more than $50: cash hands over $50 and more, and the change comes back.
          const input = tenderInput(s.tender, 5000);
          const permit = value<Permit & { tender?: { changeCents?: number } }>(
            await dispatch('permits:issue', {
              requestId: crypto.randomUUID(),
              plate: 'PROP1',
              zone: s.zone,
              durationMinutes: s.minutes,
              ...(input ? { tender: input } : {}),
            }),
          );
          if (input?.method === 'cash')
            expect(permit.tender?.changeCents).toBe(input.tenderedCents - permit.amountCents);
          const cents = permit.amountCents;
          add(model.tenders, kindOf(s.tender), cents);
          if (s.tender.kind === 'cash') model.cashSales += cents;
          model.permits.push({
            ticketNumber: permit.ticketNumber,
            amountCents: cents,
            refundable: s.tender.kind === 'complimentary' ? 0 : cents,
          });
          break;
        }
        case 'extend': {
          const held = model.permits[s.permit];
          if (!held) break;
          const quote = ok<{ addedCents: number }>(
            await dispatch('permits:quote-extend', { ticketNumber: held.ticketNumber, minutes: 30 }),
          );
          if (!quote) break; // cancelled or ended
          const input = tenderInput(s.tender, quote.addedCents);
          const extended = ok<Permit>(
            await dispatch('permits:extend', {
              requestId: crypto.randomUUID(),
              ticketNumber: held.ticketNumber,
              minutes: 30,
              ...(input ? { tender: input } : {}),
            }),
          );
          if (!extended) break;
          const added = extended.amountCents - held.amountCents;
          expect(added).toBe(quote.addedCents);
          held.amountCents = extended.amountCents;
          add(model.tenders, kindOf(s.tender), added);
          if (s.tender.kind === 'cash') model.cashSales += added;
          if (s.tender.kind !== 'complimentary') held.refundable += added;
          break;
        }
        case 'cancel': {
          const held = model.permits[s.permit];
          if (!held) break;
          const amount = s.refund ? Math.floor(s.refund.share * held.refundable) : 0;
          const refund = s.refund && amount > 0 ? { amountCents: amount, method: s.refund.method } : undefined;
          const cancelled = ok<Permit>(
            await dispatch('permits:cancel', {
              requestId: crypto.randomUUID(),
              ticketNumber: held.ticketNumber,
              ...(refund ? { refund } : {}),
            }),
          );
          if (!cancelled || !refund) break;
          held.refundable -= refund.amountCents;
          add(model.refunds, refund.method, refund.amountCents);
          if (refund.method === 'cash') model.cashRefunds += refund.amountCents;
          break;
        }
        case 'paid-out':
        case 'drop':
          value(
            await dispatch(`drawer:${s.do}`, { requestId: crypto.randomUUID(), amountCents: s.cents, reason: 'Test' }),
          );
          if (s.do === 'paid-out') model.paidOuts += s.cents;
          else model.drops += s.cents;
          break;
        case 'restart':
          await kiosk.restart();
          break;
      }
    }

    const counted = value<CountResult>(await dispatch('drawer:count', { counts: [{ cents: 2000, count: 3 }] }));
    const expected = model.floatCents + model.cashSales - model.cashRefunds - model.paidOuts - model.drops;
    expect(counted).toMatchObject({ countedCents: 6000, expectedCents: expected, differenceCents: 6000 - expected });
    const closed = value<{ report: MoneyReport }>(await dispatch('shift:close', { adminPin: TEST_ADMIN_PIN }));
    const z = closed.report;

    // The ledger on disk, summed here.
    const ledger = readRecords(kiosk.dataDir).ledger.map((entry) => LedgerEntrySchema.parse(entry));
    const fromLedger = new Map<TenderKind, number>();
    const refundsFromLedger = new Map<RefundMethod, number>();
    for (const entry of ledger) {
      if (entry.type === 'sale') add(fromLedger, tenderKind(entry.tender), entry.amountCents);
      if (entry.type === 'cancel' && entry.refund)
        add(refundsFromLedger, entry.refund.method, entry.refund.amountCents);
    }
    const zTenders = new Map(z.tenders.map((row) => [row.tender, row.cents]));
    const zRefunds = new Map(z.refunds.map((row) => [row.method, row.cents]));
    expect(zTenders).toEqual(fromLedger);
    expect(zTenders).toEqual(model.tenders);
    expect(zRefunds).toEqual(refundsFromLedger);
    expect(zRefunds).toEqual(model.refunds);
    expect(z.tenders.every((row) => row.currency === 'CAD')).toBe(true);
    expect(z.drawer).toMatchObject({
      floatCents: model.floatCents,
      cashSalesCents: model.cashSales,
      cashRefundsCents: model.cashRefunds,
      paidOutCents: model.paidOuts,
      dropCents: model.drops,
      expectedCents: expected,
    });
  } finally {
    await kiosk.close();
  }
}

describe('the money of a shift, under any sequence of actions', () => {
  it('has the Z-report agree with the ledger, and the expected cash with float + cash in − cash out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.array(step, { minLength: 1, maxLength: 25 }), run),
      { numRuns: propertyRuns(25), endOnFailure: true },
    );
  }, 300_000);
});
