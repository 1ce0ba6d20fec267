import type { Language } from '../../../shared/language';
import { en } from './en-CA';
import { fr } from './fr-CA';

/**
 * The kiosk's words, one file per language: ./en-CA.ts (the reference) and ./fr-CA.ts. English's shape is the
 * `Catalog` type, so a key missing from French, an extra one, or a message taking other arguments is a type error
 * (./catalog.test.ts proves it). A word that changes with a count uses the language's plural rules
 * (src/shared/intl.ts); money and times are formatted by src/shared/money/money.ts and src/shared/time.ts.
 */
export type Catalog = typeof en;
export type MessageKey = keyof Catalog;

export const catalogs: Record<Language, Catalog> = { 'en-CA': en, 'fr-CA': fr };

/** Each language's name in that language, for the settings choice. */
export const LANGUAGE_NAMES: Record<Language, string> = { 'en-CA': 'English', 'fr-CA': 'Français' };
