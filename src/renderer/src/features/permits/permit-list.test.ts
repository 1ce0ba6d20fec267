import { describe, expect, it } from 'vitest';
import { activePermits, bySoonestEnd, normaliseSearch, onlyMatch, openDetails, plateMatches } from './permit-list';
import { permit } from '../../testing/fixtures';

const at = (hhmm: string) => `2026-01-01T${hhmm}:00.000Z`;
const tickets = (list: { ticketNumber: string }[]) => list.map((p) => p.ticketNumber);

describe('normaliseSearch', () => {
  it('keeps letters and digits in upper case, drops spaces, dashes and anything else', () => {
    expect(normaliseSearch(' ab-c 1.2/3 ')).toBe('ABC123');
    expect(normaliseSearch('é!?')).toBe('');
  });

  it('is capped at a plate’s length', () => {
    expect(normaliseSearch('9'.repeat(40))).toHaveLength(25);
  });
});

describe('plateMatches', () => {
  it('finds the fragment anywhere in the plate, however it was typed', () => {
    expect(plateMatches('ABC123', 'bc-1')).toBe(true);
    expect(plateMatches('ABC123', '123')).toBe(true);
    expect(plateMatches('ABC123', 'c 12')).toBe(true);
  });

  it('rejects a fragment that is not in the plate in that order', () => {
    expect(plateMatches('ABC123', 'CB')).toBe(false);
    expect(plateMatches('ABC123', 'ABC1234')).toBe(false);
  });

  it('keeps every plate for an empty search', () => {
    expect(plateMatches('ABC123', '')).toBe(true);
    expect(plateMatches('ABC123', ' - ')).toBe(true);
  });
});

describe('activePermits', () => {
  const list = [
    permit({ ticketNumber: 'T-late', plate: 'LATE1', issuedAt: at('08:00'), endAt: at('18:00') }),
    permit({ ticketNumber: 'T-soon', plate: 'SOON1', issuedAt: at('12:00'), endAt: at('12:30') }),
    permit({ ticketNumber: 'T-gone', plate: 'SOON2', status: 'cancelled', endAt: at('12:10') }),
    permit({ ticketNumber: 'T-mid', plate: 'MID1', issuedAt: at('09:00'), endAt: at('14:00') }),
  ];

  it('puts the soonest end first, whatever the issue order', () => {
    // Issued 08:00, 12:00, 09:00; ending 18:00, 12:30, 14:00.
    expect(tickets(activePermits(list))).toEqual(['T-soon', 'T-mid', 'T-late']);
  });

  it('leaves out permits that are no longer active', () => {
    expect(tickets(activePermits(list))).not.toContain('T-gone');
    expect(tickets(activePermits(list, 'soon'))).toEqual(['T-soon']);
  });

  it('keeps only the plates that contain the search, still soonest end first', () => {
    expect(tickets(activePermits(list, 'l'))).toEqual(['T-late']);
    expect(tickets(activePermits(list, '1'))).toEqual(['T-soon', 'T-mid', 'T-late']);
    expect(activePermits(list, 'XYZ')).toEqual([]);
  });

  it('does not reorder the store’s array', () => {
    const before = tickets(list);
    activePermits(list);
    expect(tickets(list)).toEqual(before);
  });

  it('orders equal ends by plate, then ticket, so rows never swap places', () => {
    const same = [
      permit({ ticketNumber: 'T-2', plate: 'BBB1', endAt: at('13:00') }),
      permit({ ticketNumber: 'T-9', plate: 'AAA1', endAt: at('13:00') }),
      permit({ ticketNumber: 'T-1', plate: 'BBB1', endAt: at('13:00') }),
    ];
    expect(tickets(activePermits(same))).toEqual(['T-9', 'T-1', 'T-2']);
    expect(tickets([...same].reverse().sort(bySoonestEnd))).toEqual(['T-9', 'T-1', 'T-2']);
  });
});

describe('onlyMatch', () => {
  const list = [
    permit({ ticketNumber: 'T-1', plate: 'ABC123' }),
    permit({ ticketNumber: 'T-2', plate: 'ABD456' }),
    permit({ ticketNumber: 'T-3', plate: 'XYZ789', status: 'cancelled' }),
  ];

  it('is the one permit a search leaves', () => {
    expect(onlyMatch(list, 'abc')?.ticketNumber).toBe('T-1');
  });

  it('is nothing when the search leaves several, none, or is empty', () => {
    expect(onlyMatch(list, 'AB')).toBeNull();
    expect(onlyMatch(list, 'XYZ')).toBeNull();
    expect(onlyMatch(list, '')).toBeNull();
  });
});

describe('openDetails', () => {
  const list = [permit({ ticketNumber: 'T-1' }), permit({ ticketNumber: 'T-2', status: 'cancelled' })];

  it('is the open permit while it is active', () => {
    expect(openDetails(list, 'T-1')?.ticketNumber).toBe('T-1');
  });

  it('is nothing when none is open, the ticket is unknown, or the permit was cancelled', () => {
    expect(openDetails(list, null)).toBeNull();
    expect(openDetails(list, 'T-7')).toBeNull();
    expect(openDetails(list, 'T-2')).toBeNull();
  });
});
