import fs from 'node:fs';
import path from 'node:path';
import { writeFileDurablySync } from '../durable-file';

/**
 * An append-only journal of JSON lines, each one on disk (fdatasync) before `append` returns, so an action
 * confirmed to the attendant survives kill -9 and power loss. The cost of an append does not depend on how
 * much is already queued — unlike electron-store, which rewrites its whole file on every change.
 *
 * Compaction writes a snapshot of the live state (temp file, fsync, rename, fsync folder) and starts a new,
 * empty journal, so start-up replay stays short however long the kiosk runs.
 */
export interface JournalFiles {
  snapshot: string;
  journal: string;
}

export function journalFiles(dir: string, name = 'outbox'): JournalFiles {
  return { snapshot: path.join(dir, `${name}.snapshot.json`), journal: path.join(dir, `${name}.journal.jsonl`) };
}

export interface Replay<S, R> {
  snapshot: S | undefined;
  records: R[];
  /** Lines that could not be read: a torn last line after a crash (never confirmed), or damage. */
  skipped: number;
}

export class Journal<S, R> {
  private fd: number;
  private recordsSinceSnapshot = 0;

  private constructor(
    private readonly files: JournalFiles,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Reads what is on disk and opens the journal for appending. */
  static open<S, R>(files: JournalFiles): { journal: Journal<S, R>; replay: Replay<S, R> } {
    fs.mkdirSync(path.dirname(files.journal), { recursive: true });
    const snapshot = readJson<S>(files.snapshot);
    const { records, skipped, validBytes } = readLines<R>(files.journal);
    // A line torn by a crash was never confirmed; cut it off, or the next record would be glued onto it.
    if (validBytes !== undefined) fs.truncateSync(files.journal, validBytes);
    const fd = fs.openSync(files.journal, 'a', 0o600);
    const journal = new Journal<S, R>(files, fd);
    journal.recordsSinceSnapshot = records.length;
    return { journal, replay: { snapshot, records, skipped } };
  }

  get length(): number {
    return this.recordsSinceSnapshot;
  }

  /** Appends records as one write and waits until they are on disk. */
  append(...records: R[]): void {
    if (records.length === 0) return;
    const text = records.map((record) => JSON.stringify(record)).join('\n') + '\n';
    fs.writeSync(this.fd, text);
    fs.fdatasyncSync(this.fd);
    this.recordsSinceSnapshot += records.length;
  }

  /**
   * Replaces snapshot + journal by `snapshot`, and starts the new journal with `header`. A crash between the
   * rename and the truncation leaves the new snapshot beside the old journal: the caller tells them apart by
   * a generation number in the snapshot and in each journal's header, and skips the stale journal.
   */
  compact(snapshot: S, header: R): void {
    writeFileDurablySync(this.files.snapshot, JSON.stringify(snapshot));
    fs.closeSync(this.fd);
    this.fd = fs.openSync(this.files.journal, 'w', 0o600);
    fs.writeSync(this.fd, JSON.stringify(header) + '\n');
    fs.fsyncSync(this.fd);
    this.recordsSinceSnapshot = 0;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`The outbox snapshot ${file} cannot be read (${(error as Error).message}); refusing to start.`);
  }
}

function readLines<R>(file: string): { records: R[]; skipped: number; validBytes?: number } {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0 };
    throw error;
  }
  const lastNewline = buffer.lastIndexOf(0x0a);
  const torn = buffer.length > 0 && lastNewline !== buffer.length - 1;
  const text = buffer.toString('utf8');
  const records: R[] = [];
  let skipped = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line) as R);
    } catch {
      skipped += 1;
    }
  }
  return torn ? { records, skipped, validBytes: lastNewline + 1 } : { records, skipped };
}
