import { describe, expect, it } from 'vitest';
import { cleanPlate, formatAge, formatDuration, syncText } from './format';

describe('formatAge', () => {
  const now = new Date('2026-01-01T12:00:00.000Z');
  it.each([
    ['2026-01-01T11:59:30.000Z', 'under 1 min'],
    ['2026-01-01T12:00:10.000Z', 'under 1 min'],
    ['2026-01-01T11:57:00.000Z', '3 min'],
    ['2026-01-01T09:55:00.000Z', '2 h 5 min'],
    ['2025-12-30T08:00:00.000Z', '2 d 4 h'],
    ['2025-12-31T12:00:00.000Z', '1 d'],
  ])('%s → %s', (since, text) => expect(formatAge(since, now)).toBe(text));
});

describe('formatDuration and formatAge in each language', () => {
  it('write hours and minutes as each language does', () => {
    expect([30, 60, 90, 65].map((minutes) => formatDuration(minutes))).toEqual([
      '30 min',
      '1 h',
      '1 h 30 min',
      '1 h 5 min',
    ]);
    expect([30, 60, 90, 65].map((minutes) => formatDuration(minutes, 'fr-CA'))).toEqual([
      '30 min',
      '1 h',
      '1 h 30',
      '1 h 05',
    ]);
  });

  it('write days as "d" in English and "j" in French', () => {
    const now = new Date('2026-01-01T12:00:00.000Z');
    expect(formatAge('2025-12-30T08:00:00.000Z', now, 'fr-CA')).toBe('2 j 4 h');
    expect(formatAge('2025-12-31T12:00:00.000Z', now, 'fr-CA')).toBe('1 j');
  });
});

describe('syncText', () => {
  it('names each state, with the reason when a permit needs attention', () => {
    expect(syncText('sent', null)).toBe('Sent to OPSCOM');
    expect(syncText('waiting', null)).toBe('Waiting to send');
    expect(syncText('attention', 'Plate refused.')).toBe('Needs attention: Plate refused.');
  });
});

describe('cleanPlate', () => {
  it('keeps only canonical plate characters, capped at the OPSCOM length', () => {
    expect(cleanPlate('ab-c 1é2')).toBe('ABC12');
    expect(cleanPlate('9'.repeat(40))).toHaveLength(25);
  });
});
