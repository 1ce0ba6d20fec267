import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { crc32 } from 'node:zlib';
import { migrate } from './schema';
import { checkWal } from './wal-check';

/** The kiosk's one database file in its data folder. */
export const STORE_FILE = 'kiosk.db';

/** How long the booth is idle before the WAL is checkpointed, and after how many commits with no pause it is anyway. */
const CHECKPOINT_WHEN_IDLE_MS = 250;
const CHECKPOINT_AT_ONCE_AFTER = 5000;
/** Up to this size the start checks every index against its table too (about 0.5 s here at 64 MiB). */
const FULL_CHECK_AT_START_UP_TO_BYTES = 64 * 2 ** 20;

/**
 * The store refuses to open: the file is damaged. It names the file and says what to do; the file is kept as it is.
 */
export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly what: string,
  ) {
    super(
      `The kiosk's records in ${file} are damaged (${what}). The kiosk will not start, so that nothing confirmed is ` +
        `dropped silently. Do not delete the file: stop the kiosk, copy the whole data folder (${path.dirname(file)}) ` +
        `for the vendor, and call a supervisor.`,
    );
    this.name = 'StoreDamagedError';
  }
}

type Listener = () => void;

/**
 * All durable records of a kiosk (the outbox, the money ledger, the audit log, the shift and the small state the
 * screens remember) in one SQLite database, through Node's built-in `node:sqlite` (no native module to rebuild for
 * Electron). WAL with synchronous=FULL: a transaction is on disk when `transaction` returns.
 *
 * One action is one transaction: the services write inside `transaction(() => …)`, and an action is confirmed
 * to the attendant only after it returns. When it throws, nothing of the action is stored, and `onRollback`
 * listeners rebuild what they keep in memory from the database.
 *
 * Every row of our own carries a CRC-32 of its body, checked whenever the row is read: a flipped byte is refused
 * by name, never taken as a value.
 */
export class KioskStore {
  private depth = 0;
  private readonly afterCommit: Listener[] = [];
  private readonly rollbackListeners = new Set<Listener>();
  private readonly commitListeners = new Set<Listener>();
  private readonly failureListeners = new Set<(error: unknown) => void>();
  private readonly statements = new Map<string, StatementSync>();
  private walToEmpty = false;
  /** Set when memory could not be reloaded after a rollback: every later transaction is refused with it. */
  private unusable: Error | undefined;
  private closed = false;
  private commitsSinceCheckpoint = 0;
  private checkpointTimer: ReturnType<typeof setTimeout> | undefined;

  private constructor(
    readonly file: string,
    readonly db: DatabaseSync,
  ) {}

  /**
   * Opens (creating when absent) the database in `dir`: checks the WAL's frames and the file's structure first, then
   * brings the schema up to date. Throws StoreDamagedError on damage, keeping the files.
   */
  static open(dir: string, options: { quickCheck?: boolean } = {}): KioskStore {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = path.join(dir, STORE_FILE);
    const walProblem = checkWal(`${file}-wal`);
    if (walProblem) throw new StoreDamagedError(`${file}-wal`, walProblem);
    const existed = fs.existsSync(file);
    let db: DatabaseSync;
    try {
      db = new DatabaseSync(file, { enableForeignKeyConstraints: true });
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('PRAGMA synchronous = FULL');
      db.exec('PRAGMA busy_timeout = 5000');
      // Checkpoints run when the booth is idle (see checkpointSoon), not inside an action's commit.
      db.exec('PRAGMA wal_autocheckpoint = 0');
    } catch (error) {
      if (isDamage(error)) throw new StoreDamagedError(file, (error as Error).message);
      throw error;
    }
    if (!existed) for (const suffix of ['', '-wal', '-shm']) chmodPrivate(`${file}${suffix}`);
    const store = new KioskStore(file, db);
    try {
      if (existed && options.quickCheck !== false) store.quickCheck();
      // Hygiene, not safety: a reader (npm run audit -- verify) may hold the WAL, and that must not stop the start.
      store.forgetFailedFrames();
      store.transaction(() => migrate(db));
    } catch (error) {
      db.close();
      if (error instanceof StoreDamagedError) throw error;
      if (isDamage(error)) throw new StoreDamagedError(file, (error as Error).message);
      throw error;
    }
    return store;
  }

  /**
   * The file's structure is sound: SQLite's integrity_check (pages, b-trees, records, and every index against its
   * table) while the database is small enough to check that way within the start-up budget, its quick_check (all
   * but the index-to-table comparison) beyond; `npm run audit -- verify` always does the full one.
   */
  quickCheck(): void {
    const size = (pragma: string) => Number(Object.values(this.db.prepare(`PRAGMA ${pragma}`).get() ?? {})[0] ?? 0);
    const full = size('page_count') * size('page_size') <= FULL_CHECK_AT_START_UP_TO_BYTES;
    const rows = this.db.prepare(full ? 'PRAGMA integrity_check' : 'PRAGMA quick_check').all() as Array<
      Record<string, string>
    >;
    const words = rows.map((row) => Object.values(row)[0]).filter((text) => text !== 'ok');
    if (words.length > 0) throw new StoreDamagedError(this.file, words.slice(0, 3).join('; '));
  }

