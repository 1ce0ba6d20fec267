import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../shared/time';

/**
 * The supervisor's PIN, which guards irreversible choices (discarding a queued action). Stored only as a salted
 * scrypt hash; five wrong tries lock it for five minutes, so a PIN cannot be guessed at the counter.
 */
export const DEFAULT_ADMIN_PIN = '1234';
const MAX_TRIES = 5;
const LOCK_MS = 5 * 60_000;

export function hashPin(pin: string, salt = randomBytes(16)): string {
  return `scrypt:${salt.toString('base64')}:${scryptSync(pin, salt, 32).toString('base64')}`;
}

export type PinCheck = { ok: true } | { ok: false; message: string };

export class AdminPin {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly hash: () => string,
    private readonly clock: Clock,
  ) {}

  check(pin: string): PinCheck {
    const now = this.clock.now().getTime();
    if (now < this.lockedUntil) {
      const minutes = Math.ceil((this.lockedUntil - now) / 60_000);
      return { ok: false, message: `Too many wrong PINs. Try again in ${minutes} min.` };
    }
    if (verifyPin(pin, this.hash())) {
      this.failures = 0;
      return { ok: true };
    }
    this.failures += 1;
    if (this.failures >= MAX_TRIES) {
      this.failures = 0;
      this.lockedUntil = now + LOCK_MS;
      return { ok: false, message: 'Too many wrong PINs. The PIN is locked for 5 minutes.' };
    }
    const left = MAX_TRIES - this.failures;
    return { ok: false, message: `That PIN is not right. ${left} ${left === 1 ? 'try' : 'tries'} left.` };
  }
}

function verifyPin(pin: string, stored: string): boolean {
  const [scheme, salt, hash] = stored.split(':');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
