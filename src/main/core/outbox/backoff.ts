/**
 * Exponential backoff with full jitter: a random wait between 0 and min(cap, base × 2^failures), so kiosks that
 * lost the controller together do not all come back at the same instant. `Retry-After`, when the controller
 * sends it, is a floor.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

export function backoffDelayMs(
  failures: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, failures - 1));
  const jittered = Math.floor(random() * ceiling);
  return retryAfterMs === null ? jittered : Math.max(jittered, retryAfterMs);
}

/**
 * After an unclear answer a resend may store one more copy, so it waits at least half its ceiling ("equal
 * jitter"): never a tight loop, yet still spread out. From 1–2 s up to 2.5–5 min.
 */
export const DEFAULT_UNCLEAR_BACKOFF: BackoffPolicy = { baseMs: 2000, capMs: 300_000 };

export function unclearRetryDelayMs(
  streak: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, streak - 1));
  const delay = Math.ceil(ceiling / 2 + random() * (ceiling / 2));
  return retryAfterMs === null ? delay : Math.max(delay, retryAfterMs);
}
