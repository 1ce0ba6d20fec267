import type { Language } from '../../../../shared/language';

/**
 * The cash drawer's pure arithmetic for the screens: amounts typed on a keypad, the blind count's rows and the
 * names of notes and coins. Integer cents throughout.
 */

/** The most an amount keypad takes: OPSCOM's maximum, 999999.99. */
export const AMOUNT_MAX_DIGITS = 8;

/** The float amounts offered as one tap, in cents: an empty drawer, then the usual floats. */
export const FLOAT_CHOICES = [0, 10000, 15000, 20000] as const;

/** The most of one note or coin a count takes (main's limit). */
export const COUNT_MAX = 10_000;

/**
 * A keypad amount as a till takes it: digits fill from the cents up ("1250" is 12.50). Anything but digits is
 * dropped, and leading zeros mean nothing.
 */
export function amountDigits(raw: string): string {
  return raw.replace(/\D/g, '').replace(/^0+/, '').slice(0, AMOUNT_MAX_DIGITS);
}

export function centsOfDigits(digits: string): number {
  const clean = amountDigits(digits);
  return clean === '' ? 0 : Number.parseInt(clean, 10);
}

/** A count typed or tapped: a whole number from 0 to COUNT_MAX. */
export function clampCount(count: number): number {
  if (!Number.isFinite(count)) return 0;
  return Math.min(COUNT_MAX, Math.max(0, Math.trunc(count)));
}

/** A count field's text as a count (digits only; empty is 0). */
export function countOfText(text: string): number {
  const digits = text.replace(/\D/g, '').slice(0, 5);
  return clampCount(digits === '' ? 0 : Number.parseInt(digits, 10));
}

/** The counted rows main takes, largest first: every denomination of the drawer, 0 where none was entered. */
export function countRows(
  denominations: readonly number[],
  counts: Readonly<Record<number, number>>,
): Array<{ cents: number; count: number }> {
  return [...denominations].sort((a, b) => b - a).map((cents) => ({ cents, count: clampCount(counts[cents] ?? 0) }));
}

/** The attendant's own running total of the count (never the expected figure). */
export function countedTotal(denominations: readonly number[], counts: Readonly<Record<number, number>>): number {
  return countRows(denominations, counts).reduce((sum, row) => sum + row.cents * row.count, 0);
}

/**
 * A note or coin by its face, as attendants say it: notes in whole dollars ("$20", French "20 $"), coins in
 * cents ("25¢", French "25 ¢").
 */
export function denominationLabel(cents: number, lang: Language): string {
  if (cents >= 100) {
    const dollars = cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
    return lang === 'fr-CA' ? `${dollars.replace('.', ',')} $` : `$${dollars}`;
  }
  return lang === 'fr-CA' ? `${cents} ¢` : `${cents}¢`;
}
