import { closeSync, fsyncSync, openSync, statfsSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { StorageFault, StorageStatus } from '../../../shared/storage/storage-status';
import type { ProblemCode } from '../../../shared/errors/problems';
import { systemClock, type Clock } from '../../../shared/time';
import { fail } from '../channels/failure';

export type { StorageFault, StorageStatus } from '../../../shared/storage/storage-status';

/**
 * The kiosk's own disk (#19): which write failures are the disk's fault, how much room is left, and what the
 * status bar, the metrics and a new sale make of it.
 *
 * A full disk, a failing disk and a folder the kiosk cannot write to each get their own problem code and words, so
 * the attendant reads "This kiosk's disk is full: nothing was recorded" instead of "Something went wrong". Below a
 * floor of free space new sales are refused before the disk is full, so the outbox keeps room to record what it
 * delivers; extensions, cancellations and delivery records are never refused for space here.
 */

/** Node's errno codes that mean the disk itself refused: no room, a broken device, or no right to write. */
const ERRNO_FAULTS: Record<string, StorageFault> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EIO: 'disk-failing',
  ENXIO: 'disk-failing',
  ENODEV: 'disk-failing',
  ENOMEDIUM: 'disk-failing',
  // ext4's "structure needs cleaning" (EFSCORRUPTED) and its checksum failures (EFSBADCRC).
  EUCLEAN: 'disk-failing',
  EBADMSG: 'disk-failing',
  ESTALE: 'disk-failing',
  EROFS: 'disk-read-only',
  EACCES: 'disk-read-only',
  EPERM: 'disk-read-only',
};

/** SQLite's primary result codes (the low byte of an extended code) that are the disk's doing. */
const SQLITE_FAULTS: Record<number, StorageFault> = {
  3: 'disk-read-only', // SQLITE_PERM
  8: 'disk-read-only', // SQLITE_READONLY: also a WAL database on a read-only mount
  10: 'disk-failing', // SQLITE_IOERR and its extended codes (short read, fsync, write…)
  11: 'disk-failing', // SQLITE_CORRUPT
  13: 'disk-full', // SQLITE_FULL
  14: 'disk-read-only', // SQLITE_CANTOPEN: what a read-only folder gives when the -wal file cannot be made
  26: 'disk-failing', // SQLITE_NOTADB
};
/** SQLITE_IOERR_NOMEM: an "I/O error" that is really memory, not the disk. */
const SQLITE_IOERR_NOMEM = 10 | (12 << 8);

export const STORAGE_PROBLEMS: Record<StorageFault, ProblemCode> = {
  'disk-full': 'disk-full',
  'disk-failing': 'disk-failing',
  'disk-read-only': 'disk-read-only',
};

/**
 * Which storage fault an error is, or null when it is not one (a bug, a refusal, a busy database…). Reads Node's fs
 * errors (`code: 'ENOSPC'`…) and node:sqlite's (`code: 'ERR_SQLITE_ERROR'` with the extended result code in
 * `errcode`), and follows `cause` a few levels for errors wrapped on the way up.
 */
/** Errors a store has already recorded as faults, so the dispatcher does not count them twice. */
const recorded = new WeakSet<object>();
export function markRecorded(error: unknown): void {
  if (typeof error === 'object' && error !== null) recorded.add(error);
}
export function wasRecorded(error: unknown): boolean {
  return typeof error === 'object' && error !== null && recorded.has(error);
}

export function classifyStorageError(error: unknown): StorageFault | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const { code, errcode } = current as { code?: unknown; errcode?: unknown };
    if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') {
      if (errcode === SQLITE_IOERR_NOMEM) return null;
      return SQLITE_FAULTS[errcode & 0xff] ?? null;
    }
    if (typeof code === 'string' && Object.hasOwn(ERRNO_FAULTS, code)) return ERRNO_FAULTS[code]!;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

const MiB = 1024 * 1024;

