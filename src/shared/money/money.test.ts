import { describe, expect, it } from 'vitest';
import { centsToAmountString, formatMoney } from './money';

describe('money in integer cents', () => {
  it('builds OPSCOM amount strings with two penny digits', () => {
    expect(centsToAmountString(1450)).toBe('14.50');
    expect(centsToAmountString(1)).toBe('0.01');
    expect(centsToAmountString(5)).toBe('0.05');
    expect(centsToAmountString(0)).toBe('0.00');
    expect(centsToAmountString(99_999_999)).toBe('999999.99');
  });

  it('refuses fractional or negative cents', () => {
    expect(() => centsToAmountString(14.5)).toThrow(RangeError);
    expect(() => centsToAmountString(-1)).toThrow(RangeError);
  });

  it('formats for people without floating point drift', () => {
    expect(formatMoney(1450, 'CAD', 'en-CA')).toBe('$14.50');
    expect(formatMoney(10, 'CAD', 'en-CA')).toBe('$0.10');
    expect(formatMoney(1450, 'CAD', 'fr-CA')).toMatch(/^14,50\s\$$/);
  });
});
