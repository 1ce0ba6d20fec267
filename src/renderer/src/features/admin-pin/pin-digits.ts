/**
 * The admin PIN's rule, as main's contract states it for a new PIN (`NewAdminPin` in src/shared/contract.ts:
 * 4 to 8 digits) and `npm run provision -- --hash-pin` checks before hashing one. Every PIN field keeps to it.
 */
export const PIN_MIN_LENGTH = 4;
export const PIN_MAX_LENGTH = 8;

/** A whole PIN, as a new one must be. */
export const WHOLE_PIN = new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`);

/** What a PIN field keeps of what was typed, pasted or tapped: its digits, at most PIN_MAX_LENGTH of them. */
export function pinDigits(raw: string): string {
  return raw.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH);
}
