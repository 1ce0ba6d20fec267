import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Permit } from '../../../shared/permits/permit';
import { verifyAuditChain } from '../audit/audit-log';
import { fixedClock, startTestKiosk, value, type TestKiosk } from '../testing/test-kiosk';
import { cash, issue } from '../testing/permit-actions';
import { KioskStore } from './kiosk-store';
import { LEGACY_FILES } from './legacy-import';
import { readRecords } from './read-records';

/**
 * A data folder written by the kiosk before the store (commit 72fa1ec): a float, three cash sales, an extension
 * paid by card, a cancel with a cash refund, a paid-out, and a fourth sale taken while OPSCOM was unreachable,
 * still waiting; the shift is open and the Issue screen remembers Lot 2 for 2 h.
 */
const FIXTURE = path.join(__dirname, 'fixtures', 'files-before-store');

let kiosk: TestKiosk | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function copyOfFixture(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-import-'));
  dirs.push(dir);
  fs.cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const start = (dataDir: string) =>
  startTestKiosk({ dataDir, clock: fixedClock('2026-12-06T14:30:00.000Z'), settings: { kioskId: 'OLDFILES' } });

describe('a kiosk with records in files moves them into the store on its first start', () => {
  it('keeps every permit, waiting action, ledger entry, audit entry, the shift and the choices', async () => {
    const dataDir = copyOfFixture();
    kiosk = await start(dataDir);
    const { core } = kiosk;

    // The old files are kept, moved into a dated backup folder.
    const backup = path.join(dataDir, 'backup-2026-12-06-before-store');
    expect(fs.readdirSync(backup).sort()).toEqual(fs.readdirSync(FIXTURE).sort());
    for (const name of LEGACY_FILES) expect(fs.existsSync(path.join(dataDir, name)), name).toBe(false);
    expect(kiosk.logLines.join('\n')).toMatch(/4 permits, 1 waiting actions, 8 ledger entries, 28 audit entries/);

    const { permits } = value<{ permits: Permit[] }>(await core.dispatch('permits:list', {}));
    const byPlate = new Map(permits.map((permit) => [permit.plate, permit]));
    expect(byPlate.get('OLD001')).toMatchObject({ endAt: '2026-12-06T16:00:00.000Z', sync: 'sent' });
    expect(byPlate.get('OLD003')).toMatchObject({ status: 'active', sync: 'sent' });
    expect(byPlate.has('OLD002')).toBe(false); // cancelled
    // The sale that waited is delivered from the store.
    await core.idle();
    expect(kiosk.sandbox.permits().map((record) => record.plate)).toEqual(['OLD004']);

    expect(value(await core.dispatch('shift:current', {}))).toMatchObject({
      id: '6374b09f-7259-4f03-89a8-439ecc139783',
      attendant: 'Test attendant',
    });
    expect(value(await core.dispatch('issue:choices', {}))).toMatchObject({ zone: 'Lot 2', minutes: 120 });
    const next = await issue(kiosk, 'NEW005', { tender: cash(500) });
    expect(next.ticketNumber).toBe('OLDFILES-000005'); // the sequence goes on; no number is reused

    const files = (name: string) => fs.readFileSync(path.join(backup, name), 'utf8').trim().split('\n');
    const { ledger, audit } = readRecords(dataDir);
    expect(ledger.slice(0, 8)).toEqual(files('money.jsonl').map((line) => JSON.parse(line) as unknown));
    expect(audit.slice(0, 28)).toEqual(files('audit.jsonl').map((line) => JSON.parse(line) as unknown));

    // A second start imports nothing again, and the audit chain holds from the first imported line to the last.
    await kiosk.restart(() => {
      const store = KioskStore.open(dataDir);
      expect(verifyAuditChain(store.db)).toEqual({ rows: audit.length, broken: null });
      store.close();
    });
    expect(readRecords(dataDir).ledger).toHaveLength(ledger.length);
  });

  it('leaves out a line torn by a crash, counts it, and imports the rest', async () => {
    const dataDir = copyOfFixture();
    fs.appendFileSync(path.join(dataDir, 'money.jsonl'), '{"type":"sale","id":"torn-by-a-cra');
    kiosk = await start(dataDir);
    expect(kiosk.logLines.join('\n')).toMatch(/8 ledger entries.*1 unreadable line\(s\) torn by a crash left out/);
    expect(readRecords(dataDir).ledger).toHaveLength(8);
  });

  it('refuses a damaged old file by name and changes nothing', async () => {
    const dataDir = copyOfFixture();
    fs.writeFileSync(path.join(dataDir, 'ticket-sequence'), 'four\n');
    await expect(start(dataDir)).rejects.toThrow(/ticket-sequence.*not a number/);
    for (const name of fs.readdirSync(FIXTURE)) expect(fs.existsSync(path.join(dataDir, name)), name).toBe(true);
    expect(readRecords(dataDir).ledger).toEqual([]);
  });

  it('refuses, changing nothing, record files that appear after the move (an older version ran since)', async () => {
    const dataDir = copyOfFixture();
    kiosk = await start(dataDir);
    await kiosk.core.stop();
    // An update rolled back: the older app wrote its own files again, perhaps with sales the database lacks.
    fs.copyFileSync(path.join(FIXTURE, 'money.jsonl'), path.join(dataDir, 'money.jsonl'));
    await expect(start(dataDir)).rejects.toThrow(/older version of the app ran here.*do not delete them/);
    expect(fs.existsSync(path.join(dataDir, 'money.jsonl'))).toBe(true);
  });
});
