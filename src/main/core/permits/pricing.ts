import { z } from 'zod';
import { ZoneRateSchema, type ZoneRate } from '../../../shared/settings/settings-view';

/**
 * A zone's rate (`ZoneRateSchema`, shared with the settings screen): a price per hour, charged by the started
 * minute and capped at a maximum, in integer cents. Presets are the durations offered on the Issue screen.
 */
export { ZoneRateSchema, type ZoneRate };

export const RateTableSchema = z.object({
  extendMinutes: z.number().int().positive(),
  zones: z.array(ZoneRateSchema).min(1),
});
export type RateTable = z.infer<typeof RateTableSchema>;

/** Cents for `minutes` of parking: rounded up to the next cent, never above the zone's cap. */
export function priceCents(rate: ZoneRate, minutes: number): number {
  if (!Number.isInteger(minutes) || minutes <= 0) throw new RangeError('A duration is a whole number of minutes.');
  const uncapped = Math.ceil((minutes * rate.centsPerHour) / 60);
  return Math.min(uncapped, rate.maxCents);
}

export function findZone(table: RateTable, zone: string): ZoneRate | undefined {
  return table.zones.find((z) => z.name === zone);
}
