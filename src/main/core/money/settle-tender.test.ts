import { describe, expect, it } from 'vitest';
import { TenderInputSchema } from '../../../shared/money/ledger-entries';
import { KioskFailure } from '../channels/failure';
import { describeTender, settleTender } from './settle-tender';

const sale = { amountCents: 1450, currency: 'CAD' };

function refusal(run: () => unknown): { code: string; problem?: unknown; field?: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof KioskFailure) return error.error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('tenders', () => {
  it('gives the change of a cash tender, and takes the exact amount with no change', () => {
    expect(settleTender({ method: 'cash', tenderedCents: 2000 }, sale, 'CAD')).toEqual({
      method: 'cash',
      tenderedCents: 2000,
      changeCents: 550,
    });
    expect(settleTender({ method: 'cash', tenderedCents: 1450 }, sale, 'CAD')).toMatchObject({ changeCents: 0 });
  });

  it('refuses cash that does not cover the amount, and cash in another currency than the drawer’s', () => {
    expect(refusal(() => settleTender({ method: 'cash', tenderedCents: 1449 }, sale, 'CAD'))).toMatchObject({
      code: 'invalid-request',
      problem: { code: 'cash-short', params: { tendered: 1449, amount: 1450, currency: 'CAD' } },
      field: 'tender.tenderedCents',
    });
    const usd = { amountCents: 500, currency: 'USD' };
    expect(refusal(() => settleTender({ method: 'cash', tenderedCents: 500 }, usd, 'CAD'))).toMatchObject({
      problem: { code: 'cash-other-currency', params: { drawer: 'CAD', currency: 'USD' } },
    });
    // A card takes any currency.
    expect(settleTender({ method: 'card' }, usd, 'CAD')).toEqual({ method: 'card' });
  });

  it('keeps a card’s approval code and last 4 digits, and an other tender’s kind and reason', () => {
    const card = TenderInputSchema.parse({ method: 'card', last4: '4242', approvalCode: ' ab12cd ' });
    expect(settleTender(card, sale, 'CAD')).toEqual({ method: 'card', last4: '4242', approvalCode: 'AB12CD' });
    const voucher = TenderInputSchema.parse({ method: 'other', kind: 'voucher', reason: 'Event pass 17' });
    expect(settleTender(voucher, sale, 'CAD')).toEqual({ method: 'other', kind: 'voucher', reason: 'Event pass 17' });
    expect(describeTender(settleTender(card, sale, 'CAD'))).toBe('card: approval AB12CD, card ending 4242');
  });

  it('records a sale sent without a tender as unrecorded, never as cash', () => {
    expect(settleTender(undefined, sale, 'CAD')).toEqual({ method: 'unrecorded' });
  });

  it('validates what the screen sends, each refusal a problem code', () => {
    const cases: Array<[unknown, string]> = [
      [{ method: 'cash', tenderedCents: -1 }, 'cash-tendered-range'],
      [{ method: 'cash', tenderedCents: 10.5 }, 'cents-whole'],
      [{ method: 'card', last4: '42' }, 'card-last4-format'],
      [{ method: 'card', approvalCode: 'no spaces!' }, 'card-approval-format'],
      [{ method: 'other', kind: 'voucher', reason: '  ' }, 'reason-needed'],
      [{ method: 'other', kind: 'gift', reason: 'x' }, 'tender-other-kind'],
      [{ method: 'cheque' }, 'tender-method'],
    ];
    for (const [input, code] of cases) {
      const parsed = TenderInputSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(input)).toBe(false);
      expect(parsed.error?.issues[0]?.message, JSON.stringify(input)).toBe(code);
    }
  });
});
