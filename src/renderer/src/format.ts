import { formatDateTime, formatTimeOfDay } from '../../shared/time';

/** 30 → "30 min", 60 → "1 h", 90 → "1 h 30 min": short enough for a big button. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return `${hours} h ${rest} min`;
}

/** A time of day alone would mislead when the permit ends on another day, so only today's ends drop the date. */
export function formatEnd(instant: string, now: Date = new Date()): string {
  return new Date(instant).toDateString() === now.toDateString() ? formatTimeOfDay(instant) : formatDateTime(instant);
}

/** Main names fields by their request keys; attendants need the words on the screen. */
const FIELD_LABELS: Record<string, string> = {
  plate: 'Licence plate',
  zone: 'Zone',
  durationMinutes: 'Duration',
  minutes: 'Duration',
  ticketNumber: 'Permit',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}
