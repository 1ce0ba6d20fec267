import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemMessage, problemText, type ProblemCode } from './problems';
import type { Words } from './problem-words/params';
import { fr } from './problem-words/fr-CA';

const SAMPLE = {
  triesLeft: 3,
  minutes: 10,
  attendant: 'Sam',
  zone: 'Lot 9',
  ticket: 'K1-000001',
  host: 'other.example',
  errorCode: 9021,
  controllerMessage: 'Plate too long',
  status: 503,
  limit: '90 s',
  done: 'cancelled',
  pin: '1234',
  field: 'plate',
  fields: 'apiToken',
  detail: 'x',
  kib: 64,
  text: 'old words',
  currency: 'CAD',
  drawer: 'CAD',
  tendered: 1000,
  amount: 1450,
  max: 450,
  above: 2000,
  cents: 25,
  difference: -750,
  tolerance: 500,
  plate: 'ABC123',
  freeMiB: 120,
  part: 'N',
  value: 1048576,
  min: 16384,
};

describe('problems main reports', () => {
  it('have words in both languages, with every value filled in, and French differs where it should', () => {
    for (const code of PROBLEM_CODES) {
      const en = problemText('en-CA', { code, params: SAMPLE });
      const fr = problemText('fr-CA', { code, params: SAMPLE });
      for (const text of [en, fr]) {
        expect(text.trim(), code).not.toBe('');
        expect(text, code).not.toMatch(/undefined|NaN|\[object/);
      }
      if (code !== 'legacy-message') expect(fr, code).not.toBe(en);
    }
  });

  it('word OPSCOM’s own codes in both languages, with its message after', () => {
    const problem = { code: 'opscom-error', params: { errorCode: 9022, controllerMessage: 'Dup' } } as const;
    expect(problemMessage(problem)).toBe('OPSCOM already has a permit with these details. (Dup)');
    expect(problemText('fr-CA', problem)).toBe('OPSCOM a déjà un permis avec ces détails. (Dup)');
    expect(problemMessage({ code: 'opscom-error', params: { errorCode: 9777 } })).toMatch(/error 9777/);
  });

  it('word money in each language’s own way, from integer cents, with a difference’s sign in the words', () => {
    const short = { code: 'cash-short', params: { tendered: 1000, amount: 1450, currency: 'CAD' } } as const;
    expect(problemMessage(short)).toBe('The driver gave $10.00: not enough for $14.50.');
    expect(problemText('fr-CA', short)).toMatch(/^Le conducteur a donné 10,00\s\$ : pas assez pour 14,50\s\$\.$/);
    const drawer = { code: 'drawer-difference-needs-pin', params: { difference: -750, tolerance: 500 } } as const;
    expect(problemMessage(drawer)).toMatch(/^The drawer is short by \$7\.50, more than the \$5\.00 allowed/);
    expect(problemText('fr-CA', drawer)).toMatch(/^Il manque 7,50\s\$ dans le tiroir, plus que les 5,00\s\$ permis/);
    const over = { code: 'drawer-difference-needs-pin', params: { difference: 900, tolerance: 500 } } as const;
    expect(problemMessage(over)).toMatch(/^The drawer is over by \$9\.00/);
  });

  it('word the kiosk’s own disk faults in both languages, each telling the attendant to call a supervisor', () => {
    const faults = ['disk-full', 'disk-failing', 'disk-read-only', 'disk-too-low'] as const;
    expect(faults.map((code) => problemMessage({ code }))).toEqual([
      'This kiosk’s disk is full: nothing was recorded. Call a supervisor.',
      'This kiosk’s disk is failing: nothing was recorded. Call a supervisor.',
      'This kiosk cannot write to its disk (read-only): nothing was recorded. Call a supervisor.',
      'This kiosk’s disk is almost full: new sales are stopped so waiting ones can still be sent. Call a supervisor.',
    ]);
    for (const code of faults) expect(problemText('fr-CA', { code }), code).toMatch(/Appelez un superviseur\.$/);
    expect(problemText('fr-CA', { code: 'disk-full' })).toMatch(/plein : rien n’a été enregistré/);
    expect(problemMessage({ code: 'disk-low', params: { freeMiB: 120 } })).toMatch(/\(120 MiB left\)/);
    expect(problemText('fr-CA', { code: 'disk-low', params: { freeMiB: 120 } })).toMatch(/il reste 120 Mio/);
  });
});

describe('problem words, by each language’s own plural rules', () => {
  it('French: 0 and 1 singular, 2 plural', () => {
    const tries = (triesLeft: number) => problemText('fr-CA', { code: 'pin-wrong', params: { triesLeft } });
    expect(tries(0)).toBe('Ce NIP n’est pas le bon. Il reste 0 essai.');
    expect(tries(1)).toBe('Ce NIP n’est pas le bon. Il reste 1 essai.');
    expect(tries(2)).toBe('Ce NIP n’est pas le bon. Il reste 2 essais.');
    const locked = (minutes: number) => problemText('fr-CA', { code: 'pin-just-locked', params: { minutes } });
    expect(locked(1)).toMatch(/bloqué pendant 1 minute\.$/);
    expect(locked(5)).toMatch(/bloqué pendant 5 minutes\.$/);
  });

  it('English: 0 plural, 1 singular, 2 plural', () => {
    const tries = (triesLeft: number) => problemMessage({ code: 'pin-wrong', params: { triesLeft } });
    expect(tries(0)).toBe('That PIN is not right. 0 tries left.');
    expect(tries(1)).toBe('That PIN is not right. 1 try left.');
    expect(tries(2)).toBe('That PIN is not right. 2 tries left.');
    expect(problemMessage({ code: 'pin-just-locked', params: { minutes: 1 } })).toMatch(/locked for 1 minute\.$/);
  });
});

describe('the problem words’ compile-time check (tsc fails on each line marked @ts-expect-error)', () => {
  it('refuses a language missing a code, or with a code English does not have', () => {
    const { 'pin-wrong': _pinWrong, ...withoutPinWrong } = fr;
    // @ts-expect-error French without 'pin-wrong' does not word every problem
    const _missingCode: Record<ProblemCode, Words> = withoutPinWrong;
    const _extraCode: Record<ProblemCode, Words> = {
      ...fr,
      // @ts-expect-error a code English does not have
      'pin-wrong-again': () => 'Encore un mauvais NIP.',
    };
    expect(withoutPinWrong).not.toHaveProperty('pin-wrong');
  });
});
