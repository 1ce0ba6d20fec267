import { z } from 'zod';
import { ProblemSchema } from '../errors/kiosk-error';
import { ReceiptWidthSchema, RegionCodeSchema } from '../settings/settings-view';

export const DurationPriceSchema = z.object({
  minutes: z.number().int().positive(),
  cents: z.number().int().nonnegative(),
});

export const ZoneOfferSchema = z.object({
  name: z.string(),
  currency: z.string(),
  presets: z.array(DurationPriceSchema),
});
export type ZoneOffer = z.infer<typeof ZoneOfferSchema>;

export const KioskInfoSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  demoMode: z.boolean(),
  /** Only the host is shown; the token never leaves main. */
  controllerHost: z.string(),
  zones: z.array(ZoneOfferSchema),
  extendMinutes: z.number().int().positive(),
  language: z.enum(['en-CA', 'fr-CA']),
  /** After this long without a touch the kiosk goes back to the Issue screen and clears a half-typed plate. */
  idleResetSeconds: z.number().int().nonnegative(),
  /** not-set: a supervisor must choose the admin PIN before anything is sold; demo: the known demo PIN. */
  adminPin: z.enum(['set', 'not-set', 'demo']),
  /** The regions whose standard plates the Issue screen's plate check knows (src/shared/plates/plate-formats.ts). */
  homeRegions: z.array(RegionCodeSchema),
  /** A refund above this needs the admin PIN: the cancel step asks for it before sending. */
  refundPinAboveCents: z.number().int().nonnegative(),
  /** The receipt roll's width, for the receipt's layout (optional only for mains written before it). */
  receiptWidth: ReceiptWidthSchema.optional(),
  /** Minutes after issuing during which a plate is corrected without the admin PIN. */
  plateFixWindowMinutes: z.number().int().nonnegative().optional(),
});
export type KioskInfo = z.infer<typeof KioskInfoSchema>;

export const ConnectionStateSchema = z.object({
  state: z.enum(['online', 'offline', 'unknown']),
  /** Why it is offline. */
  problem: ProblemSchema.nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type ConnectionState = z.infer<typeof ConnectionStateSchema>;
