import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { problemText } from '../../../shared/errors/problems';
import { KioskFailure } from '../channels/failure';
import { classifyStorageError, StorageHealth, type StorageStatus } from './storage-health';

/** What a call threw (the test fails when it returns). */
function thrown(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

const scratch: string[] = [];
const mounts: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'storage-health-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const mount of mounts.splice(0).reverse()) execFileSync('umount', [mount]);
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** Mounts a small tmpfs (root only); returns the reason it could not, for the skip. */
function mountTmpfs(dir: string, options: string): string | null {
  if (!isRoot) return 'needs root to mount a tmpfs';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    return `mount refused here: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`;
  }
  mounts.push(dir);
  return null;
}

/** A database made here and written in WAL mode, as the kiosk's store is, then closed. */
function makeDatabase(file: string, journal: 'WAL' | 'DELETE' = 'WAL'): void {
  const db = new DatabaseSync(file);
  db.exec(`PRAGMA journal_mode=${journal}; CREATE TABLE t(x)`);
  db.close();
}

describe('classifyStorageError on real errors', () => {
  it('reads node:sqlite’s SQLITE_READONLY (a read-only open) as read-only', () => {
    const file = path.join(tempDir(), 'k.db');
    makeDatabase(file);
    const db = new DatabaseSync(file, { readOnly: true });
    const error = thrown(() => db.exec('INSERT INTO t VALUES (1)'));
    db.close();
    // The shape the classifier relies on, as node:sqlite makes it.
    expect(error).toMatchObject({
      code: 'ERR_SQLITE_ERROR',
      errcode: 8,
      errstr: 'attempt to write a readonly database',
    });
    expect(classifyStorageError(error)).toBe('disk-read-only');
  });

  it('reads a file that is not a database (SQLITE_NOTADB) and a corrupted one (SQLITE_CORRUPT) as failing', () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.db');
    writeFileSync(garbage, Buffer.alloc(8192, 7));
    const notADb = thrown(() => new DatabaseSync(garbage).exec('SELECT * FROM sqlite_master'));
    expect(notADb).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 26 });
    expect(classifyStorageError(notADb)).toBe('disk-failing');

    const file = path.join(dir, 'flipped.db');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA journal_mode=DELETE; CREATE TABLE t(x); CREATE INDEX i ON t(x)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.exec('BEGIN');
    for (let i = 0; i < 2000; i += 1) insert.run(`${'x'.repeat(100)}${i}`);
    db.exec('COMMIT');
    db.close();
    const bytes = readFileSync(file);
    // Past the first two pages (the header and the schema), every seventh byte flipped.
    for (let i = 8192; i < bytes.length; i += 7) bytes[i]! ^= 0x5a;
    writeFileSync(file, bytes);
    const reopened = new DatabaseSync(file);
    const corrupt = thrown(() => reopened.prepare('SELECT * FROM t ORDER BY x').all());
    reopened.close();
    expect(corrupt).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 11 });
    expect(classifyStorageError(corrupt)).toBe('disk-failing');
  });

  it('reads a real full disk (ENOSPC from fs, SQLITE_FULL from node:sqlite) as full', (ctx) => {
    const dir = tempDir();
    const skip = mountTmpfs(dir, 'size=128k');
    if (skip) return ctx.skip(skip);
    const enospc = thrown(() => writeFileSync(path.join(dir, 'big'), Buffer.alloc(1 << 20)));
    expect(enospc).toMatchObject({ code: 'ENOSPC' });
    expect(classifyStorageError(enospc)).toBe('disk-full');
    rmSync(path.join(dir, 'big'), { force: true });

    const db = new DatabaseSync(path.join(dir, 'k.db'));
    db.exec('PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(x BLOB)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    const full = thrown(() => {
      for (let i = 0; i < 1000; i += 1) insert.run(Buffer.alloc(4096, i));
    });
    db.close();
    expect(full).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 13 });
    expect(classifyStorageError(full)).toBe('disk-full');
  });

  it('reads a read-only mount (EROFS; SQLite’s CANTOPEN and READONLY there) as read-only', (ctx) => {
    const dir = tempDir();
    const skip = mountTmpfs(dir, 'size=1m');
    if (skip) return ctx.skip(skip);
    makeDatabase(path.join(dir, 'wal.db'), 'WAL');
    makeDatabase(path.join(dir, 'rollback.db'), 'DELETE');
    writeFileSync(path.join(dir, 'journal.txt'), 'one line\n');
    // Nothing is open for writing there, so the remount is allowed.
    execFileSync('mount', ['-o', 'remount,ro', dir]);

    const erofs = thrown(() => appendFileSync(path.join(dir, 'journal.txt'), 'two\n'));
    expect(erofs).toMatchObject({ code: 'EROFS' });
    expect(classifyStorageError(erofs)).toBe('disk-read-only');
    // A WAL database cannot make its -wal file there: SQLite says it cannot open it.
    const wal = new DatabaseSync(path.join(dir, 'wal.db'));
    const cantOpen = thrown(() => wal.exec('INSERT INTO t VALUES (1)'));
    wal.close();
    expect(cantOpen).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 14 });
    expect(classifyStorageError(cantOpen)).toBe('disk-read-only');
    const rollback = new DatabaseSync(path.join(dir, 'rollback.db'));
    const readOnly = thrown(() => rollback.exec('INSERT INTO t VALUES (1)'));
    rollback.close();
    expect(readOnly).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 8 });
    expect(classifyStorageError(readOnly)).toBe('disk-read-only');
  });

  it('leaves alone what is not the disk’s fault: a missing file, a bug, a refusal, a busy database', () => {
    const missing = thrown(() => readFileSync(path.join(tempDir(), 'nope')));
    expect(missing).toMatchObject({ code: 'ENOENT' });
    expect(classifyStorageError(missing)).toBeNull();
    const dir = tempDir();
    makeDatabase(path.join(dir, 'k.db'));
    const db = new DatabaseSync(path.join(dir, 'k.db'));
    const syntax = thrown(() => db.exec('INSERT INTO nowhere VALUES (1)'));
    db.close();
    expect(syntax).toMatchObject({ code: 'ERR_SQLITE_ERROR', errcode: 1 });
    expect(classifyStorageError(syntax)).toBeNull();
    expect(classifyStorageError(new TypeError('x is undefined'))).toBeNull();
    expect(classifyStorageError(new KioskFailure({ code: 'not-allowed', message: 'No shift is open.' }))).toBeNull();
    for (const odd of [null, undefined, 'ENOSPC', 13, { code: 13 }]) expect(classifyStorageError(odd)).toBeNull();
  });
});

