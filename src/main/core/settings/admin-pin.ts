import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import path from 'node:path';
import { DEMO_ADMIN_PIN } from '../../../shared/demo';
import { checkPinHash } from '../../../shared/settings/pin-hash';
import type { Problem } from '../../../shared/errors/problems';
import { toInstant, type Clock } from '../../../shared/time';
import { readFileIfExists, writeFileDurably } from '../storage/durable-file';
import { fail } from '../channels/failure';

/**
 * The supervisor's PIN, which guards settings and irreversible choices. There is no default outside demo mode:
 * the first start asks for one before anything can be sold. Demo mode uses a PIN everybody knows, shown on screen.
 *
 * Stored only as a salted scrypt hash: N = 2^15, r = 8, p = 1, a 32-byte key and a 16-byte salt, about 32 MiB and
 * a tenth of a second per check on a kiosk PC. The check runs on Node's thread pool (async scrypt), never on the
 * event loop, and one at a time, so parallel guesses cannot slip past the count of wrong tries.
 *
 * A stored hash is checked against src/shared/settings/pin-hash.ts's bounds before each use: one with absurd parameters
 * (provisioned, or a tampered settings file) is refused at once, in words that say how to replace it, rather than
 * making scrypt fail (Settings locked out) or run for most of a minute.
 *
 * Wrong tries are counted on disk, so a restart does not reset them: five in a row lock the PIN for 5 minutes,
 * and each lock-out after that doubles (10, 20, 40 min…, at most 24 h) until the right PIN is entered.
 */
const MAX_TRIES = 5;
const FIRST_LOCK_MS = 5 * 60_000;
const MAX_LOCK_MS = 24 * 60 * 60_000;
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32 } as const;
/** Hashes written before the parameters were stored: Node's defaults then. */
const LEGACY_SCRYPT = { N: 2 ** 14, r: 8, p: 1 } as const;

