import { describe, expect, it } from 'vitest';
import { catalogs } from './catalog';
import { REGION_CODES } from '../../../shared/plates/plate-formats';

const [english, french] = [catalogs['en-CA'], catalogs['fr-CA']];

/** Messages whose values are not plain words. `problem`'s own test is in src/shared/errors/problems.test.ts. */
const SAMPLE_ARGUMENTS: Record<string, unknown[]> = {
  problem: [{ code: 'pin-wrong', params: { triesLeft: 2 } }],
  issueNeeds: [['shift', 'plate', 'zone', 'duration']],
  // A region code; each one is checked on its own.
  regionName: ['QC'],
  tenderGap: ['cash-amount'],
  refundGap: ['refund-too-much', '$9.00'],
  tenderOtherLine: ['voucher', 'Staff'],
  // Money reports: a label, a count and an amount.
  reportLine: ['Cash', '3', '$13.50'],
  reportVoidLine: ['2', '1', '$4.50'],
};

describe('catalog', () => {
  it('has every key in both languages, and no other', () => {
    expect(Object.keys(french).sort()).toEqual(Object.keys(english).sort());
  });

  it('gives each key the same shape in both languages: words, or a message taking the same arguments', () => {
    for (const key of Object.keys(english) as (keyof typeof english)[]) {
      const en = english[key];
      const fr = french[key];
      expect(typeof fr, key).toBe(typeof en);
      if (typeof en === 'function' && typeof fr === 'function') expect(fr.length, key).toBe(en.length);
    }
  });

  it('has no empty message, and every message fills in its values', () => {
    for (const catalog of [english, french]) {
      for (const [key, value] of Object.entries(catalog)) {
        const args = SAMPLE_ARGUMENTS[key] ?? ['X1', 'Y2'];
        const text = typeof value === 'function' ? (value as (...args: unknown[]) => string)(...args) : value;
        expect(text.trim(), key).not.toBe('');
        expect(text, key).not.toContain('undefined');
      }
    }
  });

  it('names every region of the plate check in both languages', () => {
    for (const code of REGION_CODES) {
      expect(english.regionName(code).trim(), code).not.toBe('');
      expect(french.regionName(code).trim(), code).not.toBe('');
    }
    expect(french.regionName('BC')).toBe('Colombie-Britannique');
  });

  it('is French in French: the words a test looks for differ', () => {
    expect(french.issuePermit).not.toBe(english.issuePermit);
    expect(french.languageLabel).toBe('Langue');
    expect(english.languageLabel).toBe('Language');
    expect(english.languageSwitch).toBe('FR');
    expect(french.languageSwitch).toBe('EN');
  });
});
