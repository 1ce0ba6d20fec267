import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog } from '../main/core/audit/audit-log';
import { MoneyLedger } from '../main/core/money/money-ledger';
import { KioskStore } from '../main/core/storage/kiosk-store';

const CLI = path.join(__dirname, 'audit-cli.ts');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function verify(dir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'verify', '--data-dir', dir], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout + run.stderr };
}

/** A data folder with a few audit entries and one ledger entry; the store stays open, as a running kiosk's would. */
function kioskFolder(): { dir: string; store: KioskStore } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cli-'));
  dirs.push(dir);
  const store = KioskStore.open(dir);
  const audit = new AuditLog(store);
  for (let i = 0; i < 3; i += 1) audit.append({ at: new Date(i).toISOString(), event: 'accepted', plate: `P${i}` });
  new MoneyLedger(store).append({
    type: 'float',
    id: 'f1',
    at: new Date(0).toISOString(),
    shiftId: 'S1',
    attendant: 'Dana',
    amountCents: 10000,
    currency: 'CAD',
  });
  return { dir, store };
}

describe('npm run audit -- verify', () => {
  it('says the chain is whole beside a running kiosk, and exits 0', () => {
    const { dir, store } = kioskFolder();
    const { code, out } = verify(dir);
    expect(out).toMatch(/audit 3 rows/);
    expect(out).toMatch(/the chain is whole over 3 entries/);
    expect(code).toBe(0);
    store.close();
  });

  it('finds a changed audit entry and a changed amount, and exits 1', () => {
    const { dir, store } = kioskFolder();
    store.db.exec('DROP TRIGGER audit_no_update');
    store.db.exec(`UPDATE audit SET body = replace(body, 'P1', 'P7') WHERE seq = 2`);
    store.db.exec(`UPDATE ledger SET body = replace(body, '10000', '19000')`);
    store.close();
    const { code, out } = verify(dir);
    expect(out).toMatch(/BROKEN at row 2: its content does not match its hash/);
    expect(out).toMatch(/DAMAGED rows: ledger 1/);
    expect(code).toBe(1);
  });

  it('says plainly when the folder holds no kiosk records, and how to use it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-cli-'));
    dirs.push(dir);
    expect(verify(dir)).toMatchObject({ code: 1, out: expect.stringMatching(/holds no kiosk records/) });
    const wrong = spawnSync(process.execPath, ['--import', 'tsx', CLI, 'check'], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/Usage: npm run audit -- verify/);
  });
});
