/**
 * The `Intl` objects the kiosk formats with, one per (language, options), built on first use and kept: they are
 * costly to build (each loads locale data) and never change once built. Money is formatted by
 * src/shared/money/money.ts and times by src/shared/time.ts, both with these; words that change with a count
 * ("1 copy", "2 copies") choose their form with `plural`.
 */

function cached<Options extends object, Made>(
  make: (locale: string, options: Options) => Made,
): (locale: string, options?: Options) => Made {
  const made = new Map<string, Made>();
  return (locale, options = {} as Options) => {
    // The options are literals written in code, so the same options always serialise the same way.
    const key = `${locale} ${JSON.stringify(options)}`;
    let value = made.get(key);
    if (value === undefined) {
      value = make(locale, options);
      made.set(key, value);
    }
    return value;
  };
}

export const numberFormat = cached(
  (locale, options: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options),
);
export const dateTimeFormat = cached(
  (locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
);
export const pluralRules = cached((locale, options: Intl.PluralRulesOptions) => new Intl.PluralRules(locale, options));

/** A count for people: "1 234" in French, "1,234" in English. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/**
 * A word's forms by the language's plural category: English has `one` (1) and `other` (0, 2…); French has `one`
 * (0 and 1), `many` (a million, in recent data) and `other`. `other` is always given and stands in for any
 * category a language has that the forms leave out.
 */
export type PluralForms<T = string> = Partial<Record<Intl.LDMLPluralRule, T>> & { other: T };

/** The form of a word for `count` in a language, by `Intl.PluralRules` (never `count === 1`). */
export function plural<T>(locale: string, count: number, forms: PluralForms<T>): T {
  return forms[pluralRules(locale).select(count)] ?? forms.other;
}

/** `plural` for one language, as its catalog uses it: `const forms = pluralsOf('fr-CA')`. */
export function pluralsOf(locale: string): <T>(count: number, forms: PluralForms<T>) => T {
  return (count, forms) => plural(locale, count, forms);
}
