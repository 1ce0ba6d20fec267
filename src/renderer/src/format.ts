import { formatDateTime, formatTimeOfDay } from '../../shared/time';
import type { SyncState } from '../../shared/domain';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../shared/plate';

/** 30 → "30 min", 60 → "1 h", 90 → "1 h 30 min": short enough for a big button. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return `${hours} h ${rest} min`;
}

/** A time of day alone would mislead for another day, so only today's instants drop the date (permit ends, queue). */
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
  adminPin: 'Admin PIN',
  actionId: 'Queue item',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** How long an action has waited: "under 1 min", "3 min", "2 h 5 min", "3 d 4 h". */
export function formatAge(since: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / 60_000));
  if (minutes < 1) return 'under 1 min';
  if (minutes < 24 * 60) return formatDuration(minutes);
  const days = Math.floor(minutes / (24 * 60));
  const hours = Math.floor((minutes % (24 * 60)) / 60);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

export const SYNC_LABEL = { sent: 'Sent', waiting: 'Waiting', attention: 'Needs attention' } as const;
export const QUEUE_KIND_LABEL = { issue: 'Issue', extend: 'Extend', cancel: 'Cancel' } as const;
export const QUEUE_STATE_LABEL = { waiting: 'Waiting', sending: 'Sending', attention: 'Needs attention' } as const;

/** The confirmation's words for where a permit stands with OPSCOM. */
export function syncText(sync: SyncState, message: string | null): string {
  if (sync === 'sent') return 'Sent to OPSCOM';
  if (sync === 'waiting') return 'Waiting to send';
  return message ? `Needs attention: ${message}` : 'Needs attention';
}

/** What a typed or pasted plate becomes: the canonical form, only A–Z and 0–9, at most the OPSCOM length. */
export function cleanPlate(raw: string): string {
  return normalisePlate(raw)
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, PLATE_MAX_LENGTH);
}
