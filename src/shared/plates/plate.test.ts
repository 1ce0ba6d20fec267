import { describe, expect, it } from 'vitest';
import { isProblemCode, problemMessage } from '../errors/problems';
import { normalisePlate, rememberPlate } from './plate';
import { PlateInputSchema } from './plate-schema';

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
    // The schema says which rule as a problem code; the words (both languages) live in problems.ts.
    const words = (input: unknown) => {
      const code = PlateInputSchema.safeParse(input).error?.issues[0]?.message;
      return isProblemCode(code) ? problemMessage({ code }) : code;
    };
    expect(words(' - ')).toBe('Enter a licence plate.');
    expect(words('A'.repeat(26))).toMatch(/at most 25/);
    expect(words('AB*12')).toMatch(/only the letters A to Z/);
    expect(PlateInputSchema.safeParse(42).success).toBe(false);
  });
});

describe('recent plates', () => {
  it('keeps the newest first, once each, at most six', () => {
    let recent: string[] = [];
    for (const plate of ['A1', 'B2', 'C3', 'A1', 'D4', 'E5', 'F6', 'G7']) recent = rememberPlate(recent, plate);
    expect(recent).toEqual(['G7', 'F6', 'E5', 'D4', 'A1', 'C3']);
  });
});