describe('classifyStorageError on the codes a test cannot make for real', () => {
  // EIO, a failing fsync or a quota need a broken device or a preload shim; their shape is Node's, as above.
  const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code, errno: -1 });
  const sqlite = (errcode: number) => Object.assign(new Error('simulated'), { code: 'ERR_SQLITE_ERROR', errcode });

  it('maps errno codes', () => {
    for (const code of ['ENOSPC', 'EDQUOT']) expect(classifyStorageError(errno(code)), code).toBe('disk-full');
    for (const code of ['EIO', 'ENXIO', 'EUCLEAN', 'EBADMSG']) {
      expect(classifyStorageError(errno(code)), code).toBe('disk-failing');
    }
    for (const code of ['EROFS', 'EACCES', 'EPERM']) {
      expect(classifyStorageError(errno(code)), code).toBe('disk-read-only');
    }
    for (const code of ['ENOENT', 'EEXIST', 'EBUSY', 'EMFILE'])
      expect(classifyStorageError(errno(code)), code).toBeNull();
  });

  it('maps SQLite result codes by their primary byte, and not an I/O error that is really memory', () => {
    expect(classifyStorageError(sqlite(10 | (4 << 8)))).toBe('disk-failing'); // SQLITE_IOERR_FSYNC
    expect(classifyStorageError(sqlite(10 | (3 << 8)))).toBe('disk-failing'); // SQLITE_IOERR_WRITE
    expect(classifyStorageError(sqlite(8 | (5 << 8)))).toBe('disk-read-only'); // SQLITE_READONLY_DBMOVED
    expect(classifyStorageError(sqlite(3))).toBe('disk-read-only'); // SQLITE_PERM
    expect(classifyStorageError(sqlite(10 | (12 << 8)))).toBeNull(); // SQLITE_IOERR_NOMEM
    expect(classifyStorageError(sqlite(5))).toBeNull(); // SQLITE_BUSY
    expect(classifyStorageError(sqlite(19))).toBeNull(); // SQLITE_CONSTRAINT
  });

  it('follows `cause` when a store wraps the error', () => {
    const wrapped = new Error('commit failed', { cause: new Error('inner', { cause: errno('ENOSPC') }) });
    expect(classifyStorageError(wrapped)).toBe('disk-full');
  });
});

