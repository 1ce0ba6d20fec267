import type { Language } from '../../../shared/language';
import type { SyncState } from '../../../shared/permits/permit';
import { formatMoney } from '../../../shared/money/money';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../../shared/plates/plate';
import { formatDateTime, formatTimeOfDay } from '../../../shared/time';
import { catalogs } from '../i18n/catalog';

/**
 * Numbers, money, times and durations for people, in the kiosk's language. `lang` defaults to English so
 * callers that do not care (tests, logs) stay short.
 */

/** English 30 → "30 min", 60 → "1 h", 90 → "1 h 30 min"; French "30 min", "1 h", "1 h 30". Short enough for a big button. */
export function formatDuration(minutes: number, lang: Language = 'en-CA'): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return catalogs[lang].hoursAndMinutes(hours, rest);
}

/** A time of day alone would mislead for another day, so only today's instants drop the date (permit ends, queue). */
export function formatEnd(instant: string, now: Date = new Date(), lang: Language = 'en-CA'): string {
  return new Date(instant).toDateString() === now.toDateString()
    ? formatTimeOfDay(instant, lang)
    : formatDateTime(instant, lang);
}

/** How long since an instant: "under 1 min", "3 min", "2 h 5 min", "3 d 4 h" (French "3 j 4 h"). */
export function formatAge(since: string, now: Date = new Date(), lang: Language = 'en-CA'): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 1) return catalogs[lang].underOneMinute;
  if (minutes < 24 * 60) return formatDuration(minutes, lang);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  const day = catalogs[lang].days(days);
  return hours === 0 ? day : `${day} ${hours} h`;
}

/** Whole minutes until `end` (rounded down, never negative): a 60-minute permit reads "59 min" a second after issue. */
export function minutesUntil(end: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((Date.parse(end) - now.getTime()) / 60_000));
}

/** "ends in 59 min", or "ended" once the end has passed. */
export function formatCountdown(end: string, now: Date = new Date(), lang: Language = 'en-CA'): string {
  const t = catalogs[lang];
  if (Date.parse(end) <= now.getTime()) return t.ended;
  const minutes = minutesUntil(end, now);
  return t.endsIn(minutes < 1 ? t.underOneMinute : formatDuration(minutes, lang));
}

/** "45 min left" on a permit row; "ended" when it has run out but is still listed. */
export function formatTimeLeft(end: string, now: Date = new Date(), lang: Language = 'en-CA'): string {
  const t = catalogs[lang];
  if (Date.parse(end) <= now.getTime()) return t.ended;
  const minutes = minutesUntil(end, now);
  return t.minutesLeft(minutes < 1 ? t.underOneMinute : formatDuration(minutes, lang));
}

/** The confirmation's words for where a permit stands with OPSCOM. */
export function syncText(sync: SyncState, message: string | null, lang: Language = 'en-CA'): string {
  const t = catalogs[lang];
  if (sync === 'sent') return t.syncTextSent;
  if (sync === 'waiting') return t.syncTextWaiting;
  return message ? t.syncTextAttentionWith(message) : t.syncTextAttention;
}

export function syncLabel(sync: SyncState, lang: Language = 'en-CA'): string {
  const t = catalogs[lang];
  return sync === 'sent' ? t.syncSent : sync === 'waiting' ? t.syncWaiting : t.syncAttention;
}

/** Main names fields by their request path ("plate", "changes.zones.0.name"); attendants need the words on screen. */
export function fieldLabel(field: string, lang: Language = 'en-CA'): string {
  const t = catalogs[lang];
  const labels: Record<string, string> = {
    plate: t.fieldPlate,
    zone: t.fieldZone,
    durationMinutes: t.fieldDuration,
    minutes: t.fieldDuration,
    ticketNumber: t.fieldPermit,
    adminPin: t.fieldAdminPin,
    actionId: t.fieldQueueItem,
    attendant: t.fieldAttendant,
    reason: t.fieldReason,
    controllerUrl: t.controllerUrl,
    apiToken: t.newToken,
    kioskId: t.kioskId,
    kioskName: t.kioskName,
    zones: t.sectionZones,
    name: t.zoneName,
    currency: t.currency,
    centsPerHour: t.centsPerHour,
    maxCents: t.maxCents,
    presets: t.presetMinutes,
    timeMode: t.timeMode,
    language: t.languageSetting,
    outboxConcurrency: t.outboxConcurrency,
    idleResetSeconds: t.idleReset,
    newAdminPin: t.newAdminPin,
  };
  // The most specific named part: "changes.zones.0.name" → "Zone name", "changes.zones.0.presets.2" → durations.
  const parts = field.split('.').filter((part) => part !== 'changes' && !/^\d+$/.test(part));
  for (let i = parts.length - 1; i >= 0; i--) {
    const label = labels[parts[i] ?? ''];
    if (label) return label;
  }
  return field;
}

export { formatMoney };

/** What a typed or pasted plate becomes: the canonical form, only A–Z and 0–9, at most the OPSCOM length. */
export function cleanPlate(raw: string): string {
  return normalisePlate(raw)
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, PLATE_MAX_LENGTH);
}
