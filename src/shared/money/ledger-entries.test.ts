import { describe, expect, it } from 'vitest';
import { cashQuickAmounts, DENOMINATIONS, LedgerEntrySchema, RefundInputSchema } from './ledger-entries';

describe('the money shapes the screens share', () => {
  it('offers exact, the next $5 and $10, and the notes that cover the amount', () => {
    expect(cashQuickAmounts(450)).toEqual([450, 500, 1000, 2000, 5000, 10000]);
    expect(cashQuickAmounts(1000)).toEqual([1000, 2000, 5000, 10000]);
    expect(cashQuickAmounts(1275)).toEqual([1275, 1500, 2000, 5000, 10000]);
    expect(cashQuickAmounts(0)).toEqual([0, 2000, 5000, 10000]);
    expect(cashQuickAmounts(12_345)).toEqual([12_345, 12_500, 13_000]);
  });

  it('counts a Canadian drawer from $100 notes down to nickels (no pennies since 2013)', () => {
    expect(DENOMINATIONS.CAD).toEqual([10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]);
  });

  it('refuses a refund of nothing and a ledger line with fractional cents', () => {
    expect(RefundInputSchema.safeParse({ amountCents: 0, method: 'cash' }).error?.issues[0]?.message).toBe(
      'refund-amount-range',
    );
    const line = {
      type: 'float',
      id: 'x',
      at: '2026-12-02T10:00:00.000Z',
      shiftId: 'S',
      attendant: 'A',
      amountCents: 10.5,
      currency: 'CAD',
    };
    expect(LedgerEntrySchema.safeParse(line).success).toBe(false);
    expect(LedgerEntrySchema.safeParse({ ...line, amountCents: 1050 }).success).toBe(true);
  });
});
