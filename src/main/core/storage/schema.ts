import type { DatabaseSync } from 'node:sqlite';

/**
 * The database's schema, one migration per version (`PRAGMA user_version` says which ran). A migration is only ever
 * added, never edited: a kiosk in the field upgrades by running the ones it has not seen, in one transaction.
 *
 * Every table of records keeps its row as JSON in `body` (the same shapes the code has always used, checked by zod
 * where it reads them) with a CRC-32 in `crc`; the columns beside it are what queries look things up by.
 */
const MIGRATIONS: ReadonlyArray<string> = [
  // 1: the records that were files before (outbox journal and snapshot, money.jsonl, audit.jsonl, shift.json,
  // ticket-sequence, issue-choices.json).
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

  CREATE TABLE kv (key TEXT PRIMARY KEY, body TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;

  -- The outbox: the live state as of the last compaction, and every change since, in order.
  CREATE TABLE outbox_snapshot (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    body TEXT NOT NULL,
    crc INTEGER NOT NULL
  ) STRICT;
  CREATE TABLE outbox_change (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    body TEXT NOT NULL,
    crc INTEGER NOT NULL
  ) STRICT;

  -- The money ledger: never rewritten, one row an entry; id is the request id of the action that wrote it.
  CREATE TABLE ledger (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    at TEXT NOT NULL,
    shift_id TEXT NOT NULL,
    ticket TEXT,
    body TEXT NOT NULL,
    crc INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX ledger_shift ON ledger (shift_id, seq);
  CREATE INDEX ledger_ticket ON ledger (ticket, seq) WHERE ticket IS NOT NULL;
  CREATE INDEX ledger_type ON ledger (type, seq);

  -- The audit log: append-only and chained (each row's hash, SHA-256, covers the previous row's hash and its own body).
  CREATE TABLE audit (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    attendant TEXT,
    body TEXT NOT NULL,
    hash BLOB NOT NULL
  ) STRICT;
  CREATE INDEX audit_at ON audit (at);
  CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
  -- Only the retention rule removes rows, the oldest first, leaving the hash of the last one removed as the anchor.
  CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
    WHEN (SELECT value FROM meta WHERE key = 'retention-running') IS NULL
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

  -- The Z-report of a closed shift whose ledger entries the retention rule removed: its totals stay.
  CREATE TABLE shift_report (shift_id TEXT PRIMARY KEY, body TEXT NOT NULL, crc INTEGER NOT NULL) STRICT;
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Runs the migrations this database has not seen. Call inside a transaction. */
export function migrate(db: DatabaseSync): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const version = Number(row.user_version);
  if (version > SCHEMA_VERSION) {
    throw new Error(
      `The kiosk's database was written by a newer version of the app (schema ${version}, this app knows ` +
        `${SCHEMA_VERSION}). Install that version again; do not delete the data folder.`,
    );
  }
  for (let next = version; next < SCHEMA_VERSION; next += 1) db.exec(MIGRATIONS[next] as string);
  if (version !== SCHEMA_VERSION) db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
}
