import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditLog, csvCell } from '../audit/audit-log';
import { KioskFailure } from '../failure';
import { journalFiles } from './journal';
import { Outbox } from './outbox';
import type { OutboxAction } from './records';

const clock = { now: () => new Date('2026-11-30T14:00:00.000Z') };
const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
  dirs.push(dir);
  return dir;
}
function open(dir: string, compactAfter?: number): Outbox {
  return new Outbox({ dataDir: dir, audit: AuditLog.inDataDir(dir), clock, ...(compactAfter ? { compactAfter } : {}) });
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

  it('ignores a line torn by a crash mid-write, and says so', () => {
    const dir = tempDir();
    const first = open(dir);
    first.accept(issue('K-1'));
    first.close();
    appendFileSync(journalFiles(dir).journal, '{"r":"accept","action":{"id":"tor');
    const again = open(dir);
    expect(again.skippedOnReplay).toBe(1);
    expect(again.status('unknown', null).waiting).toBe(1);
    again.accept(issue('K-2'));
    again.close();
    expect(open(dir).status('unknown', null).waiting).toBe(2);
  });

  it('compacts the journal once settled records pile up, without losing anything', () => {
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
    const files = journalFiles(dir);
    expect(readFileSync(files.journal, 'utf8').split('\n').length).toBeLessThan(200); // of 301 records written
    expect(statSync(files.snapshot).size).toBeGreaterThan(0);
    const again = open(dir);
    expect(again.status('unknown', null).waiting).toBe(1);
    expect(again.permit('K-42')).toMatchObject({ referenceId: 'ref-42', sync: 'sent' });
    expect(again.permit('K-waiting')).toMatchObject({ sync: 'waiting', referenceId: null });
  });

  it('keeps a cancelled permit a day after its cancel, and one on the reconciliation list for as long as it is', () => {
    const dir = tempDir();
    let now = new Date('2026-11-30T14:00:00.000Z');
    const outbox = new Outbox({
      dataDir: dir,
      audit: AuditLog.inDataDir(dir),
      clock: { now: () => now },
      compactAfter: 5,
    });
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

  it('skips a journal already folded into the snapshot (a crash between snapshot and truncation)', () => {
    const dir = tempDir();
    const outbox = open(dir, 20);
    const waiting = Array.from({ length: 5 }, (_, i) => issue(`W-${i}`));
    for (const action of waiting) {
      outbox.accept(action);
      outbox.recordAttempt([action.id]);
      outbox.recordFailed([action.id], { code: 'opscom-unreachable' }, false);
    }
    const staleJournal = readFileSync(journalFiles(dir).journal, 'utf8');
    for (let i = 0; i < 30; i += 1) {
      const action = issue(`D-${i}`);
      outbox.accept(action);
      outbox.recordDelivered([action.id], `ref-${i}`);
    }
    outbox.close();
    expect(statSync(journalFiles(dir).snapshot).size).toBeGreaterThan(0);
    // Put the old journal back beside the new snapshot, as if the crash came right after the rename.
    writeFileSync(journalFiles(dir).journal, staleJournal);
    const again = open(dir);
    expect(again.status('unknown', null).waiting).toBe(5);
    // Replaying the stale attempts again would count them twice.
    expect(again.items(new Set()).map((item) => item.attempts)).toEqual([1, 1, 1, 1, 1]);
    expect(again.permit('D-0')?.referenceId).toBe('ref-0'); // folded into the snapshot
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
    const audit = AuditLog.inDataDir(dir);
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
