import type { KioskError } from '../../../../shared/errors/kiosk-error';

/**
 * The admin PIN's lock-out as the page sees it. Main refuses a PIN during a lock-out with `pin-locked` (or
 * `pin-just-locked` on the try that locked it), and both carry `until`, the instant the lock ends. The lock is
 * main's, for every PIN prompt: the store keeps its end even when the banner that told it is dropped.
 */

const LOCK_CODES: ReadonlySet<string> = new Set(['pin-locked', 'pin-just-locked']);

/** The lock-out's end when `error` is main refusing a PIN because it is locked; null for any other answer. */
export function pinLockEnd(error: KioskError | null | undefined): string | null {
  const problem = error?.problem;
  if (!problem || !LOCK_CODES.has(problem.code)) return null;
  const until = problem.params?.until;
  return typeof until === 'string' && Number.isFinite(Date.parse(until)) ? until : null;
}

/**
 * Whole seconds left until `until`, 0 once it is over. Rounded down, so a five-minute lock reads 05:00, not 05:01
 * (main rounds its end up to the second), but never below 1 while any of it is left: "00:00" means unlocked.
 */
export function secondsLeft(until: string | null, now: Date): number {
  if (!until) return 0;
  const ms = Date.parse(until) - now.getTime();
  return ms > 0 ? Math.max(1, Math.floor(ms / 1000)) : 0;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "04:59" as a countdown clock shows it; a lock-out of an hour or more (they double, up to a day) "1:20:00". */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const clock = `${two(minutes)}:${two(whole % 60)}`;
  return hours > 0 ? `${hours}:${clock}` : clock;
}
