import {
  LedgerEntrySchema,
  MoneyReportSchema,
  type LedgerEntry,
  type MoneyReport,
} from '../../../shared/money/ledger-entries';
import { KioskStore, StoreDamagedError } from '../storage/kiosk-store';

/**
 * The money ledger: the store's `ledger` table, one row an entry, never rewritten (it is the shift's books). An
 * entry is written in the transaction of the action it records, so a sale's tender, its permit in the outbox and
 * its audit entries commit together or not at all. Each row is checked (its checksum, then zod) when it is read.
 */
export class MoneyLedger {
  constructor(private readonly store: KioskStore) {}

  has(id: string): boolean {
    return this.store.sql('SELECT 1 FROM ledger WHERE id = ?').get(id) !== undefined;
  }

  /** Written in the caller's transaction (or one of its own). An entry whose id is already written is not (false). */
  append(entry: LedgerEntry): boolean {
    const checked = LedgerEntrySchema.parse(entry);
    return this.store.transaction(() => {
      if (this.has(checked.id)) return false;
      const { body, crc } = KioskStore.sealed(JSON.stringify(checked));
      const ticket = checked.type === 'sale' || checked.type === 'cancel' ? checked.ticketNumber : null;
      this.store
        .sql('INSERT INTO ledger (id, type, at, shift_id, ticket, body, crc) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(checked.id, checked.type, checked.at, checked.shiftId, ticket, body, crc);
      return true;
    });
  }

  /** One shift's entries, in the order they were written. */
  ofShift(shiftId: string): LedgerEntry[] {
    return this.read(this.store.sql('SELECT seq, body, crc FROM ledger WHERE shift_id = ? ORDER BY seq').all(shiftId));
  }

  /** One permit's sales and cancel, in the order they were written. */
  ofTicket(ticketNumber: string): LedgerEntry[] {
    return this.read(
      this.store.sql('SELECT seq, body, crc FROM ledger WHERE ticket = ? ORDER BY seq').all(ticketNumber),
    );
  }

  /** Entries of one type (the shifts' closes), in the order they were written. */
  ofType<T extends LedgerEntry['type']>(type: T): Array<Extract<LedgerEntry, { type: T }>> {
    const rows = this.store.sql('SELECT seq, body, crc FROM ledger WHERE type = ? ORDER BY seq').all(type);
    return this.read(rows) as Array<Extract<LedgerEntry, { type: T }>>;
  }

  entries(): LedgerEntry[] {
    return this.read(this.store.sql('SELECT seq, body, crc FROM ledger ORDER BY seq').all());
  }

  count(): number {
    return Number((this.store.sql('SELECT count(*) AS n FROM ledger').get() as { n: number }).n);
  }

  /** The Z-report kept for a shift whose entries the retention rule removed. */
  archivedReport(shiftId: string): MoneyReport | undefined {
    const row = this.store.sql('SELECT body, crc FROM shift_report WHERE shift_id = ?').get(shiftId);
    if (!row) return undefined;
    const parsed = MoneyReportSchema.safeParse(
      JSON.parse(this.store.opened('shift_report', shiftId, row.body, row.crc)),
    );
    if (!parsed.success)
      throw new StoreDamagedError(this.store.file, `the kept report of shift ${shiftId} is not a report`);
    return parsed.data;
  }

  /**
   * The retention rule for one closed shift: keeps its Z-report, then removes its entries but the close, in the
   * caller's transaction. Returns how many entries were removed.
   */
  archiveShift(shiftId: string, report: MoneyReport): number {
    return this.store.transaction(() => {
      const { body, crc } = KioskStore.sealed(JSON.stringify(report));
      this.store
        .sql('INSERT OR REPLACE INTO shift_report (shift_id, body, crc) VALUES (?, ?, ?)')
        .run(shiftId, body, crc);
      return Number(this.store.sql("DELETE FROM ledger WHERE shift_id = ? AND type <> 'close'").run(shiftId).changes);
    });
  }

  find(id: string): LedgerEntry | undefined {
    const row = this.store.sql('SELECT seq, body, crc FROM ledger WHERE id = ?').get(id);
    return row ? this.read([row])[0] : undefined;
  }

  private read(rows: Array<Record<string, unknown>>): LedgerEntry[] {
    return rows.map((row) => {
      const body = this.store.opened('ledger', row.seq as number, row.body, row.crc);
      const parsed = LedgerEntrySchema.safeParse(JSON.parse(body));
      if (!parsed.success)
        throw new StoreDamagedError(this.store.file, `row ${String(row.seq)} of the ledger is not an entry`);
      return parsed.data;
    });
  }
}