  /** A prepared statement, kept for reuse. */
  sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  /**
   * Runs `work` in one transaction (nested calls join the outer one) and commits it; on any failure it rolls back,
   * lets the rollback listeners reload, and throws. Synchronous on purpose: nothing else runs between the
   * first write of an action and its commit.
   */
  transaction<T>(work: () => T): T {
    if (this.closed) throw new Error('The kiosk store is closed.');
    if (this.depth > 0) {
      this.depth += 1;
      try {
        return work();
      } finally {
        this.depth -= 1;
      }
    }
    if (this.unusable) throw this.unusable;
    if (this.walToEmpty && !this.forgetFailedFrames()) {
      throw Object.assign(new Error('The frames of a failed commit could not be removed from the WAL.'), {
        errcode: 10,
      });
    }
    this.walToEmpty = false;
    this.depth = 1;
    let result: T;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      result = work();
      this.db.exec('COMMIT');
      this.depth = 0;
    } catch (error) {
      this.depth = 0;
      this.afterCommit.length = 0;
      // A refusal of the action itself (a typed failure) wrote nothing to the WAL; the disk's own errors may have.
      const fromTheDisk = isDiskError(error);
      this.rollBack(fromTheDisk);
      if (fromTheDisk) for (const listener of this.failureListeners) quietly(() => listener(error));
      throw error;
    }
    // Committed: what follows is news of it, and can no longer turn the action into a refusal.
    this.checkpointSoon();
    for (const listener of this.commitListeners) quietly(listener);
    this.runAfterCommit();
    return result;
  }

  /** Runs `listener` once the current transaction commits (at once when none is open); dropped on a rollback. */
  onCommit(listener: Listener): void {
    if (this.depth === 0) quietly(listener);
    else this.afterCommit.push(listener);
  }

  /** Called after every rolled-back transaction, to rebuild what is kept in memory from the database. */
  onRollback(listener: Listener): () => void {
    this.rollbackListeners.add(listener);
    return () => this.rollbackListeners.delete(listener);
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** A row body with its checksum, for an insert. */
  static sealed(body: string): { body: string; crc: number } {
    return { body, crc: crc32(body) };
  }

  /** The body of a row read back, after its checksum: a mismatch refuses by name. */
  opened(table: string, key: SQLInputValue, body: unknown, crc: unknown): string {
    if (typeof body !== 'string' || crc32(body) !== Number(crc)) {
      throw new StoreDamagedError(this.file, `row ${String(key)} of ${table} does not match its checksum`);
    }
    return body;
  }

  /** Reads a small keyed value (kv table), checked; undefined when absent. */
  readValue(key: string): string | undefined {
    const row = this.sql('SELECT body, crc FROM kv WHERE key = ?').get(key);
    return row ? this.opened('kv', key, row.body, row.crc) : undefined;
  }

  writeValue(key: string, body: string): void {
    const { crc } = KioskStore.sealed(body);
    this.transaction(() =>
      this.sql('INSERT INTO kv (key, body, crc) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET body = ?, crc = ?').run(
        key,
        body,
        crc,
        body,
        crc,
      ),
    );
  }

  /**
   * Copies the WAL's committed frames into the database file once the booth has been idle for a moment, so an
   * action's commit never waits for a checkpoint; after very many commits with no pause, at once.
   */
  private checkpointSoon(): void {
    this.commitsSinceCheckpoint += 1;
    if (this.commitsSinceCheckpoint >= CHECKPOINT_AT_ONCE_AFTER) return this.checkpoint();
    clearTimeout(this.checkpointTimer);
    this.checkpointTimer = setTimeout(() => this.checkpoint(), CHECKPOINT_WHEN_IDLE_MS);
    this.checkpointTimer.unref?.();
  }

  private checkpoint(): void {
    clearTimeout(this.checkpointTimer);
    if (this.closed || this.depth > 0) return;
    try {
      this.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
      this.commitsSinceCheckpoint = 0;
    } catch {
      // A failing disk: the WAL keeps the frames (they are committed), and the next pause tries again.
    }
  }

  /** Writes the WAL back into the file and empties it: at a clean stop, so the next start has nothing to replay. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.checkpointTimer);
    try {
      this.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    } catch {
      // The disk may be failing: the WAL stays and is replayed at the next start.
    }
    this.db.close();
  }

  /** Called after every committed transaction (the storage health hears the disk works). */
  onEveryCommit(listener: Listener): void {
    this.commitListeners.add(listener);
  }

  /** Called with the error of every transaction the disk refused (SQLite's or the file system's error). */
  onDiskFailure(listener: (error: unknown) => void): void {
    this.failureListeners.add(listener);
  }

  private rollBack(fromTheDisk: boolean): void {
    try {
      this.db.exec('ROLLBACK');
    } catch {
      // SQLite rolls back by itself after some errors (a full disk); nothing is left to undo then.
    }
    // A commit that failed at its sync may still have left its frames in the WAL, where a restart would replay them:
    // they go first, whatever else fails below.
    if (fromTheDisk) this.walToEmpty = !this.forgetFailedFrames();
    for (const listener of this.rollbackListeners) {
      try {
        listener();
      } catch (error) {
        // What is kept in memory could not be read back: it may still hold the refused action. Nothing more is
        // written (so nothing is sent) until the kiosk restarts and reads everything afresh.
        this.unusable ??= unusableAfter(error);
      }
    }
  }

  /**
   * Empties the WAL (a checkpoint with truncation) or, when that fails (the disk still fails, a reader holds it),
   * cuts it after its last committed frame: no sync is needed, as a restarted process reads the file as the kernel
   * holds it. True when the frames of a failed commit are gone.
   */
  private forgetFailedFrames(): boolean {
    try {
      this.truncateWal();
      return true;
    } catch {
      return cutUncommittedFrames(this.file);
    }
  }

  /**
   * Checkpoints the WAL into the database file and empties it: at start, so frames a crash left behind never mix
   * with this run's, and after a failed commit (see forgetFailedFrames).
   */
  private truncateWal(): void {
    const row = this.db.prepare('PRAGMA wal_checkpoint(TRUNCATE)').get() as { busy: number } | undefined;
    if (row && Number(row.busy) !== 0) throw new Error('The kiosk database is busy: its WAL could not be emptied.');
  }

  private runAfterCommit(): void {
    const listeners = this.afterCommit.splice(0);
    for (const listener of listeners) quietly(listener);
  }
}

