import { z } from 'zod';

export const ShiftSchema = z.object({
  id: z.string(),
  attendant: z.string(),
  startedAt: z.iso.datetime(),
});
export type Shift = z.infer<typeof ShiftSchema>;

export const ShiftSummarySchema = z.object({
  shift: ShiftSchema,
  /** Null while the shift is still open. */
  closedAt: z.iso.datetime().nullable(),
  issued: z.number().int().nonnegative(),
  extended: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /**
   * Charged during the shift, per currency: issues at their price, extensions at what they added, less the money
   * given back on cancels (a permit cancelled as "Wrong plate" with its money refunded adds nothing).
   */
  amounts: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
  /** Refunded during the shift, per currency (already taken off `amounts`). */
  refunded: z.array(z.object({ currency: z.string(), cents: z.number().int() })).optional(),
  waiting: z.number().int().nonnegative(),
  attention: z.number().int().nonnegative(),
  /** Every action of the shift as CSV, for the close-of-shift export. */
  csv: z.string(),
});
export type ShiftSummary = z.infer<typeof ShiftSummarySchema>;
