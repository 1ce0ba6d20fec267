/**
 * Every time conversion lives here. Inside the kiosk a moment is an ISO-8601 instant in UTC
 * ("2026-11-30T14:00:00.000Z"); OPSCOM wants `Y-m-d\TH:i:s` with no offset, which we send in UTC by default
 * (its alias names say `StartDateUtc`) or in the kiosk's local time when a setting says so.
 */
import { dateTimeFormat } from './intl';

export type OpscomTimeMode = 'utc' | 'local';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const pad = (n: number): string => n.toString().padStart(2, '0');

/** An instant → OPSCOM's `Y-m-d\TH:i:s` (seconds kept, milliseconds dropped). */
export function toOpscomTime(instant: Date | string, mode: OpscomTimeMode = 'utc'): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not a valid time: ${String(instant)}`);
  const utc = mode === 'utc';
  const year = utc ? d.getUTCFullYear() : d.getFullYear();
  const month = utc ? d.getUTCMonth() + 1 : d.getMonth() + 1;
  const day = utc ? d.getUTCDate() : d.getDate();
  const hours = utc ? d.getUTCHours() : d.getHours();
  const minutes = utc ? d.getUTCMinutes() : d.getMinutes();
  const seconds = utc ? d.getUTCSeconds() : d.getSeconds();
  return `${year.toString().padStart(4, '0')}-${pad(month)}-${pad(day)}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}`;
}

/** A whole-second instant as the kiosk stores it; OPSCOM has no sub-second precision, so we never keep any. */
export function toInstant(date: Date): string {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return whole.toISOString();
}

export function addMinutes(instant: string, minutes: number): string {
  return toInstant(new Date(new Date(instant).getTime() + minutes * 60_000));
}

export function minutesBetween(startInstant: string, endInstant: string): number {
  return Math.round((new Date(endInstant).getTime() - new Date(startInstant).getTime()) / 60_000);
}

export function isAfter(a: string, b: string): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}

/** For people: a time of day in their language, e.g. "2:30 p.m." */
export function formatTimeOfDay(instant: string, locale = 'en-CA'): string {
  return dateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(new Date(instant));
}

export function formatDateTime(instant: string, locale = 'en-CA'): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
}

/**
 * A calendar date ("2026-03-05", as `localDateOf` makes it) for people: "March 5, 2026", "5 mars 2026". It is a day,
 * not an instant, so it is read as that day on the kiosk's calendar (no time zone shift); not a date: as given.
 */
export function formatCalendarDate(date: string, locale = 'en-CA'): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return dateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(year, month - 1, day));
}

/** The kiosk's own calendar date of an instant ("2026-11-30"), for grouping a day's shifts as people see it. */
export function localDateOf(instant: string): string {
  const d = new Date(instant);
  return `${d.getFullYear().toString().padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
