import { describe, expect, it } from 'vitest';
import { describeCorrection, describePlate, findActivePermit } from './issue-checks';
import { permit } from '../../testing/fixtures';

describe('look-alike characters on the read-back step', () => {
  it('names each look-alike as a letter or a digit, and leaves the others unmarked', () => {
    expect(describePlate('O0A1')).toEqual([
      { character: 'O', kind: 'letter' },
      { character: '0', kind: 'digit' },
      { character: 'A', kind: null },
      { character: '1', kind: 'digit' },
    ]);
  });

  it.each(['O', '0', 'D', 'Q', 'I', '1', 'B', '8', 'S', '5', 'Z', '2', 'G', '6'])('marks %s', (c) => {
    expect(describePlate(`HXK${c}`)[3]?.kind).not.toBeNull();
  });

  it('leaves plates without any unmarked', () => {
    expect(describePlate('HXK47').every((c) => c.kind === null)).toBe(true);
  });
});

describe('a correction on the look-alike step', () => {
  it('names only the characters it changed', () => {
    expect(describeCorrection('A8CD1Z3', 'ABCD123')).toEqual([
      { character: 'A', kind: null },
      { character: 'B', kind: 'letter' },
      { character: 'C', kind: null },
      { character: 'D', kind: null },
      { character: '1', kind: null },
      { character: '2', kind: 'digit' },
      { character: '3', kind: null },
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
