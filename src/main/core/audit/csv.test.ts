import { describe, expect, it } from 'vitest';
import { reconciliationCsv } from '../reconcile/reconciliation-csv';
import { csvCell, toCsv } from './audit-log';

describe('CSV exports a spreadsheet cannot run (OWASP CSV injection)', () => {
  it('quotes and defuses every cell that starts like a formula, full-width forms included', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']) {
      const cell = csvCell(`${start}HYPERLINK("http://evil.example","x")`);
      expect(cell.startsWith(`"'${start}`), JSON.stringify(cell)).toBe(true);
      expect(cell.endsWith('"')).toBe(true);
    }
    expect(csvCell('Lot "A", north')).toBe('"Lot ""A"", north"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-450)).toBe('-450'); // the kiosk's own numbers stay numbers
  });

  it('applies to the audit export and the reconciliation list alike', () => {
    const audit = toCsv([{ at: '2026-12-02T10:00:00.000Z', event: 'accepted', plate: '=1+1', attendant: '@SUM(A1)' }]);
    expect(audit).toContain(`"'=1+1"`);
    expect(audit).toContain(`"'@SUM(A1)"`);
    const values = {
      plate: 'ABC123',
      zone: '+Lot',
      startAt: '2026-12-02T10:00:00.000Z',
      endAt: '2026-12-02T11:00:00.000Z',
      amountCents: 450,
      currency: 'CAD',
    };
    const list = reconciliationCsv([
      {
        ticketNumber: 'K-1',
        status: 'cancelled',
        intended: values,
        references: [],
        copies: [{ ...values, sentAt: '2026-12-02T10:00:01.000Z', why: 'timeout' }],
        heldWithoutReference: false,
        needsAttention: true,
        instruction: 'remove-all-copies',
        since: '2026-12-02T10:00:01.000Z',
        lastCleared: { at: '2026-12-02T12:00:00.000Z', by: '-admin' },
      },
    ]);
    expect(list).toContain(`"'+Lot"`);
    expect(list).toContain(`"'-admin"`);
  });
});
