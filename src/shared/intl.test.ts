import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatNumber, numberFormat, plural, pluralRules, pluralsOf } from './intl';
import { formatCalendarDate, formatDateTime, formatTimeOfDay } from './time';

describe('plurals by Intl.PluralRules', () => {
  const copies = { one: 'copy', other: 'copies' };
  const copiesFr = { one: 'copie', other: 'copies' };

  it('French: 0 and 1 are singular, 2 plural', () => {
    expect(plural('fr-CA', 0, copiesFr)).toBe('copie');
    expect(plural('fr-CA', 1, copiesFr)).toBe('copie');
    expect(plural('fr-CA', 2, copiesFr)).toBe('copies');
    expect(plural('fr-CA', 10, copiesFr)).toBe('copies');
  });

  it('English: 0 is plural, 1 singular, 2 plural', () => {
    expect(plural('en-CA', 0, copies)).toBe('copies');
    expect(plural('en-CA', 1, copies)).toBe('copy');
    expect(plural('en-CA', 2, copies)).toBe('copies');
  });

  it('falls back to `other` for a category the forms leave out (French `many`: a million)', () => {
    expect(pluralRules('fr-CA').select(1_000_000)).toBe('many');
    expect(plural('fr-CA', 1_000_000, copiesFr)).toBe('copies');
    expect(pluralsOf('fr-CA')(1_000_000, { ...copiesFr, many: 'de copies' })).toBe('de copies');
  });
});

describe('cached Intl formatters', () => {
  it('build one formatter per language and options, and reuse it', () => {
    expect(numberFormat('fr-CA')).toBe(numberFormat('fr-CA'));
    expect(numberFormat('fr-CA')).not.toBe(numberFormat('en-CA'));
    const money = { style: 'currency', currency: 'CAD' } as const;
    expect(numberFormat('en-CA', money)).toBe(numberFormat('en-CA', { ...money }));
    expect(numberFormat('en-CA', money)).not.toBe(numberFormat('en-CA', { ...money, currency: 'USD' }));
    expect(dateTimeFormat('en-CA', { dateStyle: 'long' })).toBe(dateTimeFormat('en-CA', { dateStyle: 'long' }));
    expect(pluralRules('fr-CA')).toBe(pluralRules('fr-CA'));
  });

  it('format counts and times as a new formatter would', () => {
    expect(formatNumber(1234, 'en-CA')).toBe('1,234');
    expect(formatNumber(1234, 'fr-CA')).toBe((1234).toLocaleString('fr-CA'));
    const instant = '2026-03-05T14:30:00.000Z';
    const at = new Date(instant);
    expect(formatTimeOfDay(instant, 'fr-CA')).toBe(
      new Intl.DateTimeFormat('fr-CA', { hour: 'numeric', minute: '2-digit' }).format(at),
    );
    expect(formatDateTime(instant, 'en-CA')).toBe(
      new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short' }).format(at),
    );
  });

  it('read a calendar date as that day, whatever the time zone', () => {
    expect(formatCalendarDate('2026-03-05', 'en-CA')).toBe('March 5, 2026');
    expect(formatCalendarDate('2026-03-05', 'fr-CA')).toBe('5 mars 2026');
    expect(formatCalendarDate('not a date', 'en-CA')).toBe('not a date');
  });
});
