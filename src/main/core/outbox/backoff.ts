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