const MiB = 1024 * 1024;

/** A disk whose free space the test sets, and a clock it moves. */
function standIn(startFree: number | 'unreadable' = 1000 * MiB) {
  const disk = { free: startFree, reads: 0 };
  const clock = { at: Date.parse('2026-12-07T12:00:00Z'), now: () => new Date(clock.at) };
  const changes: StorageStatus[] = [];
  const health = new StorageHealth({
    dir: '/kiosk/data',
    warnBelowBytes: 200 * MiB,
    refuseBelowBytes: 50 * MiB,
    refreshEveryMs: 30_000,
    failingHoldMs: 600_000,
    clock,
    statfs: (dir) => {
      expect(dir).toBe('/kiosk/data');
      disk.reads += 1;
      if (disk.free === 'unreadable') throw Object.assign(new Error('EIO'), { code: 'EIO' });
      return { bavail: Math.floor(disk.free / 4096), bsize: 4096, frsize: 4096 };
    },
    onChange: (status) => changes.push(status),
  });
  const later = (ms: number) => (clock.at += ms);
  return { disk, clock, health, changes, later };
}

function failureOf(act: () => unknown): KioskFailure {
  const error = thrown(act);
  expect(error).toBeInstanceOf(KioskFailure);
  return error as KioskFailure;
}

