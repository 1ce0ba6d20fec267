/**
 * Money is integer cents everywhere. The only decimal strings are the ones OPSCOM wants on the wire and
 * the ones the UI formats, both built from cents with integer arithmetic (no floating amounts).
 */
export const MAX_AMOUNT_CENTS = 99_999_999; // OPSCOM's maximum, 999999.99

/** 1450 → "14.50": OPSCOM's `Amount` (at least 3 digits, two of them pennies). */
export function centsToAmountString(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError(`An amount must be a whole, non-negative number of cents, not ${cents}.`);
  }
  const whole = Math.floor(cents / 100);
  const pennies = cents % 100;
  return `${whole}.${pennies.toString().padStart(2, '0')}`;
}

/** Formats cents for people, in their language, without ever turning the amount into a float. */
export function formatMoney(cents: number, currency: string, locale = 'en-CA'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl accepts an exact decimal string; passing a number would go through floating point.
  return format.format(centsToAmountString(cents) as unknown as number);
}