function scryptAsync(pin: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  // maxmem above the 128·N·r bytes scrypt needs, which Node's 32 MiB default would refuse at N = 2^15.
  return new Promise((resolve, reject) =>
    scrypt(pin, salt, length, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPin(pin: string, salt = randomBytes(16)): Promise<string> {
  const { N, r, p, keyLength } = SCRYPT;
  const key = await scryptAsync(pin, salt, keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** False for a wrong PIN, and for a hash that cannot be used (`pinHashProblem` says why). */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed.ok) return false;
  const actual = await scryptAsync(pin, parsed.salt, parsed.hash.length, parsed.options);
  return timingSafeEqual(actual, parsed.hash);
}

/** Why a stored hash cannot be used (its format, or a part out of bounds), or undefined when it can. */
export function pinHashProblem(stored: string): Problem | undefined {
  const parsed = parseHash(stored);
  return parsed.ok ? undefined : parsed.problem;
}

type ParsedHash = { ok: true; salt: Buffer; hash: Buffer; options: ScryptOptions } | { ok: false; problem: Problem };

function parseHash(stored: string): ParsedHash {
  // A legacy `scrypt:salt:hash` is checked as the modern hash it stands for, with the parameters it was made with.
  const [scheme, legacySalt, legacyHash, ...more] = stored.split(':');
  const legacy = scheme === 'scrypt' && legacySalt && legacyHash && more.length === 0;
  const { N, r, p } = LEGACY_SCRYPT;
  const checked = checkPinHash(legacy ? ['scrypt', N, r, p, legacySalt, legacyHash].join('$') : stored);
  if (!checked.ok) {
    if (checked.reason === 'format') return { ok: false, problem: { code: 'pin-hash-unusable' } };
    const { part, value, min, max } = checked;
    return { ok: false, problem: { code: 'pin-hash-unusable', params: { part, value, min, max } } };
  }
  const { parts } = checked;
  return {
    ok: true,
    salt: Buffer.from(parts.salt, 'base64'),
    hash: Buffer.from(parts.key, 'base64'),
    options: { N: parts.N, r: parts.r, p: parts.p },
  };
}

/** Why a PIN was refused, with what the screen needs to say it. */
export type PinCheck =
  | { ok: true }
  | { ok: false; reason: 'not-set' }
  /** The stored hash is out of bounds or not a hash: refused before any scrypt, and not counted as a wrong try. */
  | { ok: false; reason: 'unusable'; problem: Problem }
  | { ok: false; reason: 'wrong'; triesLeft: number }
  /** `until`: the instant the lock-out ends, so a screen can count down to it; `minutes` is that, rounded up. */
  | { ok: false; reason: 'locked'; minutes: number; until: string; justLocked: boolean };

interface LockState {
  failures: number;
  lockedUntil: number;
  /** Lock-outs since the last right PIN: each one doubles the next. */
  lockouts: number;
}

const UNLOCKED: LockState = { failures: 0, lockedUntil: 0, lockouts: 0 };

/** The lock-out's end as an instant, rounded up to the second: a countdown to it never ends while still locked. */
const lockEnd = (ms: number): string => toInstant(new Date(Math.ceil(ms / 1000) * 1000));

export class AdminPin {
  private lock: LockState = UNLOCKED;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly hash: () => string | undefined,
    private readonly clock: Clock,
    private readonly lockFile: string,
    private readonly demo: boolean,
  ) {}

  /**
   * `dataDir` keeps the count of wrong tries across restarts (`admin-pin-lock.json`, mode 0600). In demo mode the
   * PIN is the known demo PIN instead of what `hash` says.
   */
  static async open(
    hash: () => string | undefined,
    clock: Clock,
    dataDir: string,
    options: { demo?: boolean } = {},
  ): Promise<AdminPin> {
    const demoHash = options.demo ? await hashPin(DEMO_ADMIN_PIN) : undefined;
    const pin = new AdminPin(() => demoHash ?? hash(), clock, path.join(dataDir, 'admin-pin-lock.json'), !!demoHash);
    pin.lock = parseState(await readFileIfExists(pin.lockFile));
    return pin;
  }

  get isSet(): boolean {
    return this.hash() !== undefined;
  }

  /** What the screen needs to know: ask for a first PIN, or show the demo PIN. */
  get state(): 'set' | 'not-set' | 'demo' {
    return this.demo ? 'demo' : this.isSet ? 'set' : 'not-set';
  }

  get isDemo(): boolean {
    return this.demo;
  }

  /** Ends the request with the refusal's problem unless the PIN is right. */
  async require(pin: string): Promise<void> {
    const check = await this.check(pin);
    if (!check.ok) fail('not-allowed', pinProblem(check), { field: 'adminPin' });
  }

  /** Nothing is sold before a supervisor has set the admin PIN (outside demo mode). */
  requireSet(): void {
    if (!this.isSet) fail('not-allowed', 'pin-set-first');
  }

  /** One check at a time, in the order asked. */
  check(pin: string): Promise<PinCheck> {
    const next = this.queue.then(() => this.checkNow(pin));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async checkNow(pin: string): Promise<PinCheck> {
    const stored = this.hash();
    if (stored === undefined) return { ok: false, reason: 'not-set' };
    const unusable = pinHashProblem(stored);
    if (unusable) return { ok: false, reason: 'unusable', problem: unusable };
    const now = this.clock.now().getTime();
    if (now < this.lock.lockedUntil) {
      return {
        ok: false,
        reason: 'locked',
        minutes: Math.ceil((this.lock.lockedUntil - now) / 60_000),
        until: lockEnd(this.lock.lockedUntil),
        justLocked: false,
      };
    }
    if (await verifyPin(pin, stored)) {
      if (this.lock !== UNLOCKED) await this.save(UNLOCKED);
      return { ok: true };
    }
    const failures = this.lock.failures + 1;
    if (failures < MAX_TRIES) {
      await this.save({ ...this.lock, failures });
      return { ok: false, reason: 'wrong', triesLeft: MAX_TRIES - failures };
    }
    const lockouts = this.lock.lockouts + 1;
    const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (lockouts - 1));
    await this.save({ failures: 0, lockedUntil: now + lockMs, lockouts });
    return {
      ok: false,
      reason: 'locked',
      minutes: Math.ceil(lockMs / 60_000),
      until: lockEnd(now + lockMs),
      justLocked: true,
    };
  }

  private async save(state: LockState): Promise<void> {
    this.lock = state;
    await writeFileDurably(this.lockFile, JSON.stringify(state));
  }
}

function parseState(text: string | undefined): LockState {
  if (!text) return UNLOCKED;
  try {
    const value = JSON.parse(text) as Partial<LockState>;
    const whole = (n: unknown) => (typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : 0);
    return { failures: whole(value.failures), lockedUntil: whole(value.lockedUntil), lockouts: whole(value.lockouts) };
  } catch {
    // A damaged file must not unlock the PIN: treat it as one lock-out already served.
    return { failures: 0, lockedUntil: 0, lockouts: 1 };
  }
}

/** A refused PIN, as the problem the screen words. */
export function pinProblem(check: Exclude<PinCheck, { ok: true }>): Problem {
  switch (check.reason) {
    case 'not-set':
      return { code: 'pin-not-set' };
    case 'unusable':
      return check.problem;
    case 'wrong':
      return { code: 'pin-wrong', params: { triesLeft: check.triesLeft } };
    case 'locked':
      return {
        code: check.justLocked ? 'pin-just-locked' : 'pin-locked',
        params: { minutes: check.minutes, until: check.until },
      };
  }
}
