import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { LedgerEntry } from '../../../shared/money/ledger-entries';
import type { AuditEntry } from '../audit/audit-log';
import { STORE_FILE } from './kiosk-store';

/**
 * Reads a kiosk's audit log and money ledger from its data folder, read-only, beside a kiosk that may be running
 * (SQLite's WAL lets a reader in while the kiosk writes). For tools, rehearsals and tests; the kiosk itself reads
 * through AuditLog and MoneyLedger, which check every row.
 */
export function readRecords(dataDir: string): { audit: AuditEntry[]; ledger: LedgerEntry[] } {
  const db = new DatabaseSync(path.join(dataDir, STORE_FILE), { readOnly: true });
  try {
    const bodies = (sql: string) =>
      db
        .prepare(sql)
        .all()
        .map((row) => JSON.parse(String(row.body)) as unknown);
    return {
      audit: bodies('SELECT body FROM audit ORDER BY seq') as AuditEntry[],
      ledger: bodies('SELECT body FROM ledger ORDER BY seq') as LedgerEntry[],
    };
  } finally {
    db.close();
  }
}
