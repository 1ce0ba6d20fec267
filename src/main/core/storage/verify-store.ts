import { crc32 } from 'node:zlib';
import type { DatabaseSync } from 'node:sqlite';
import { verifyAuditChain, type ChainCheck } from '../audit/audit-log';
import { checkWal } from './wal-check';

/** What a full check of a kiosk's database found. */
export interface StoreCheck {
  /** The WAL beside the file, checked as at start (checkWal): what is wrong, or null. */
  wal: string | null;
  /** SQLite's integrity_check: its findings, none when sound. */
  structure: string[];
  /** Rows whose body does not match its checksum, by table (at most 20 named). */
  damagedRows: Array<{ table: string; key: string }>;
  rows: Record<string, number>;
  audit: ChainCheck;
}

const CHECKSUMMED = [
  { table: 'kv', key: 'key' },
  { table: 'outbox_snapshot', key: 'id' },
  { table: 'outbox_change', key: 'seq' },
  { table: 'ledger', key: 'seq' },
  { table: 'shift_report', key: 'shift_id' },
] as const;

/**
 * Everything that can be checked without trusting anything: the file's structure (integrity_check, indexes against
 * their tables included), every row's checksum, and the
 * audit log's chain. Reads only, so it can run beside a kiosk that is running (`npm run audit -- verify`).
 */
export function verifyStore(db: DatabaseSync, file?: string): StoreCheck {
  const wal = file ? (checkWal(`${file}-wal`) ?? null) : null;
  const structure = (db.prepare('PRAGMA integrity_check').all() as Array<Record<string, string>>)
    .map((row) => String(Object.values(row)[0]))
    .filter((text) => text !== 'ok');
  const damagedRows: StoreCheck['damagedRows'] = [];
  const rows: Record<string, number> = {};
  for (const { table, key } of CHECKSUMMED) {
    let count = 0;
    for (const row of db.prepare(`SELECT ${key} AS key, body, crc FROM ${table}`).iterate()) {
      count += 1;
      if (typeof row.body !== 'string' || crc32(row.body) !== Number(row.crc)) {
        if (damagedRows.length < 20) damagedRows.push({ table, key: String(row.key) });
      }
    }
    rows[table] = count;
  }
  const audit = verifyAuditChain(db);
  rows.audit = audit.rows;
  return { wal, structure, damagedRows, rows, audit };
}

export function isSound(check: StoreCheck): boolean {
  return (
    check.wal === null && check.structure.length === 0 && check.damagedRows.length === 0 && check.audit.broken === null
  );
}
