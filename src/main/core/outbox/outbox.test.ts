import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, csvCell } from '../audit/audit-log';
import { KioskFailure } from '../channels/failure';
import { KioskStore, StoreDamagedError } from '../storage/kiosk-store';
import { Outbox } from './outbox';
import type { OutboxAction } from './records';

const clock = { now: () => new Date('2026-11-30T14:00:00.000Z') };
const dirs: string[] = [];
const stores = new Map<string, KioskStore>();
afterEach(() => {
  for (const store of stores.values()) store.close();
  stores.clear();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** The folder's store, opened afresh each time (as a restart would). */
function storeIn(dir: string): KioskStore {
  stores.get(dir)?.close();
  const store = KioskStore.open(dir);
  stores.set(dir, store);
  return store;
}

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string, compactAfter?: number): Outbox {
  const store = storeIn(dir);
  return new Outbox({ store, audit: new AuditLog(store), clock, ...(compactAfter ? { compactAfter } : {}) });
}
let seq = 0;
function issue(ticketNumber: string, plate = 'ABC123'): OutboxAction {
  seq += 1;
  return {
    id: `id-${seq}`,
    seq,
    ticketNumber,
    kind: 'issue',
    values: {
      plate,
      zone: 'Lot 1',
      startAt: '2026-11-30T14:00:00.000Z',
      endAt: '2026-11-30T15:00:00.000Z',
      amountCents: 450,
      currency: 'CAD',
    },
    takenAt: '2026-11-30T14:00:00.000Z',
    attendant: 'Sam',
  };
}

describe('durable outbox', () => {
  it('refuses, as a typed failure with a problem code, a decision on an action that waits for none', () => {
    const outbox = open(tempDir());
    const action = issue('K-9');
    outbox.accept(action);
    const refusal = (decide: () => unknown) => {
      try {
        decide();
      } catch (error) {
        return error instanceof KioskFailure ? error.error : error;
      }
      return 'no failure';
    };
    expect(refusal(() => outbox.retry(action.id, 'Sam'))).toMatchObject({
      code: 'not-allowed',
      problem: { code: 'retry-needs-attention' },
    });
    expect(refusal(() => outbox.correctPlate(action.id, 'XYZ1', 'Sam'))).toMatchObject({
      problem: { code: 'correct-needs-attention' },
    });
    expect(refusal(() => outbox.discard(action.id, 'admin'))).toMatchObject({
      problem: { code: 'discard-needs-attention' },
    });
    expect(refusal(() => outbox.clearReconciliation('K-9', 'admin'))).toMatchObject({
      problem: { code: 'not-on-reconciliation-list', params: { ticket: 'K-9' } },
    });
    // Nothing was decided: the action still waits to be sent.
    expect(outbox.status('unknown', null)).toMatchObject({ waiting: 1, attention: 0 });
    outbox.close();
  });

  it('keeps every accepted action across a restart', () => {
    const dir = tempDir();
    const first = open(dir);
    first.accept(issue('K-1'));
    first.accept(issue('K-2'));
    first.close();
    const again = open(dir);
    expect(again.status('unknown', null).waiting).toBe(2);
    expect(
      again
        .activePermits()
        .map((p) => p.ticketNumber)
        .sort(),
    ).toEqual(['K-1', 'K-2']);
  });

  it('refuses to start on a change whose bytes were altered, naming the file, and keeps it', () => {
    const dir = tempDir();
    const first = open(dir);
    first.accept(issue('K-1', 'ABC123'));
    first.close();
    const store = storeIn(dir);
    // One flipped letter of the plate, as a failing disk would leave it; the checksum column is left as it was.
    store.db.exec("UPDATE outbox_change SET body = replace(body, 'ABC123', 'ABD123')");
    expect(() => new Outbox({ store, audit: new AuditLog(store), clock })).toThrow(StoreDamagedError);
    expect(() => new Outbox({ store, audit: new AuditLog(store), clock })).toThrow(/kiosk\.db.*outbox_change/);
  });

  it('compacts the stored changes once settled records pile up, without losing anything', () => {
    const dir = tempDir();
    const outbox = open(dir, 50);
    for (let i = 0; i < 100; i += 1) {
      const action = issue(`K-${i}`);
      outbox.accept(action);
      outbox.recordAttempt([action.id]);
      outbox.recordDelivered([action.id], `ref-${i}`);
    }
    const waiting = issue('K-waiting');
    outbox.accept(waiting);
    outbox.close();
    const store = storeIn(dir);
    const changes = store.db.prepare('SELECT count(*) AS n FROM outbox_change').get();
    expect(Number(changes?.n)).toBeLessThan(200); // of 301 changes written
    expect(store.db.prepare('SELECT count(*) AS n FROM outbox_snapshot').get()).toMatchObject({ n: 1 });
    const again = new Outbox({ store, audit: new AuditLog(store), clock });
    expect(again.status('unknown', null).waiting).toBe(1);
    expect(again.permit('K-42')).toMatchObject({ referenceId: 'ref-42', sync: 'sent' });
    expect(again.permit('K-waiting')).toMatchObject({ sync: 'waiting', referenceId: null });
  });

  it('keeps a cancelled permit a day after its cancel, and one on the reconciliation list for as long as it is', () => {
    const dir = tempDir();
    let now = new Date('2026-11-30T14:00:00.000Z');
    const store = storeIn(dir);
    const outbox = new Outbox({ store, audit: new AuditLog(store), clock: { now: () => now }, compactAfter: 5 });
    const settleCancelled = (ticket: string, unclear: boolean) => {
      const action = { ...issue(ticket), takenAt: now.toISOString() };
      outbox.accept(action);
      outbox.recordAttempt([action.id], { sent: action.values });
      if (unclear) outbox.recordFailed([action.id], { code: 'opscom-unreadable' }, true, 'unreadable');
      else outbox.recordDelivered([action.id], `ref-${ticket}`);
      const cancel = { ...issue(ticket), kind: 'cancel' as const, takenAt: now.toISOString() };
      outbox.accept(cancel);
      if (unclear) outbox.recordHandedOver([action.id, cancel.id], 'cancelled-after-unclear');
      else outbox.recordDelivered([cancel.id], `ref-${ticket}`);
    };
    settleCancelled('C-clean', false);
    settleCancelled('C-listed', true);
    for (let i = 0; i < 10; i += 1) settleCancelled(`C-${i}`, false); // compacts several times
    expect(outbox.permit('C-clean')?.status).toBe('cancelled');
    now = new Date('2026-12-01T14:30:00.000Z'); // a day and a half later
    for (let i = 10; i < 20; i += 1) settleCancelled(`C-${i}`, false);
    outbox.close();
    const again = open(dir);
    expect(again.permit('C-clean')).toBeUndefined();
    expect(again.permit('C-listed')).toMatchObject({ status: 'cancelled', reconcile: 'attention' });
    expect(again.permit('C-19')?.status).toBe('cancelled');
  });

  it('audits every action and exports it as CSV a spreadsheet cannot run', () => {
    const dir = tempDir();
    const outbox = open(dir);
    const action = issue('K-1', '=HYPERLINK("x")');
    outbox.accept(action);
    outbox.recordAttempt([action.id]);
    outbox.recordFailed(
      [action.id],
      { code: 'legacy-message', params: { text: 'Could not reach OPSCOM, "network"' } },
      false,
    );
    const audit = new AuditLog(stores.get(dir)!);
    const csv = audit.toCsv();
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header).toBe(
      'at,event,actionId,ticketNumber,kind,plate,zone,endAt,amountCents,chargedCents,currency,attendant,referenceId,detail',
    );
    expect(rows.map((row) => row.split(',')[1])).toEqual(['accepted', 'attempt', 'failed']);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain('"Could not reach OPSCOM, ""network"""');
    expect(csvCell(-5)).toBe('-5');
  });
});