/**
 * Shortens the WAL to the frames SQLite counts as committed (the wal-index header in the `-shm` file, in the layout
 * SQLite documents for it: mxFrame at byte 16, the page size at byte 14, in the machine's byte order, the header
 * twice). Frames after them are a failed commit's, which a restart's recovery would otherwise replay.
 */
export function cutUncommittedFrames(dbFile: string): boolean {
  try {
    const header = Buffer.alloc(96);
    const fd = fs.openSync(`${dbFile}-shm`, 'r');
    try {
      if (fs.readSync(fd, header, 0, 96, 0) < 96) return false;
    } finally {
      fs.closeSync(fd);
    }
    // The two copies agree when no writer is half-way through the header.
    if (!header.subarray(0, 48).equals(header.subarray(48, 96)) || header[12] !== 1) return false;
    const little = os.endianness() === 'LE';
    const mxFrame = little ? header.readUInt32LE(16) : header.readUInt32BE(16);
    const rawPage = little ? header.readUInt16LE(14) : header.readUInt16BE(14);
    const pageSize = rawPage === 1 ? 65536 : rawPage;
    if (pageSize < 512) return false;
    const keep = 32 + mxFrame * (24 + pageSize);
    const wal = `${dbFile}-wal`;
    if (fs.statSync(wal).size > keep) fs.truncateSync(wal, keep);
    return true;
  } catch {
    return false;
  }
}

/** The failure every transaction meets once memory could not be reloaded: a failing disk, in the kiosk's words. */
function unusableAfter(cause: unknown): Error {
  return Object.assign(
    new Error('The kiosk could not read its records back after a failed write; restart it.', { cause }),
    { errcode: 10 },
  );
}

/** Runs a listener told of a commit; its failure is reported on stderr and never undoes the commit's answer. */
function quietly(listener: Listener): void {
  try {
    listener();
  } catch (error) {
    console.error('A listener of a committed transaction failed', error);
  }
}

/** An error from SQLite (it carries `errcode`) or from the file system (`errno`), not a refusal of the action. */
function isDiskError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && ('errcode' in error || 'errno' in error);
}

/** SQLite's words for a file that is not a sound database (SQLITE_CORRUPT, SQLITE_NOTADB). */
function isDamage(error: unknown): boolean {
  const code = (error as { errcode?: number }).errcode;
  return typeof code === 'number' && ((code & 0xff) === 11 || (code & 0xff) === 26);
}

function chmodPrivate(file: string): void {
  try {
    fs.chmodSync(file, 0o600);
  } catch {
    // -wal and -shm may not exist yet; SQLite creates them with the database file's mode.
  }
}
