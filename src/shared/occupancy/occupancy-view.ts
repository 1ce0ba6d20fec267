import { z } from 'zod';
import { ProblemSchema } from '../errors/kiosk-error';

export const OccupancySchema = z.object({
  rows: z.array(z.object({ zone: z.string(), type: z.string(), total: z.number().int().nonnegative() })),
  /** When these figures came from OPSCOM; null if they never did. */
  fetchedAt: z.iso.datetime().nullable(),
  /** Why the figures are not fresh; null when they are. */
  problem: ProblemSchema.nullable(),
});
export type Occupancy = z.infer<typeof OccupancySchema>;
