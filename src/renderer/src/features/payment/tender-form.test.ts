import { describe, expect, it } from 'vitest';
import { cashQuickAmounts } from '../../../../shared/money/tender-rules';
import { centsOfKeys, checkRefund, checkTender, EMPTY_TENDER, type TenderDraft } from './tender-form';

const draft = (patch: Partial<TenderDraft>): TenderDraft => ({ ...EMPTY_TENDER, ...patch });

describe('the payment step', () => {
  it('asks for the cash amount, refuses too little, and works out the change', () => {
    expect(checkTender(draft({}), 450)).toEqual({ ready: false, gap: 'cash-amount', shortCents: null });
    expect(checkTender(draft({ tenderedCents: 400 }), 450)).toEqual({
      ready: false,
      gap: 'cash-short',
      shortCents: 50,
    });
    expect(checkTender(draft({ tenderedCents: 2000 }), 450)).toEqual({
      ready: true,
      tender: { method: 'cash', tenderedCents: 2000 },
      changeCents: 1550,
    });
    expect(checkTender(draft({ tenderedCents: 450 }), 450)).toMatchObject({ ready: true, changeCents: 0 });
  });

  it('offers exact, the next $5 and $10, and notes that cover the amount, never less than it', () => {
    expect(cashQuickAmounts(450)).toEqual([450, 500, 1000, 2000, 5000, 10000]);
    expect(cashQuickAmounts(1000)).toEqual([1000, 2000, 5000, 10000]);
    for (const amount of [1, 99, 450, 1999, 2001, 12345]) {
      const offered = cashQuickAmounts(amount);
      expect(offered[0]).toBe(amount);
      expect(offered.every((cents) => cents >= amount && Number.isInteger(cents))).toBe(true);
    }
  });

  it('takes a card with nothing, or with all 4 digits and a valid approval code, but not half a number', () => {
    expect(checkTender(draft({ choice: 'card' }), 450)).toEqual({
      ready: true,
      tender: { method: 'card' },
      changeCents: null,
    });
    expect(checkTender(draft({ choice: 'card', last4: '42' }), 450)).toMatchObject({ gap: 'card-last4' });
    expect(checkTender(draft({ choice: 'card', approvalCode: 'a' }), 450)).toMatchObject({ gap: 'card-approval' });
    expect(checkTender(draft({ choice: 'card', last4: '4242', approvalCode: 'ab12c' }), 450)).toMatchObject({
      ready: true,
      tender: { method: 'card', last4: '4242', approvalCode: 'AB12C' },
    });
  });

  it('needs a reason for a voucher or a complimentary permit', () => {
    expect(checkTender(draft({ choice: 'voucher', reason: '  ' }), 450)).toMatchObject({ gap: 'reason' });
    expect(checkTender(draft({ choice: 'complimentary', reason: ' Staff ' }), 450)).toMatchObject({
      ready: true,
      tender: { method: 'other', kind: 'complimentary', reason: 'Staff' },
    });
  });

  it('reads the amount keys as a till does, and nothing typed as no amount', () => {
    expect(centsOfKeys('2000')).toBe(2000);
    expect(centsOfKeys('0450')).toBe(450);
    expect(centsOfKeys('')).toBeNull();
    expect(centsOfKeys('0')).toBeNull();
    // Never past the largest amount main takes (8 digits: 999999.99).
    expect(centsOfKeys('99999999999')).toBe(99999999);
  });
});

describe('money back on a cancel', () => {
  it('gives back nothing unless asked, at most what was paid, and asks for the PIN above the limit', () => {
    expect(checkRefund({ give: false, amountCents: 900, method: 'cash' }, 900, 2000)).toEqual({
      ready: true,
      refund: null,
      needsPin: false,
    });
    expect(checkRefund({ give: true, amountCents: null, method: 'cash' }, 900, 2000)).toMatchObject({
      gap: 'refund-amount',
    });
    expect(checkRefund({ give: true, amountCents: 901, method: 'cash' }, 900, 2000)).toMatchObject({
      gap: 'refund-too-much',
    });
    expect(checkRefund({ give: true, amountCents: 900, method: 'card' }, 900, 2000)).toEqual({
      ready: true,
      refund: { amountCents: 900, method: 'card' },
      needsPin: false,
    });
    expect(checkRefund({ give: true, amountCents: 2001, method: 'cash' }, 3000, 2000)).toMatchObject({
      needsPin: true,
    });
    expect(checkRefund({ give: true, amountCents: 2000, method: 'cash' }, 3000, 2000)).toMatchObject({
      needsPin: false,
    });
  });
});
