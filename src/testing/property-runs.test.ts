import { describe, expect, it } from 'vitest';
import { propertyRuns } from './property-runs';

describe('propertyRuns, the one setting for how many cases a property tries', () => {
  it('runs the full count in CI and a tenth of it (at least one) in the inner loop', () => {
    expect(propertyRuns(5000, { CI: 'true' })).toBe(5000);
    expect(propertyRuns(25, { CI: '1' })).toBe(25);
    expect(propertyRuns(5000, {})).toBe(500);
    expect(propertyRuns(25, {})).toBe(3);
    expect(propertyRuns(5, { CI: 'false' })).toBe(1);
  });

  it('KIOSK_PROPERTY_RUNS overrides both: "full", or a number for every property', () => {
    expect(propertyRuns(100, { KIOSK_PROPERTY_RUNS: 'full' })).toBe(100);
    expect(propertyRuns(100, { CI: 'true', KIOSK_PROPERTY_RUNS: '7' })).toBe(7);
    expect(propertyRuns(25, { KIOSK_PROPERTY_RUNS: '1000' })).toBe(1000);
  });

  it('refuses a count that is not a whole number above 0, in plain words', () => {
    for (const wrong of ['0', '-3', '2.5', 'many'])
      expect(() => propertyRuns(100, { KIOSK_PROPERTY_RUNS: wrong })).toThrow(/KIOSK_PROPERTY_RUNS/);
  });
});
