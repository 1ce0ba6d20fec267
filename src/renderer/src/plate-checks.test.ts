import { describe, expect, it } from 'vitest';
import { describePlate, findActivePermit, hasLookAlikes } from './plate-checks';
import { permit } from './testing/fixtures';

describe('look-alike characters', () => {
  it.each(['O', '0', 'I', '1', 'B', '8', 'S', '5', 'Z', '2'])('%s needs a look', (c) => {
    expect(hasLookAlikes(`HXK${c}`)).toBe(true);
  });

  it('lets plates without any through', () => {
    expect(hasLookAlikes('HXK47')).toBe(false);
    expect(hasLookAlikes('')).toBe(false);
  });

  it('names each look-alike as a letter or a digit, and leaves the others unmarked', () => {
    expect(describePlate('O0A1')).toEqual([
      { character: 'O', kind: 'letter' },
      { character: '0', kind: 'digit' },
      { character: 'A', kind: null },
      { character: '1', kind: 'digit' },
    ]);
  });
});

describe('already active', () => {
  const now = new Date('2026-01-01T12:30:00.000Z');

  it('finds a running permit for the same plate', () => {
    expect(findActivePermit([permit()], 'abc-123', now)?.ticketNumber).toBe('T-1');
  });

  it('ignores other plates, cancelled permits and permits that have ended', () => {
    const list = [
      permit({ plate: 'ABC124' }),
      permit({ ticketNumber: 'T-2', status: 'cancelled' }),
      permit({ ticketNumber: 'T-3', endAt: '2026-01-01T12:29:59.000Z' }),
    ];
    expect(findActivePermit(list, 'ABC123', now)).toBeNull();
  });

  it('shows the one that runs longest when there are several', () => {
    const list = [permit(), permit({ ticketNumber: 'T-2', endAt: '2026-01-01T15:00:00.000Z' })];
    expect(findActivePermit(list, 'ABC123', now)?.ticketNumber).toBe('T-2');
  });
});
