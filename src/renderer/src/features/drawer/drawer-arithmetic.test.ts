import { describe, expect, it } from 'vitest';
import { DENOMINATIONS } from '../../../../shared/money/ledger-entries';
import {
  amountDigits,
  centsOfDigits,
  countedTotal,
  countOfText,
  countRows,
  denominationLabel,
} from './drawer-arithmetic';

describe('amount keypad', () => {
  it('fills from the cents up, like a till', () => {
    expect(centsOfDigits('1250')).toBe(1250);
    expect(centsOfDigits('')).toBe(0);
    expect(centsOfDigits('0005')).toBe(5);
    expect(amountDigits('00150a00')).toBe('15000');
  });

  it('stops at 999999.99', () => {
    expect(amountDigits('1234567890')).toBe('12345678');
    expect(centsOfDigits('99999999999')).toBe(99_999_999);
  });
});

describe('blind count', () => {
  const cad = DENOMINATIONS.CAD!;

  it('sends every denomination, largest first, 0 where nothing was entered', () => {
    const rows = countRows([5, 2000, 10], { 2000: 4 });
    expect(rows).toEqual([
      { cents: 2000, count: 4 },
      { cents: 10, count: 0 },
      { cents: 5, count: 0 },
    ]);
  });

  it('totals the rows in cents: 4 × $20 + 1 × $10 + 3 × 25¢ = $90.75', () => {
    expect(countedTotal(cad, { 2000: 4, 1000: 1, 25: 3 })).toBe(9075);
    expect(countedTotal(cad, {})).toBe(0);
  });

  it('takes only whole counts from 0 to 10000', () => {
    expect(countOfText('12')).toBe(12);
    expect(countOfText('')).toBe(0);
    expect(countOfText('99999')).toBe(10_000);
    expect(countOfText('-3')).toBe(3);
    expect(countedTotal(cad, { 100: -2, 200: 2.7 })).toBe(400);
  });
});

describe('denomination labels', () => {
  it('names notes in dollars and coins in cents, in each language', () => {
    expect(denominationLabel(2000, 'en-CA')).toBe('$20');
    expect(denominationLabel(25, 'en-CA')).toBe('25¢');
    expect(denominationLabel(2000, 'fr-CA')).toBe('20 $');
    expect(denominationLabel(25, 'fr-CA')).toBe('25 ¢');
    expect(denominationLabel(10000, 'en-CA')).toBe('$100');
    expect(denominationLabel(1, 'fr-CA')).toBe('1 ¢');
  });
});
