import { describe, expect, it } from 'vitest';
import { channels } from './contract';
import { FREE_TEXT_RULE, hasForbiddenCharacters } from './text';

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
    ]) {
      expect(hasForbiddenCharacters(bad), JSON.stringify(bad)).toBe(true);
    }
    for (const good of ['Éloïse O’Brien-Côté', 'Booth #3 (north)', '李 明', 'Driver left: "wrong lot"']) {
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
