/**
 * The plain rules of tenders that the screen needs at once, kept apart from ledger.ts's schemas so the Issue
 * screen's first load carries no zod (the contract, and zod with it, load just after start).
 */

/**
 * The cash amounts the tender step offers as one tap, smallest first: exact, the next $5, the next $10, then the
 * $20, $50 and $100 notes that cover the amount. Integer cents; never less than the amount; no repeats.
 */
export function cashQuickAmounts(amountCents: number): number[] {
  const up = (step: number) => Math.ceil(amountCents / step) * step;
  const candidates = [amountCents, up(500), up(1000), 2000, 5000, 10000];
  return [...new Set(candidates.filter((cents) => cents >= amountCents))].sort((a, b) => a - b).slice(0, 6);
}

/** How money goes back on a cancel. */
export const REFUND_METHODS = ['cash', 'card', 'voucher'] as const;
export type RefundMethod = (typeof REFUND_METHODS)[number];
