import fs from 'node:fs';
import path from 'node:path';
import { LedgerEntrySchema } from '../../../shared/money/ledger-entries';
import { AuditLog, type AuditEntry } from '../audit/audit-log';
import { MoneyLedger } from '../money/money-ledger';
import { OutboxState, type OutboxSnapshot } from '../outbox/outbox-state';
import type { JournalRecord } from '../outbox/records';
import { ISSUE_CHOICES_KEY } from '../issue/issue-memory';
import { TICKET_SEQUENCE_KEY } from '../permits/ticket-numbers';
import { SHIFT_KEY, ShiftFileSchema } from '../shift/shift-service';
import { KioskStore, StoreDamagedError } from './kiosk-store';

/** The files a kiosk kept its records in before the store (#19), in its data folder. */
export const LEGACY_FILES = [
  'outbox.snapshot.json',
  'outbox.journal.jsonl',
  'money.jsonl',
  'audit.jsonl',
  'shift.json',
  'ticket-sequence',
  'issue-choices.json',
] as const;

export interface ImportReport {
  /** Where the old files were moved, with the date in its name. */
  backupDir: string;
  permits: number;
  actions: number;
  ledgerEntries: number;
  auditEntries: number;
  /** Lines that could not be read: a line torn by a crash was never confirmed. */
  skippedLines: number;
}

const IMPORTED_KEY = 'imported-from-files';

/**
 * On the first start of a kiosk that kept its records in files, brings them into the store in one transaction,
 * checks the counts, and moves the files into a dated backup folder (kept: nothing is deleted). Returns undefined
 * when there is nothing to import.
 */
export function importLegacyFiles(store: KioskStore, dir: string, now: Date): ImportReport | undefined {
  const present = LEGACY_FILES.filter((name) => fs.existsSync(path.join(dir, name)));
  if (present.length === 0) return undefined;
  const backupDir = path.join(dir, `backup-${now.toISOString().slice(0, 10)}-before-store`);
  const done = store.db.prepare('SELECT value FROM meta WHERE key = ?').get(IMPORTED_KEY);
  if (done) {
    // Record files beside a database that already took them in: an older version of the app ran here after the
    // move (an update rolled back), and they may hold sales the database does not. Nothing is moved or dropped.
    throw new Error(
      `The data folder ${dir} has record files (${present.join(', ')}) written after its records moved into ` +
        `kiosk.db on ${String(done.value).slice(0, 10)}: an older version of the app ran here since. They may hold ` +
        'sales the kiosk database does not. Nothing was changed; do not delete them. Call the vendor, or start the ' +
        'older version again until they are delivered.',
    );
  }
  const hasRecords = store.db.prepare('SELECT (SELECT count(*) FROM ledger) + (SELECT count(*) FROM audit) AS n').get();
  if (Number(hasRecords?.n) > 0) {
    throw new Error(
      `The data folder ${dir} has both the kiosk's database and older record files (${present.join(', ')}). ` +
        'Move one of them away before starting the kiosk; nothing was changed.',
    );
  }

  let report: ImportReport | undefined;
  store.transaction(() => {
    const outbox = readOutbox(dir);
    const ledger = new MoneyLedger(store);
    const audit = new AuditLog(store);
    const money = readLines(path.join(dir, 'money.jsonl'));
    let ledgerEntries = 0;
    let skippedLines = outbox.skipped + money.skipped;
    for (const value of money.values) {
      const parsed = LedgerEntrySchema.safeParse(value);
      if (!parsed.success) {
        skippedLines += 1;
        continue;
      }
      if (ledger.append(parsed.data)) ledgerEntries += 1;
    }
    const auditLines = readLines(path.join(dir, 'audit.jsonl'));
    skippedLines += auditLines.skipped;
    audit.append(...(auditLines.values as AuditEntry[]));

    const snapshot = outbox.state.toSnapshot();
    const { body, crc } = KioskStore.sealed(JSON.stringify(snapshot));
    store.sql('INSERT INTO outbox_snapshot (id, body, crc) VALUES (1, ?, ?)').run(body, crc);

    const shift = readText(path.join(dir, 'shift.json'));
    if (shift !== undefined) {
      const parsed = ShiftFileSchema.safeParse(safeJson(shift));
      if (!parsed.success) throw new StoreDamagedError(path.join(dir, 'shift.json'), 'it is not a shift');
      store.writeValue(SHIFT_KEY, JSON.stringify(parsed.data));
    }
    const sequence = readText(path.join(dir, 'ticket-sequence'));
    if (sequence !== undefined) {
      const last = Number(sequence.trim());
      if (!Number.isSafeInteger(last) || last < 0) {
        throw new StoreDamagedError(path.join(dir, 'ticket-sequence'), 'it is not a number');
      }
      store.writeValue(TICKET_SEQUENCE_KEY, String(last));
    }
    const choices = readText(path.join(dir, 'issue-choices.json'));
    // The Issue screen's choices are a convenience, checked when read: unreadable ones are left behind.
    if (choices !== undefined && safeJson(choices) !== undefined) store.writeValue(ISSUE_CHOICES_KEY, choices);

    // The counts, read back from the store, must be what the files held.
    if (ledger.count() !== ledgerEntries || audit.count() !== auditLines.values.length) {
      throw new Error('Importing the old record files did not store every line; nothing was changed.');
    }
    store.sql('INSERT INTO meta (key, value) VALUES (?, ?)').run(IMPORTED_KEY, now.toISOString());
    report = {
      backupDir,
      permits: snapshot.permits.length,
      actions: snapshot.actions.length,
      ledgerEntries,
      auditEntries: auditLines.values.length,
      skippedLines,
    };
  });
  moveAll(dir, backupDir, present);
  return report;
}

function moveAll(dir: string, backupDir: string, names: readonly string[]): void {
  fs.mkdirSync(backupDir, { recursive: true, mode: 0o700 });
  for (const name of names) fs.renameSync(path.join(dir, name), path.join(backupDir, name));
}

/** The outbox as the files held it: the snapshot, then the journal unless a crash during compaction left it stale. */
function readOutbox(dir: string): { state: OutboxState; skipped: number } {
  const snapshotText = readText(path.join(dir, 'outbox.snapshot.json'));
  let snapshot: OutboxSnapshot | undefined;
  if (snapshotText !== undefined) {
    try {
      snapshot = JSON.parse(snapshotText) as OutboxSnapshot;
    } catch (error) {
      throw new StoreDamagedError(path.join(dir, 'outbox.snapshot.json'), (error as Error).message);
    }
  }
  const state = OutboxState.fromSnapshot(snapshot);
  const journal = readLines(path.join(dir, 'outbox.journal.jsonl'));
  const records = journal.values as JournalRecord[];
  const first = records[0];
  const journalGeneration = first?.r === 'header' ? first.generation : 0;
  if (journalGeneration >= state.generation) for (const record of records) state.apply(record);
  return { state, skipped: journal.skipped };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** JSON lines; a line that does not parse (a write torn by a crash) is counted and left out. */
function readLines(file: string): { values: unknown[]; skipped: number } {
  const text = readText(file) ?? '';
  const values: unknown[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const value = safeJson(line);
    if (value === undefined) skipped += 1;
    else values.push(value);
  }
  return { values, skipped };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
