import { describe, expect, it } from 'vitest';
import { catalogs, type Catalog } from './catalog';
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
  reportVoidLine: [2, 1, '$4.50'],
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

describe('the catalogs’ compile-time check (tsc fails on each line marked @ts-expect-error)', () => {
  it('refuses a language missing a key, with a key English does not have, or a message with other arguments', () => {
    const { issuePermit: _issuePermit, ...withoutIssuePermit } = french;
    // @ts-expect-error a language without `issuePermit` is not a Catalog
    const _missingKey: Catalog = withoutIssuePermit;
    const _extraKey: Catalog = {
      ...french,
      // @ts-expect-error a key English does not have
      issuePermitNow: 'Émettre maintenant',
    };
    const _wrongParameter: Catalog = {
      ...french,
      // @ts-expect-error a count is a number, not words
      outboxWaiting: (count: string) => `${count} en attente d’envoi`,
    };
    const _extraParameter: Catalog = {
      ...french,
      // @ts-expect-error a message needing a value English does not give
      noticeCancelled: (plate: string, reason: string) => `Permis de ${plate} annulé (${reason}).`,
    };
    const _messageForWords: Catalog = {
      ...french,
      // @ts-expect-error a message where English has plain words
      issuePermit: (plate: string) => `Émettre pour ${plate}`,
    };
    // The one thing tsc lets through, a message that ignores a value, the shape test above catches at run time.
    expect(withoutIssuePermit).not.toHaveProperty('issuePermit');
  });
});

describe('plurals in the catalogs, by each language’s own rules', () => {
  it('French: 0 and 1 singular, 2 plural', () => {
    expect(french.extraCopies(0)).toBe('OPSCOM a peut-être 0 copie en trop');
    expect(french.extraCopies(1)).toBe('OPSCOM a peut-être 1 copie en trop');
    expect(french.extraCopies(2)).toBe('OPSCOM a peut-être 2 copies en trop');
    expect(french.noticeDiscarded(0)).toBe('0 action abandonnée.');
    expect(french.shiftStillWaiting(0)).toMatch(/^0 action est encore en attente : la borne l’enverra/);
    expect(french.shiftStillWaiting(2)).toMatch(/^2 actions sont encore en attente : la borne les enverra/);
    expect(french.reportVoidLine(1, 0, '4,50 $')).toBe('1 annulé, 0 avec un remboursement de 4,50 $');
    expect(french.reportVoidLine(3, 1, '4,50 $')).toBe('3 annulés, 1 avec un remboursement de 4,50 $');
  });

  it('English: 0 plural, 1 singular, 2 plural', () => {
    expect(english.extraCopies(0)).toBe('OPSCOM may hold 0 extra copies');
    expect(english.extraCopies(1)).toBe('OPSCOM may hold 1 extra copy');
    expect(english.extraCopies(2)).toBe('OPSCOM may hold 2 extra copies');
    expect(english.outboxAttention(0)).toBe('0 need attention');
    expect(english.outboxAttention(1)).toBe('1 needs attention');
    expect(english.noticeDiscarded(1)).toBe('Action discarded.');
    expect(english.noticeDiscarded(0)).toBe('0 actions discarded.');
    expect(english.shiftStillWaiting(1)).toBe('1 action is still waiting: the kiosk sends it when OPSCOM answers.');
    expect(english.shiftStillWaiting(0)).toMatch(/^0 actions are still waiting: the kiosk sends them/);
  });
});