export interface StorageHealthOptions {
  /** The folder whose file system holds the kiosk's records (the work data folder). */
  dir: string;
  /** Below this much free space the supervisor is warned (`low`). */
  warnBelowBytes?: number;
  /** Below this much free space new sales are refused (`full`), so delivering the waiting ones still has room. */
  refuseBelowBytes?: number;
  /** Free space is re-read at most this often, unless forced. */
  refreshEveryMs?: number;
  /**
   * A failing disk fails now and then, so a success right after an I/O error does not prove it well: `failing`
   * stays until a write succeeds this long after the last failure. Full and read-only clear on the first success.
   */
  failingHoldMs?: number;
  /** The file system's figures; Node's own unless a test stands in. */
  statfs?: (dir: string) => { bavail: number; bsize: number; frsize?: number };
  /**
   * While a fault is in force, `checkNow` (and `watch`) writes, syncs and removes a small file in the folder: the
   * fault clears when that works, even if nothing else writes. Throws when the disk refuses. Node's own unless a
   * test stands in.
   */
  probe?: (dir: string) => void;
  clock?: Clock;
  /** Called when the state or the last fault changes (not on every byte), e.g. to tell the status bar. */
  onChange?: (status: StorageStatus) => void;
}

/** Defaults for a kiosk's small disk: a day of sales is well under a MiB, and the logs rotate. */
export const STORAGE_DEFAULTS = {
  warnBelowBytes: 200 * MiB,
  refuseBelowBytes: 50 * MiB,
  refreshEveryMs: 30_000,
  failingHoldMs: 10 * 60_000,
} as const;

/** The kiosk's disk: free space (throttled), the fault in force, and the refusals that follow from them. */
export class StorageHealth {
  readonly warnBelowBytes: number;
  readonly refuseBelowBytes: number;
  private readonly dir: string;
  private readonly refreshEveryMs: number;
  private readonly failingHoldMs: number;
  private readonly statfs: NonNullable<StorageHealthOptions['statfs']>;
  private readonly probe: NonNullable<StorageHealthOptions['probe']>;
  private readonly clock: Clock;
  private readonly onChange: ((status: StorageStatus) => void) | undefined;

  private freeBytes: number | null = null;
  private readAt: number | null = null;
  /** The fault in force: set by a failed write, cleared by a later success (see `recordSuccess`). */
  private fault: StorageFault | null = null;
  private lastFault: StorageFault | null = null;
  private lastFaultAt: Date | null = null;
  private readonly counts: Record<StorageFault, number> = { 'disk-full': 0, 'disk-failing': 0, 'disk-read-only': 0 };
  private shown: string;

  constructor(options: StorageHealthOptions) {
    this.dir = options.dir;
    this.warnBelowBytes = options.warnBelowBytes ?? STORAGE_DEFAULTS.warnBelowBytes;
    this.refuseBelowBytes = options.refuseBelowBytes ?? STORAGE_DEFAULTS.refuseBelowBytes;
    if (!(this.refuseBelowBytes >= 0 && this.warnBelowBytes >= this.refuseBelowBytes)) {
      throw new RangeError('StorageHealth: need 0 <= refuseBelowBytes <= warnBelowBytes.');
    }
    this.refreshEveryMs = options.refreshEveryMs ?? STORAGE_DEFAULTS.refreshEveryMs;
    this.failingHoldMs = options.failingHoldMs ?? STORAGE_DEFAULTS.failingHoldMs;
    this.statfs = options.statfs ?? statfsSync;
    this.probe = options.probe ?? probeWrite;
    this.clock = options.clock ?? systemClock;
    this.onChange = options.onChange;
    this.read();
    this.shown = this.key(this.snapshot());
  }

  /** What the status bar and the metrics show; free space is re-read first when the last reading is old. */
  status(): StorageStatus {
    this.refresh();
    return this.snapshot();
  }

  /** Faults recorded since start, by kind (for `kiosk_storage_faults_total`). */
  faultCounts(): Readonly<Record<StorageFault, number>> {
    return { ...this.counts };
  }

  /** Re-reads free space, at most once per `refreshEveryMs` unless `force`. Never throws. */
  refresh(force = false): void {
    const now = this.clock.now().getTime();
    if (!force && this.readAt !== null && now - this.readAt < this.refreshEveryMs) return;
    this.read();
    // Space is back (a supervisor freed some): new sales may go again without waiting for a commit that the
    // refusal itself would prevent.
    if (this.fault === 'disk-full' && this.freeBytes !== null && this.freeBytes >= this.refuseBelowBytes) {
      this.fault = null;
    }
    this.changed();
  }

  /** A write failed this way (called by `throwStorageFailure`, or by a store that classified it itself). */
  recordFault(fault: StorageFault): void {
    this.fault = fault;
    this.lastFault = fault;
    this.lastFaultAt = this.clock.now();
    this.counts[fault] += 1;
    // A full disk is worth an exact figure at once (the fault then holds until the next reading finds room).
    if (fault === 'disk-full') this.read();
    this.changed();
  }

