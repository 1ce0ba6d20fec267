/**
 * The bounds of an admin PIN hash, `scrypt$N$r$p$salt$hash` (src/main/core/settings/admin-pin.ts writes them), checked
 * where a hash comes in (provisioning) and again where one is used (each PIN check): a hash with absurd
 * parameters must neither lock Settings out (scrypt refusing it) nor make one check take most of a minute (#19).
 *
 * This project writes N = 2^15, r = 8, p = 1, a 16-byte salt and a 32-byte key (older kiosks: N = 2^14). The caps
 * leave room to strengthen that: at N = 2^17, r = 16 a check needs 256 MiB (128·N·r bytes) and a few seconds,
 * the most a kiosk PC should give one PIN.
 */
export const PIN_HASH_BOUNDS = {
  N: { min: 2 ** 14, max: 2 ** 17 },
  r: { min: 1, max: 16 },
  p: { min: 1, max: 4 },
  /** Bytes, once decoded from base64. */
  salt: { min: 16, max: 64 },
  key: { min: 16, max: 64 },
} as const;

export type PinHashPart = keyof typeof PIN_HASH_BOUNDS;

export interface PinHashParts {
  N: number;
  r: number;
  p: number;
  /** base64, as stored */
  salt: string;
  key: string;
}

const BASE64 = '[A-Za-z0-9+/]+={0,2}';
const FORMAT = new RegExp(`^scrypt\\$(\\d{1,10})\\$(\\d{1,10})\\$(\\d{1,10})\\$(${BASE64})\\$(${BASE64})$`);

export type PinHashCheck =
  | { ok: true; parts: PinHashParts }
  | { ok: false; reason: 'format' }
  | { ok: false; reason: 'bounds'; part: PinHashPart; value: number; min: number; max: number };

/** Bytes a base64 text decodes to, without decoding it (this also runs in the page, which has no Buffer). */
const base64Bytes = (text: string): number => Math.floor((text.replace(/=+$/, '').length * 3) / 4);

/** The parts of a modern hash, or which part is out of bounds (the first one found, in N, r, p, salt, key order). */
export function checkPinHash(stored: string): PinHashCheck {
  const match = FORMAT.exec(stored);
  if (!match) return { ok: false, reason: 'format' };
  const [, N = '', r = '', p = '', salt = '', key = ''] = match;
  const parts: PinHashParts = { N: Number(N), r: Number(r), p: Number(p), salt, key };
  const values: Record<PinHashPart, number> = {
    N: parts.N,
    r: parts.r,
    p: parts.p,
    salt: base64Bytes(salt),
    key: base64Bytes(key),
  };
  for (const part of Object.keys(PIN_HASH_BOUNDS) as PinHashPart[]) {
    const { min, max } = PIN_HASH_BOUNDS[part];
    const value = values[part];
    const powerOfTwo = part !== 'N' || (value & (value - 1)) === 0;
    if (value < min || value > max || !powerOfTwo) return { ok: false, reason: 'bounds', part, value, min, max };
  }
  return { ok: true, parts };
}
