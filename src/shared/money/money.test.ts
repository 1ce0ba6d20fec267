import { describe, expect, it } from 'vitest';
import { centsToAmountString, CURRENCIES, CURRENCY_MINOR_UNITS, formatMoney } from './money';
import { DENOMINATIONS } from './ledger-entries';
import { CurrencySchema, ZoneRateSchema } from '../settings/settings-view';
import { problemText } from '../errors/problems';

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

  it('formats US dollars as before: two decimals, the sign that tells them from Canadian ones', () => {
    expect(formatMoney(1450, 'USD', 'en-CA')).toBe('US$14.50');
    expect(formatMoney(99_999_999, 'USD', 'en-CA')).toBe('US$999,999.99');
    expect(formatMoney(1450, 'USD', 'fr-CA')).toMatch(/^14,50\s\$\s?US$/);
  });

  it('shows a record kept from before the currency rule as it was sent, never rounded to its own minor units', () => {
    // 1450 "cents" of yen went to OPSCOM as "14.50"; Intl alone would show ¥15.
    expect(formatMoney(1450, 'JPY', 'en-CA')).toMatch(/¥14\.50$/);
    expect(formatMoney(1450, 'EUR', 'fr-CA')).toMatch(/^14,50\s€$/);
  });
});

describe('the currencies the kiosk sells in', () => {
  it('are the ones OPSCOM documents, each with two minor units as OPSCOM’s Amount has', () => {
    expect(CURRENCIES).toEqual(['CAD', 'USD']);
    for (const currency of CURRENCIES) expect(CURRENCY_MINOR_UNITS[currency]).toBe(2);
  });

  it('each have their notes and coins, so a drawer can be counted in any of them', () => {
    for (const currency of CURRENCIES) expect(DENOMINATIONS[currency], currency).toBeDefined();
  });

  it('are the only ones a zone takes: CAD and USD unchanged, JPY and others refused, in both languages', () => {
    expect(CurrencySchema.parse('CAD')).toBe('CAD');
    expect(CurrencySchema.parse(' USD ')).toBe('USD');
    for (const code of ['JPY', 'EUR', 'BHD', 'XXX']) {
      const refused = CurrencySchema.safeParse(code);
      expect(
        refused.error?.issues.map((issue) => issue.message),
        code,
      ).toEqual(['currency-unsupported']);
    }
    // Not a code at all: one problem, the format's.
    expect(CurrencySchema.safeParse('dollars').error?.issues.map((issue) => issue.message)).toEqual([
      'currency-format',
    ]);
    const zone = { name: 'Lot 1', currency: 'JPY', centsPerHour: 450, maxCents: 2400, presets: [60] };
    expect(ZoneRateSchema.safeParse(zone).error?.issues[0]).toMatchObject({
      path: ['currency'],
      message: 'currency-unsupported',
    });
    expect(ZoneRateSchema.safeParse({ ...zone, currency: 'USD' }).success).toBe(true);
    expect(problemText('en-CA', { code: 'currency-unsupported' })).toBe(
      'OPSCOM takes amounts in CAD or USD only: choose one of them.',
    );
    expect(problemText('fr-CA', { code: 'currency-unsupported' })).toMatch(/^OPSCOM n’accepte que .* CAD ou en USD/);
  });
});