  /**
   * A commit succeeded. A full disk clears once free space is back over the floor (or cannot be read), a read-only
   * one at once, a failing one only `failingHoldMs` after its last failure.
   */
  recordSuccess(): void {
    if (this.fault === null) return;
    if (this.fault === 'disk-full') {
      this.read();
      if (this.freeBytes !== null && this.freeBytes < this.refuseBelowBytes) return;
    }
    if (this.fault === 'disk-failing' && this.lastFaultAt !== null) {
      if (this.clock.now().getTime() - this.lastFaultAt.getTime() < this.failingHoldMs) return;
    }
    this.fault = null;
    this.changed();
  }

  /**
   * Called before a new sale is taken: refuses it (`disk-too-low`) below the floor, or after a write failed for
   * lack of space until a reading finds room again, so what is left goes to the sales already taken. Only new
   * sales call this: extensions, cancellations and delivery records go ahead.
   */
  assertRoomForNewSale(): void {
    // After a write failed for lack of space, a fresh reading decides: room above the floor again clears the fault.
    this.refresh(this.fault === 'disk-full');
    if (this.fault === 'disk-full' || this.belowFloor()) fail('storage', 'disk-too-low');
  }

  /**
   * For a store's catch: a storage error is recorded and thrown as the kiosk's typed failure with its own words
   * ("This kiosk's disk is full: nothing was recorded"); anything else is rethrown as it is.
   */
  throwStorageFailure(error: unknown): never {
    const fault = classifyStorageError(error);
    if (fault === null) throw error;
    this.recordFault(fault);
    return fail('storage', STORAGE_PROBLEMS[fault]);
  }

  /**
   * Re-reads free space now and, while a fault is in force, tries a small write of its own: one that works counts
   * as a successful commit (`recordSuccess`), so a remounted or replaced disk clears without a sale to prove it.
   * A probe the disk refuses changes nothing (it is not counted as a fault: no action was lost). Never throws.
   */
  checkNow(): void {
    this.refresh(true);
    if (this.fault === null) return;
    try {
      this.probe(this.dir);
    } catch {
      return;
    }
    this.recordSuccess();
  }

  /** `checkNow` every `everyMs`, so a disk filling or mended while nothing happens still shows; returns the stop. */
  watch(everyMs = 60_000): () => void {
    const timer = setInterval(() => this.checkNow(), everyMs);
    timer.unref?.();
    return () => clearInterval(timer);
  }

  private state(): StorageStatus['state'] {
    if (this.fault === 'disk-failing') return 'failing';
    if (this.fault === 'disk-read-only') return 'read-only';
    if (this.fault === 'disk-full' || this.belowFloor()) return 'full';
    if (this.freeBytes !== null && this.freeBytes < this.warnBelowBytes) return 'low';
    return 'ok';
  }

  private belowFloor(): boolean {
    return this.freeBytes !== null && this.freeBytes < this.refuseBelowBytes;
  }

  /** One statfs; a folder that cannot be read leaves free space unknown (the writes will say why). */
  private read(): void {
    this.readAt = this.clock.now().getTime();
    try {
      const stats = this.statfs(this.dir);
      const free = stats.bavail * (stats.frsize || stats.bsize);
      this.freeBytes = Number.isSafeInteger(free) && free >= 0 ? free : null;
    } catch {
      this.freeBytes = null;
    }
  }

  private key(status: StorageStatus): string {
    return `${status.state}|${status.lastFault ?? ''}|${status.lastFaultAt ?? ''}`;
  }

  private snapshot(): StorageStatus {
    return {
      state: this.state(),
      freeBytes: this.freeBytes,
      lastFault: this.lastFault,
      lastFaultAt: this.lastFaultAt?.toISOString() ?? null,
    };
  }

  private changed(): void {
    const status = this.snapshot();
    const key = this.key(status);
    if (key === this.shown) return;
    this.shown = key;
    this.onChange?.(status);
  }
}

/** A few bytes written, synced to the disk and removed: what a commit needs of the folder, at its smallest. */
function probeWrite(dir: string): void {
  const file = path.join(dir, '.storage-probe');
  const fd = openSync(file, 'w');
  try {
    const bytes = Buffer.from(`${new Date().toISOString()}\n`);
    if (writeSync(fd, bytes) !== bytes.length) throw Object.assign(new Error('short write'), { code: 'EIO' });
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  unlinkSync(file);
}