describe('StorageHealth', () => {
  it('is ok with room, low below the warning line, full below the floor, and says how much is free', () => {
    const { disk, health, later } = standIn(1000 * MiB);
    expect(health.status()).toEqual({ state: 'ok', freeBytes: 1000 * MiB, lastFault: null, lastFaultAt: null });
    disk.free = 200 * MiB;
    health.refresh(true);
    expect(health.status().state).toBe('ok');
    disk.free = 200 * MiB - 4096;
    later(30_000);
    expect(health.status()).toMatchObject({ state: 'low', freeBytes: 200 * MiB - 4096 });
    disk.free = 50 * MiB - 4096;
    later(30_000);
    expect(health.status().state).toBe('full');
    disk.free = 50 * MiB;
    later(30_000);
    expect(health.status().state).toBe('low');
  });

  it('reads the disk at most once per interval unless forced, and never throws when it cannot', () => {
    const { disk, health, later } = standIn(1000 * MiB);
    expect(disk.reads).toBe(1);
    disk.free = 10 * MiB;
    health.status();
    health.refresh();
    expect(disk.reads).toBe(1);
    expect(health.status().freeBytes).toBe(1000 * MiB);
    later(29_999);
    health.refresh();
    expect(disk.reads).toBe(1);
    later(1);
    expect(health.status().state).toBe('full');
    expect(disk.reads).toBe(2);
    health.refresh(true);
    expect(disk.reads).toBe(3);
    disk.free = 'unreadable';
    expect(() => health.refresh(true)).not.toThrow();
    expect(health.status()).toMatchObject({ state: 'ok', freeBytes: null });
  });

  it('refuses a new sale below the floor, in its own words, and lets it through above it', () => {
    const { disk, health } = standIn(60 * MiB);
    expect(() => health.assertRoomForNewSale()).not.toThrow();
    disk.free = 49 * MiB;
    health.refresh(true);
    const refused = failureOf(() => health.assertRoomForNewSale());
    expect(refused.error).toMatchObject({ code: 'storage', problem: { code: 'disk-too-low' } });
    expect(refused.error.message).toBe(
      'This kiosk’s disk is almost full: new sales are stopped so waiting ones can still be sent. Call a supervisor.',
    );
    disk.free = 51 * MiB;
    health.refresh(true);
    expect(() => health.assertRoomForNewSale()).not.toThrow();
  });

  it('turns a storage error into the typed failure with its words, records it, and rethrows anything else', () => {
    const { health, clock, changes } = standIn(1000 * MiB);
    const failure = failureOf(() => health.throwStorageFailure(Object.assign(new Error('EIO'), { code: 'EIO' })));
    expect(failure.error).toEqual({
      code: 'storage',
      problem: { code: 'disk-failing' },
      message: 'This kiosk’s disk is failing: nothing was recorded. Call a supervisor.',
    });
    expect(problemText('fr-CA', failure.error.problem!)).toMatch(/^Le disque de ce kiosque est défaillant/);
    expect(health.status()).toMatchObject({
      state: 'failing',
      lastFault: 'disk-failing',
      lastFaultAt: new Date(clock.at).toISOString(),
    });
    expect(changes.map((c) => c.state)).toEqual(['failing']);

    const bug = new TypeError('not a disk problem');
    expect(thrown(() => health.throwStorageFailure(bug))).toBe(bug);
    const refusal = new KioskFailure({ code: 'not-allowed', message: 'No shift is open.' });
    expect(thrown(() => health.throwStorageFailure(refusal))).toBe(refusal);
    expect(health.faultCounts()).toEqual({ 'disk-full': 0, 'disk-failing': 1, 'disk-read-only': 0 });
  });

  it('clears a read-only fault on the next successful commit, and keeps the last fault for the supervisor', () => {
    const { health, changes } = standIn(1000 * MiB);
    health.recordFault('disk-read-only');
    expect(health.status().state).toBe('read-only');
    health.recordSuccess();
    expect(health.status()).toMatchObject({ state: 'ok', lastFault: 'disk-read-only' });
    expect(changes.map((c) => c.state)).toEqual(['read-only', 'ok']);
  });

  it('holds a failing disk until a commit succeeds well after the last failure', () => {
    const { health, later } = standIn(1000 * MiB);
    health.recordFault('disk-failing');
    later(60_000);
    health.recordSuccess();
    expect(health.status().state).toBe('failing');
    later(540_000);
    health.recordSuccess();
    expect(health.status().state).toBe('ok');
  });

  it('after a full disk a fresh reading decides: below the floor new sales wait, with room again they go on', () => {
    const { disk, health } = standIn(1000 * MiB);
    disk.free = 10 * MiB;
    failureOf(() =>
      health.throwStorageFailure(Object.assign(new Error('full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 })),
    );
    expect(health.status().state).toBe('full');
    expect(failureOf(() => health.assertRoomForNewSale()).error.problem).toEqual({ code: 'disk-too-low' });
    // A commit while the disk still reads below the floor does not clear it.
    health.recordSuccess();
    expect(health.status().state).toBe('full');
    // A supervisor frees space: the next sale reads it at once, without waiting for the next periodic reading.
    disk.free = 500 * MiB;
    expect(() => health.assertRoomForNewSale()).not.toThrow();
    expect(health.status().state).toBe('ok');
  });

  it('SQLITE_FULL with room on the disk (a quota): the next sale is tried, and refused in words if it fails again', () => {
    const { health } = standIn(1000 * MiB);
    const full = () =>
      failureOf(() =>
        health.throwStorageFailure(Object.assign(new Error('full'), { code: 'ERR_SQLITE_ERROR', errcode: 13 })),
      );
    expect(full().error.problem).toEqual({ code: 'disk-full' });
    // statfs shows room, so no sale is refused for a disk that does not look full…
    expect(() => health.assertRoomForNewSale()).not.toThrow();
    // …and one the disk refuses again says so, with nothing recorded.
    expect(full().error.problem).toEqual({ code: 'disk-full' });
    expect(health.faultCounts()['disk-full']).toBe(2);
  });

  it('tells of a change of state once, not of every byte', () => {
    const { disk, health, changes, later } = standIn(1000 * MiB);
    for (const free of [900, 800, 150, 140, 130, 40, 30, 300]) {
      disk.free = free * MiB;
      later(30_000);
      health.status();
    }
    expect(changes.map((c) => [c.state, c.freeBytes])).toEqual([
      ['low', 150 * MiB],
      ['full', 40 * MiB],
      ['ok', 300 * MiB],
    ]);
  });

  it('while a fault is in force, clears it when its own small write works, and keeps it when it does not', () => {
    let works = false;
    const probed: string[] = [];
    const health = new StorageHealth({
      dir: '/kiosk/data',
      statfs: () => ({ bavail: 1e6, bsize: 4096 }),
      probe: (dir) => {
        probed.push(dir);
        if (!works) throw Object.assign(new Error('EROFS'), { code: 'EROFS' });
      },
    });
    health.checkNow();
    expect(probed).toEqual([]); // no fault, no write
    health.recordFault('disk-read-only');
    health.checkNow();
    expect(health.status().state).toBe('read-only');
    expect(health.faultCounts()['disk-read-only']).toBe(1); // a refused probe is no lost action
    works = true;
    health.checkNow();
    expect(health.status().state).toBe('ok');
    expect(probed).toEqual(['/kiosk/data', '/kiosk/data']);
  });

  it('on a real tmpfs remounted read-only: its probe fails there, and works once the disk is writable again', (ctx) => {
    const dir = tempDir();
    const skip = mountTmpfs(dir, 'size=1m');
    if (skip) return ctx.skip(skip);
    // A 1 MiB disk is below any real floor: none here, this is about the write.
    const health = new StorageHealth({ dir, warnBelowBytes: 0, refuseBelowBytes: 0 });
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    const error = thrown(() => writeFileSync(path.join(dir, 'sale'), 'x'));
    expect(failureOf(() => health.throwStorageFailure(error)).error.problem).toEqual({ code: 'disk-read-only' });
    health.checkNow();
    expect(health.status().state).toBe('read-only');
    execFileSync('mount', ['-o', 'remount,rw', dir]);
    health.checkNow();
    expect(health.status()).toMatchObject({ state: 'ok', lastFault: 'disk-read-only' });
    expect(readdirSync(dir)).toEqual([]); // the probe leaves nothing behind
  });

  it('refuses thresholds the wrong way round', () => {
    expect(() => new StorageHealth({ dir: '.', warnBelowBytes: 10, refuseBelowBytes: 20 })).toThrow(RangeError);
  });

  it('reads the real free space of a real folder with Node’s statfs', () => {
    const health = new StorageHealth({ dir: tempDir() });
    const free = health.status().freeBytes;
    expect(free).not.toBeNull();
    expect(free).toBeGreaterThan(0);
  });

  it('on a real tmpfs: a real ENOSPC shows the disk full, and freeing space clears it', (ctx) => {
    const dir = tempDir();
    const skip = mountTmpfs(dir, 'size=1m');
    if (skip) return ctx.skip(skip);
    const health = new StorageHealth({ dir, warnBelowBytes: 512 * 1024, refuseBelowBytes: 256 * 1024 });
    expect(health.status()).toMatchObject({ state: 'ok', freeBytes: 1024 * 1024 });
    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(600 * 1024));
    health.refresh(true);
    expect(health.status().state).toBe('low');
    const error = thrown(() => writeFileSync(path.join(dir, 'more'), Buffer.alloc(1024 * 1024)));
    expect(failureOf(() => health.throwStorageFailure(error)).error.problem).toEqual({ code: 'disk-full' });
    expect(health.status()).toMatchObject({ state: 'full', freeBytes: 0, lastFault: 'disk-full' });
    rmSync(path.join(dir, 'more'), { force: true });
    rmSync(path.join(dir, 'filler'));
    health.refresh(true);
    expect(health.status()).toMatchObject({ state: 'ok', lastFault: 'disk-full' });
  });
});
