import { describe, expect, it } from 'vitest';
import type { LedgerEntry, RecordedTender } from '../../../shared/money/ledger-entries';
import { buildDayReport, buildReport, drawerFigures, lastCount } from './reports';

const shift = { id: 'S1', attendant: 'Dana', startedAt: '2026-12-02T08:00:00.000Z' };
let n = 0;
const base = () => ({ id: `e${(n += 1)}`, at: '2026-12-02T09:00:00.000Z', shiftId: 'S1', attendant: 'Dana' });
const sale = (cents: number, tender: RecordedTender, currency = 'CAD'): LedgerEntry => ({
  ...base(),
  type: 'sale',
  ticketNumber: `T${n}`,
  action: 'issue',
  amountCents: cents,
  currency,
  tender,
});
const cash = (cents: number, tendered = cents) =>
  sale(cents, { method: 'cash', tenderedCents: tendered, changeCents: tendered - cents });
const refund = (cents: number, method: 'cash' | 'card', currency = 'CAD'): LedgerEntry => ({
  ...base(),
  type: 'cancel',
  ticketNumber: 'T1',
  currency,
  refund: { amountCents: cents, method, approvedByPin: false },
});

describe('the drawer and the reports, from ledger entries', () => {
  const entries: LedgerEntry[] = [
    { ...base(), type: 'float', amountCents: 10000, currency: 'CAD' },
    cash(450, 2000), // change 1550 given: the drawer gains 450
    cash(300),
    sale(675, { method: 'card', last4: '4242' }),
    sale(500, { method: 'other', kind: 'complimentary', reason: 'Mayor' }),
    sale(250, { method: 'unrecorded' }),
    sale(900, { method: 'card' }, 'USD'),
    refund(300, 'cash'),
    refund(200, 'card'),
    { ...base(), type: 'cancel', ticketNumber: 'T5', currency: 'CAD', refund: null },
    { ...base(), type: 'paid-out', amountCents: 1200, currency: 'CAD', reason: 'Snow shovel' },
    { ...base(), type: 'drop', amountCents: 5000, currency: 'CAD', reason: 'Safe' },
  ];

  it('expects float + cash sales − cash refunds − paid-outs − drops, in the drawer’s currency only', () => {
    expect(drawerFigures(entries, 'CAD')).toEqual({
      floatCents: 10000,
      cashSalesCents: 750,
      cashRefundsCents: 300,
      paidOutCents: 1200,
      dropCents: 5000,
      expectedCents: 10000 + 750 - 300 - 1200 - 5000,
    });
  });

  it('totals per tender and currency, refunds, voids and the net, never mixing currencies', () => {
    const report = buildReport({ kioskId: 'K1', shift, entries, drawerCurrency: 'CAD' }, { showExpected: true });
    expect(report.kind).toBe('x');
    expect(report.tenders).toEqual([
      { currency: 'CAD', tender: 'cash', count: 2, cents: 750 },
      { currency: 'CAD', tender: 'card', count: 1, cents: 675 },
      { currency: 'CAD', tender: 'complimentary', count: 1, cents: 500 },
      { currency: 'CAD', tender: 'unrecorded', count: 1, cents: 250 },
      { currency: 'USD', tender: 'card', count: 1, cents: 900 },
    ]);
    expect(report.refunds).toEqual([
      { currency: 'CAD', method: 'cash', count: 1, cents: 300 },
      { currency: 'CAD', method: 'card', count: 1, cents: 200 },
    ]);
    expect(report.voids).toEqual([{ currency: 'CAD', count: 3, refunded: 2, cents: 500 }]);
    expect(report.net).toEqual([
      // complimentary brings no money in
      { currency: 'CAD', collectedCents: 750 + 675 + 250, refundedCents: 500, netCents: 750 + 675 + 250 - 500 },
      { currency: 'USD', collectedCents: 900, refundedCents: 0, netCents: 900 },
    ]);
    expect(report.paidOuts).toEqual([{ currency: 'CAD', count: 1, cents: 1200 }]);
    expect(report.drops).toEqual([{ currency: 'CAD', count: 1, cents: 5000 }]);
    expect(report.drawer.expectedCents).toBe(4250);
  });

  it('keeps the expected cash back from an X-report until the count (blind), and shows it after', () => {
    const blind = buildReport({ kioskId: 'K1', shift, entries, drawerCurrency: 'CAD' }, { showExpected: false });
    expect(blind.drawer.expectedCents).toBeNull();
    expect(blind.csv).toContain('drawer,expected,CAD,,,blind');
    const counted: LedgerEntry[] = [
      ...entries,
      {
        ...base(),
        type: 'count',
        currency: 'CAD',
        counts: [
          { cents: 2000, count: 2 },
          { cents: 25, count: 4 },
        ],
        countedCents: 4100,
        expectedCents: 4250,
        toleranceCents: 100,
      },
    ];
    const after = buildReport(
      { kioskId: 'K1', shift, entries: counted, drawerCurrency: 'CAD' },
      { showExpected: false },
    );
    expect(after.drawer.expectedCents).toBe(4250);
    expect(after.drawer.count).toMatchObject({ differenceCents: -150, outcome: 'short', needsPin: true, stale: false });
    expect(after.csv).toContain('count,2000,CAD,2,4000,');
    expect(after.csv).toContain('drawer,short,CAD,,-150,');
    // Cash that moves after the count makes it stale: it no longer closes the shift.
    expect(lastCount([...counted, cash(100)])?.stale).toBe(true);
    expect(lastCount([...counted, sale(100, { method: 'card' })])?.stale).toBe(false);
  });

  it('is a Z once closed, with a CSV a spreadsheet reads and cannot run', () => {
    const closed: LedgerEntry[] = [
      ...entries.slice(0, 3),
      { ...base(), type: 'close', startedAt: shift.startedAt, approvedByPin: true, at: '2026-12-02T16:00:00.000Z' },
    ];
    const evil = { ...shift, attendant: '=HYPERLINK("x")' };
    const z = buildReport(
      { kioskId: 'K1', shift: evil, entries: closed, drawerCurrency: 'CAD' },
      { showExpected: false },
    );
    expect(z.kind).toBe('z');
    expect(z.closedAt).toBe('2026-12-02T16:00:00.000Z');
    const lines = z.csv.split('\r\n');
    expect(lines[0]).toBe('section,item,currency,count,cents,detail');
    expect(lines).toContain('report,Z,,,,K1');
    expect(lines).toContain(`shift,attendant,,,,"'=HYPERLINK(""x"")"`);
    expect(lines).toContain('tender,cash,CAD,2,750,');
    expect(lines).toContain('drawer,expected,CAD,,10750,');
    expect(lines).toContain('drawer,approved-by-pin,,,,yes');
  });

  it('adds up a day per attendant, over and short included', () => {
    const count = (differenceCents: number): LedgerEntry => ({
      ...base(),
      type: 'count',
      currency: 'CAD',
      counts: [],
      countedCents: 1000 + differenceCents,
      expectedCents: 1000,
      toleranceCents: 500,
    });
    const report = (attendant: string, id: string, list: LedgerEntry[]) =>
      buildReport(
        { kioskId: 'K1', shift: { ...shift, id, attendant }, entries: list, drawerCurrency: 'CAD' },
        { showExpected: false },
      );
    const day = buildDayReport('2026-12-02', [
      report('Dana', 'S1', [cash(450), count(-100)]),
      report('Sam', 'S2', [cash(300), sale(200, { method: 'card' })]),
      report('Dana', 'S3', [cash(150), count(250)]),
    ]);
    expect(day.attendants).toEqual([
      {
        attendant: 'Dana',
        shifts: 2,
        tenders: [{ currency: 'CAD', tender: 'cash', count: 2, cents: 600 }],
        refunds: [],
        overShort: [{ currency: 'CAD', cents: 150 }],
      },
      {
        attendant: 'Sam',
        shifts: 1,
        tenders: [
          { currency: 'CAD', tender: 'cash', count: 1, cents: 300 },
          { currency: 'CAD', tender: 'card', count: 1, cents: 200 },
        ],
        refunds: [],
        overShort: [],
      },
    ]);
    expect(day.csv.split('\r\n')).toContain('drawer,over-short,CAD,,150,Dana');
  });
});
