import { z } from 'zod';

/** A fault of the kiosk's own disk, as `classifyStorageError` names it (#19). */
export const StorageFaultSchema = z.enum(['disk-full', 'disk-failing', 'disk-read-only']);
export type StorageFault = z.infer<typeof StorageFaultSchema>;

/**
 * The kiosk's disk as the status bar shows it (#19). `low`: below the warning line, a supervisor should free space;
 * `full`: below the floor (or a write failed for lack of space), so new sales are refused while waiting ones are
 * still delivered; `failing` and `read-only`: a write failed that way and no write has succeeded since.
 */
export const StorageStatusSchema = z.object({
  state: z.enum(['ok', 'low', 'full', 'failing', 'read-only']),
  /** Free space for the kiosk's user in the data folder; null when the system cannot say. */
  freeBytes: z.number().int().nonnegative().nullable(),
  /** The last storage fault since the kiosk started, even once it cleared, and when it happened. */
  lastFault: StorageFaultSchema.nullable(),
  lastFaultAt: z.iso.datetime().nullable(),
});
export type StorageStatus = z.infer<typeof StorageStatusSchema>;
