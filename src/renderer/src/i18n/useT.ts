import type { Language } from '../../../shared/language';
import type { SyncState } from '../../../shared/permits/permit';
import { formatMoney } from '../../../shared/money/money';
import { formatCalendarDate, formatDateTime, formatTimeOfDay } from '../../../shared/time';
import {
  formatAge,
  formatCountdown,
  formatDuration,
  formatEnd,
  formatTimeLeft,
  fieldLabel,
  syncLabel,
  syncText,
} from '../ui/format';
import { useKiosk } from '../app/store';
import { catalogs, type Catalog } from './catalog';

/** The words and formats of one language; one object per language, so components re-render only on a switch. */
export interface I18n {
  lang: Language;
  t: Catalog;
  money(cents: number, currency: string): string;
  duration(minutes: number): string;
  time(instant: string): string;
  dateTime(instant: string): string;
  /** A calendar date ("2026-03-05", a day report's) as people read it: "March 5, 2026". */
  day(date: string): string;
  /** Time of day for today's instants, date and time otherwise. */
  end(instant: string, now?: Date): string;
  age(since: string, now?: Date): string;
  countdown(end: string, now?: Date): string;
  timeLeft(end: string, now?: Date): string;
  sync(sync: SyncState, message: string | null): string;
  syncLabel(sync: SyncState): string;
  field(field: string): string;
}

function build(lang: Language): I18n {
  return {
    lang,
    t: catalogs[lang],
    money: (cents, currency) => formatMoney(cents, currency, lang),
    duration: (minutes) => formatDuration(minutes, lang),
    time: (instant) => formatTimeOfDay(instant, lang),
    dateTime: (instant) => formatDateTime(instant, lang),
    day: (date) => formatCalendarDate(date, lang),
    end: (instant, now) => formatEnd(instant, now, lang),
    age: (since, now) => formatAge(since, now, lang),
    countdown: (end, now) => formatCountdown(end, now, lang),
    timeLeft: (end, now) => formatTimeLeft(end, now, lang),
    sync: (sync, message) => syncText(sync, message, lang),
    syncLabel: (sync) => syncLabel(sync, lang),
    field: (field) => fieldLabel(field, lang),
  };
}

const byLanguage: Record<Language, I18n> = { 'en-CA': build('en-CA'), 'fr-CA': build('fr-CA') };

export function i18nFor(lang: Language): I18n {
  return byLanguage[lang];
}

/** The kiosk's current language: `const { t, money } = useT()`. */
export function useT(): I18n {
  return byLanguage[useKiosk((s) => s.language)];
}
