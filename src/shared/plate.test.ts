import { describe, expect, it } from 'vitest';
import { normalisePlate, PlateInputSchema } from './plate';

describe('plate normalisation', () => {
  it('upper-cases and drops spaces and dashes', () => {
    expect(normalisePlate(' ab-c 12 3 ')).toBe('ABC123');
    expect(normalisePlate('pl8-rdr')).toBe('PL8RDR');
  });

  it('accepts up to 25 characters after normalising', () => {
    expect(PlateInputSchema.parse('a'.repeat(25))).toBe('A'.repeat(25));
    expect(PlateInputSchema.parse(`${'A'.repeat(25)}- -`)).toBe('A'.repeat(25));
  });

  it('rejects empty, too long and unusual characters in plain words', () => {
    expect(PlateInputSchema.safeParse(' - ').error?.issues[0]?.message).toBe('Enter a licence plate.');
    expect(PlateInputSchema.safeParse('A'.repeat(26)).error?.issues[0]?.message).toMatch(/at most 25/);
    expect(PlateInputSchema.safeParse('AB*12').error?.issues[0]?.message).toMatch(/only the letters A to Z/);
    expect(PlateInputSchema.safeParse(42).success).toBe(false);
  });
});
