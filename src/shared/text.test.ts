import { describe, expect, it } from 'vitest';
import { channels } from './contract';
import { boundForeignText, FREE_TEXT_RULE, hasForbiddenCharacters } from './text';

describe('free text a person types', () => {
  it('refuses control, line-separator and bidi-override characters, and keeps accents and punctuation', () => {
    for (const bad of [
      'a\u0000b',
      'a\r\nb',
      'a\tb',
      'a\u001bb',
      'a\u0085b',
      'a\u2028b',
      'x\u202eyx',
      'a\u2066b',
      'a\u200fb',
      // invisible: zero-width space, non-joiner, joiner, word joiner, the BOM anywhere
      'a\u200bb',
      'a\u200cb',
      'a\u200db',
      'a\u2060b',
      '\ufeffSam',
      // half a character: a lone high or low surrogate
      'Sam\ud800',
      '\udc00Sam',
      'a\udbffb',
    ]) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    // A whole pair (an emoji, a rare CJK character) is one character, not two lone halves.
    for (const good of ['Éloïse O’Brien-Côté', 'Booth #3 (north)', '李 明', 'Driver left: "wrong lot"', 'Lot 😀 𠀋']) {
      expect(hasForbiddenCharacters(good), good).toBe(false);
    }
  });

  it('is refused in plain words wherever the contract takes it', () => {
    const attempts = [
      channels['shift:start'].request.safeParse({ attendant: 'Sam\u202e' }),
      channels['permits:cancel'].request.safeParse({
        requestId: crypto.randomUUID(),
        ticketNumber: 'K-1',
        reason: 'left\r\n=cmd',
      }),
      channels['settings:update'].request.safeParse({ adminPin: '1234', changes: { kioskName: 'Gate\u0000 1' } }),
      channels['reconcile:clear'].request.safeParse({ ticketNumber: 'K-1', adminPin: '1234', note: 'ok\u2067' }),
      channels['shift:start'].request.safeParse({ attendant: 'Sa\u200bm' }),
      channels['settings:update'].request.safeParse({ adminPin: '1234', changes: { kioskName: 'Gate\ufeff 1' } }),
      channels['permits:cancel'].request.safeParse({
        requestId: crypto.randomUUID(),
        ticketNumber: 'K-1',
        reason: 'left \ud83d',
      }),
      channels['settings:update'].request.safeParse({
        adminPin: '1234',
        changes: {
          zones: [{ name: 'Lot\u202e 1', currency: 'CAD', centsPerHour: 100, maxCents: 500, presets: [60] }],
        },
      }),
    ];
    for (const attempt of attempts) {
      expect(attempt.success).toBe(false);
      expect(attempt.error?.issues[0]?.message).toBe(FREE_TEXT_RULE);
    }
  });
});

describe('text from outside, as the kiosk keeps it', () => {
  it('passes a short clean message unchanged', () => {
    expect(boundForeignText('Field value invalid: “LicencePlate”.')).toBe('Field value invalid: “LicencePlate”.');
    expect(boundForeignText('')).toBe('');
  });

  it('turns controls, invisible and bidi characters and white-space runs into single spaces, trimmed', () => {
    expect(boundForeignText('\r\n  Bad\u0000\u001b[2J plate\u202e\u200b\ufeff\n\tnow \ud800 ')).toBe(
      'Bad [2J plate now',
    );
  });

  it('cuts past the limit to that many characters, ending in an ellipsis, never half a pair', () => {
    const cut = boundForeignText('x'.repeat(10_000));
    expect(cut).toBe(`${'x'.repeat(299)}…`);
    const emoji = boundForeignText('😀'.repeat(500), 10);
    expect([...emoji]).toEqual([...'😀'.repeat(9), '…']);
    expect(hasForbiddenCharacters(emoji)).toBe(false);
    expect(boundForeignText('x'.repeat(300))).toBe('x'.repeat(300));
    expect(boundForeignText(`${'x'.repeat(280)}${' '.repeat(50)}y`)).toBe(`${'x'.repeat(280)} y`);
  });
});
