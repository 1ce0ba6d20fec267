import { describe, expect, it } from 'vitest';
import { addMinutes, minutesBetween, toInstant, toOpscomTime } from './time';

describe('time conversions', () => {
  it('formats instants as OPSCOM Y-m-d\\TH:i:s in UTC by default', () => {
    expect(toOpscomTime('2018-07-02T09:00:00.000Z')).toBe('2018-07-02T09:00:00');
    expect(toOpscomTime(new Date(Date.UTC(2026, 0, 5, 3, 4, 5, 678)))).toBe('2026-01-05T03:04:05');
  });

  it('formats in local time when asked', () => {
    const d = new Date(2026, 10, 30, 14, 38, 22);
    expect(toOpscomTime(d, 'local')).toBe('2026-11-30T14:38:22');
  });

  it('keeps whole seconds and adds minutes across day ends', () => {
    expect(toInstant(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11-30T23:59:59.000Z');
    expect(addMinutes('2026-11-30T23:45:00.000Z', 30)).toBe('2026-12-01T00:15:00.000Z');
    expect(minutesBetween('2026-11-30T23:45:00.000Z', '2026-12-01T00:15:00.000Z')).toBe(30);
  });

  it('refuses an invalid time instead of sending garbage', () => {
    expect(() => toOpscomTime('not a time')).toThrow(RangeError);
  });
});
