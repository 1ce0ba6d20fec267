import { numberFormat } from '../intl';

/**
 * Money is integer cents everywhere. The only decimal strings are the ones OPSCOM wants on the wire and
 * the ones the UI formats, both built from cents with integer arithmetic (no floating amounts).
 */
export const MAX_AMOUNT_CENTS = 99_999_999; // OPSCOM's maximum, 999999.99

/**
 * The currencies the kiosk sells in, with their minor units (digits after the point): the ones OPSCOM documents
 * for `CurrencyID`, CAD and USD. OPSCOM's `Amount` always has two penny digits, so a currency with other minor
 * units (JPY has none, BHD three) could not be sent as it was charged: the settings refuse any other currency
 * (`currency-unsupported`). A currency added here must have two minor units while `centsToAmountString` writes
 * two, and its notes and coins (DENOMINATIONS) before a drawer can hold it.
 */
export const CURRENCY_MINOR_UNITS = { CAD: 2, USD: 2 } as const satisfies Record<string, 2>;
export type Currency = keyof typeof CURRENCY_MINOR_UNITS;
export const CURRENCIES = Object.keys(CURRENCY_MINOR_UNITS) as Currency[];

export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_MINOR_UNITS, code);
}

/** 1450 → "14.50": OPSCOM's `Amount` (at least 3 digits, two of them pennies). */
export function centsToAmountString(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) {
    throw new RangeError(`An amount must be a whole, non-negative number of cents, not ${cents}.`);
  }
  const whole = Math.floor(cents / 100);
  const pennies = cents % 100;
  return `${whole}.${pennies.toString().padStart(2, '0')}`;
}

/**
 * Formats cents for people, in their language, without ever turning the amount into a float. Always two
 * decimals, as the amount was counted and sent: a record kept from before the currency rule, in a currency
 * outside the table, reads as it was sent to OPSCOM (1450 JPY: "¥14.50"), never rounded by the currency's own
 * minor units.
 */
export function formatMoney(cents: number, currency: string, locale = 'en-CA'): string {
  const digits = isCurrency(currency) ? CURRENCY_MINOR_UNITS[currency] : 2;
  const format = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts an exact decimal string; passing a number would go through floating point.
  return format.format(centsToAmountString(cents) as unknown as number);
}
