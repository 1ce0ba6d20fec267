import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, verifyAuditChain } from '../audit/audit-log';
import { KioskStore, StoreDamagedError } from './kiosk-store';
import { checkWal } from './wal-check';

const dirs: string[] = [];
const stores: KioskStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-store-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string): KioskStore {
  const store = KioskStore.open(dir);
  stores.push(store);
  return store;
}

describe('one transaction per action', () => {
  it('commits all of an action or nothing, and tells the memory-keepers to reload after a rollback', () => {
    const store = open(tempDir());
    let reloads = 0;
    const committed: string[] = [];
    store.onRollback(() => (reloads += 1));
    store.transaction(() => {
      store.writeValue('a', '1');
      store.transaction(() => store.writeValue('b', '2')); // joins the outer one
      store.onCommit(() => committed.push('first'));
      expect(committed).toEqual([]); // not before the commit
    });
    expect(committed).toEqual(['first']);
    expect(() =>
      store.transaction(() => {
        store.writeValue('a', 'changed');
        store.onCommit(() => committed.push('second'));
        throw new Error('the audit write failed');
      }),
    ).toThrow('the audit write failed');
    expect(store.readValue('a')).toBe('1');
    expect(committed).toEqual(['first']);
    expect(reloads).toBe(1);
  });

  it('refuses every later write when what it keeps in memory could not be reloaded after a failed one', () => {
    const store = open(tempDir());
    let reloaded = false;
    store.onRollback(() => {
      throw new Error('a read error while reloading');
    });
    store.onRollback(() => (reloaded = true)); // the others still reload
    const diskError = Object.assign(new Error('disk I/O error'), { errcode: 778 });
    expect(() =>
      store.transaction(() => {
        store.writeValue('a', '1');
        throw diskError;
      }),
    ).toThrow(diskError); // the caller hears the real cause
    expect(reloaded).toBe(true);
    expect(store.readValue('a')).toBeUndefined();
    // Memory may still hold the refused action: nothing more is written, so nothing is sent, until a restart.
    expect(() => store.writeValue('b', '2')).toThrow(/could not read its records back.*restart it/);
  });

  it('keeps its file, WAL and shared memory owner-only, and uses WAL with synchronous=FULL', () => {
    const dir = tempDir();
    const store = open(dir);
    store.writeValue('a', '1');
    expect(store.db.prepare('PRAGMA journal_mode').get()).toMatchObject({ journal_mode: 'wal' });
    expect(store.db.prepare('PRAGMA synchronous').get()).toMatchObject({ synchronous: 2 });
    expect(store.db.prepare('PRAGMA foreign_keys').get()).toMatchObject({ foreign_keys: 1 });
    if (process.platform !== 'win32') {
      for (const name of fs.readdirSync(dir).filter((each) => each.startsWith('kiosk.db'))) {
        expect(fs.statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
      }
    }
  });
});

describe('damage is refused by name, never taken as data', () => {
  it('refuses a value whose bytes changed on disk, and keeps the file', () => {
    const dir = tempDir();
    const store = KioskStore.open(dir);
    store.writeValue('shift', '{"current":{"attendant":"Dana"}}');
    store.db.exec(`UPDATE kv SET body = replace(body, 'Dana', 'Dina')`);
    expect(() => store.readValue('shift')).toThrow(StoreDamagedError);
    expect(() => store.readValue('shift')).toThrow(/kiosk\.db.*row shift of kv.*Do not delete the file/);
    store.close();
    expect(fs.existsSync(path.join(dir, 'kiosk.db'))).toBe(true);
  });

  it('refuses to start on a database whose pages were overwritten, naming the file', () => {
    const dir = tempDir();
    const store = KioskStore.open(dir);
    const audit = new AuditLog(store);
    for (let i = 0; i < 400; i += 1) audit.append({ at: new Date(0).toISOString(), event: 'accepted', plate: `P${i}` });
    store.close();
    const file = path.join(dir, 'kiosk.db');
    const bytes = fs.readFileSync(file);
    // Garbage over the middle pages (a b-tree's page headers and cells), as a failing disk leaves them.
    const pageSize = bytes.readUInt16BE(16);
    for (let at = 2 * pageSize; at < bytes.length - pageSize; at += pageSize) bytes.fill(0xa5, at, at + 64);
    fs.writeFileSync(file, bytes);
    expect(() => KioskStore.open(dir)).toThrow(StoreDamagedError);
    expect(() => KioskStore.open(dir)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(fs.readFileSync(file).equals(bytes)).toBe(true); // kept as it was, for whoever looks at it
  });

  it('finds an index that no longer matches its table, which quick_check alone would not', () => {
    const dir = tempDir();
    const store = KioskStore.open(dir);
    const audit = new AuditLog(store);
    for (let i = 0; i < 50; i += 1) audit.append({ at: new Date(i * 1000).toISOString(), event: 'accepted' });
    store.close();
    // The index on `at` made to describe another column: every entry now disagrees with the table. (The kiosk's
    // own connections are defensive and refuse this; a raw one that is not stands for a failing disk.)
    const raw = new DatabaseSync(path.join(dir, 'kiosk.db'), { defensive: false } as ConstructorParameters<
      typeof DatabaseSync
    >[1]);
    raw.exec('PRAGMA writable_schema = ON');
    raw.exec(`UPDATE sqlite_schema SET sql = replace(sql, '(at)', '(attendant)') WHERE name = 'audit_at'`);
    raw.close();
    expect(() => KioskStore.open(dir)).toThrow(StoreDamagedError);
    expect(() => KioskStore.open(dir)).toThrow(/audit_at/);
  });

  it('refuses a file that is not a database at all', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'kiosk.db'), 'this is not a database, it is a text file '.repeat(200));
    expect(() => KioskStore.open(dir)).toThrow(StoreDamagedError);
  });

  it('finds a flipped byte in the WAL when committed frames follow it, and lets a torn tail be', () => {
    const dir = tempDir();
    const store = open(dir);
    for (let i = 0; i < 12; i += 1) store.writeValue(`k${i}`, `value ${i}`.repeat(50));
    // What kill -9 leaves: the database and its WAL, not checkpointed.
    const crashed = tempDir();
    for (const name of ['kiosk.db', 'kiosk.db-wal']) fs.copyFileSync(path.join(dir, name), path.join(crashed, name));
    const wal = path.join(crashed, 'kiosk.db-wal');
    expect(checkWal(wal)).toBeUndefined();
    const bytes = fs.readFileSync(wal);
    const pageSize = bytes.readUInt32BE(8);
    const frame = 24 + pageSize;

    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(32 + 2 * frame + 24 + 100) ^ 0x04, 32 + 2 * frame + 24 + 100); // one bit in the third frame's page
    fs.writeFileSync(wal, flipped);
    expect(checkWal(wal)).toMatch(/frame 3 of \d+ fails its checksum/);
    expect(() => KioskStore.open(crashed)).toThrow(/kiosk\.db-wal.*frame 3/);

    const header = Buffer.from(bytes);
    header.writeUInt8(header.readUInt8(12) ^ 0x01, 12); // one bit of the header (its checkpoint sequence)
    fs.writeFileSync(wal, header);
    expect(checkWal(wal)).toMatch(/header fails its checksum/);
    expect(() => KioskStore.open(crashed)).toThrow(/kiosk\.db-wal.*header/);

    const torn = bytes.subarray(0, bytes.length - Math.floor(frame / 2)); // the last frame half written
    fs.writeFileSync(wal, torn);
    expect(checkWal(wal)).toBeUndefined();
  });

  it('chains the audit log: a changed row, or a deleted one, is found by the verification', () => {
    const dir = tempDir();
    const store = open(dir);
    const audit = new AuditLog(store);
    for (let i = 0; i < 5; i += 1) audit.append({ at: new Date(i).toISOString(), event: 'accepted', plate: `P${i}` });
    expect(verifyAuditChain(store.db)).toEqual({ rows: 5, broken: null });
    // The log refuses changes itself…
    expect(() => store.db.exec(`UPDATE audit SET body = replace(body, 'P2', 'X2')`)).toThrow(/append-only/);
    expect(() => store.db.exec('DELETE FROM audit WHERE seq = 2')).toThrow(/append-only/);
    // …and someone who drops the triggers is still found out.
    store.db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete');
    store.db.exec(`UPDATE audit SET body = replace(body, 'P2', 'X2') WHERE seq = 3`);
    expect(verifyAuditChain(store.db).broken).toEqual({ seq: 3, why: 'its content does not match its hash' });
    expect(() => audit.entries()).toThrow(StoreDamagedError);
  });
});
