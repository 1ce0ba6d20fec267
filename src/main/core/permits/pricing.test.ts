import { describe, expect, it } from 'vitest';
import defaultRates from '../../../../resources/rates.json';
import { priceCents, RateTableSchema, type ZoneRate } from './pricing';

const lot: ZoneRate = { name: 'Lot 1', currency: 'CAD', centsPerHour: 450, maxCents: 2400, presets: [30, 60] };

describe('pricing', () => {
  it('charges per started minute, rounded up to a whole cent', () => {
    expect(priceCents(lot, 60)).toBe(450);
    expect(priceCents(lot, 30)).toBe(225);
    expect(priceCents(lot, 1)).toBe(8); // 7.5 cents rounds up
    expect(priceCents({ ...lot, centsPerHour: 500 }, 15)).toBe(125);
  });

  it('never charges above the zone cap', () => {
    expect(priceCents(lot, 24 * 60)).toBe(2400);
  });

  it('refuses durations that are not whole positive minutes', () => {
    expect(() => priceCents(lot, 0)).toThrow(RangeError);
    expect(() => priceCents(lot, 1.5)).toThrow(RangeError);
  });

  it('ships a valid default rate table', () => {
    const table = RateTableSchema.parse(defaultRates);
    expect(table.zones.length).toBeGreaterThan(0);
    for (const zone of table.zones)
      for (const minutes of zone.presets) expect(priceCents(zone, minutes)).toBeGreaterThan(0);
  });
});
