/**
 * `npm run bench` (store): the kiosk database's figures beside their targets, each measured in this run.
 *   1. commit latency of one sale (its ledger entry, outbox change and audit entries in one transaction, WAL +
 *      synchronous=FULL) with 10,000 actions pending and 1,000,000 rows of history;
 *   2. start-up with that history: opening the store (quick_check, schema) and loading the outbox;
 *   3. the full check `npm run audit -- verify` runs (every checksum and the audit chain);
 *   4. the database's size per 100,000 sales.
 * `--quick` runs the same code at small sizes (100 pending, 10,000 rows), for CI: the figures are printed, never
 * judged there.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuditLog, type AuditEntry } from '../src/main/core/audit/audit-log';
import { MoneyLedger } from '../src/main/core/money/money-ledger';
import { Outbox } from '../src/main/core/outbox/outbox';
import type { OutboxAction } from '../src/main/core/outbox/records';
import { KioskStore } from '../src/main/core/storage/kiosk-store';
import { verifyStore } from '../src/main/core/storage/verify-store';
import type { LedgerEntry } from '../src/shared/money/ledger-entries';
import { quickNote, size } from './options';

const PENDING = size(10_000, 100);
const HISTORY = size(1_000_000, 10_000);
const SAMPLES = size(1_000, 100);
const clock = { now: () => new Date() };

let seq = 0;
function sale(): { action: OutboxAction; entry: LedgerEntry } {
  seq += 1;
  const at = new Date().toISOString();
  const ticketNumber = `BENCH1-${seq.toString().padStart(7, '0')}`;
  const values = {
    plate: `B${seq}`,
    zone: 'Lot 1',
    startAt: at,
    endAt: new Date(Date.now() + 3_600_000).toISOString(),
    amountCents: 450,
    currency: 'CAD',
  };
  const id = `bench-${seq}`;
  return {
    action: { id, seq, ticketNumber, kind: 'issue', values, takenAt: at, attendant: 'Bench', chargedCents: 450 },
    entry: {
      type: 'sale',
      id,
      at,
      shiftId: 'S1',
      attendant: 'Bench',
      ticketNumber,
      action: 'issue',
      amountCents: 450,
      currency: 'CAD',
      tender: { method: 'cash', tenderedCents: 500, changeCents: 50 },
    },
  };
}

/** A sale as the kiosk writes it: ledger entry, tender audit, outbox change and its audit, in one transaction. */
function writeSale(store: KioskStore, ledger: MoneyLedger, audit: AuditLog, outbox: Outbox): void {
  const { action, entry } = sale();
  store.transaction(() => {
    ledger.append(entry);
    audit.append({ at: entry.at, event: 'tendered', ticketNumber: action.ticketNumber, amountCents: 450 });
    outbox.accept(action);
  });
}

/** History as years of a busy booth leave it: half audit entries, half ledger entries, in large transactions. */
function fillHistory(store: KioskStore, rows: number): void {
  const audit = new AuditLog(store);
  const ledger = new MoneyLedger(store);
  const batch = 10_000;
  for (let done = 0; done < rows; done += batch) {
    store.transaction(() => {
      const entries: AuditEntry[] = [];
      for (let i = 0; i < batch / 2; i += 1) {
        const { entry } = sale();
        ledger.append(entry);
        entries.push({ at: entry.at, event: 'delivered', ticketNumber: `H-${done + i}`, referenceId: 'R1' });
      }
      audit.append(...entries);
    });
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number, digits = 3) => n.toFixed(digits);

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'store-bench-'));
  try {
    const store = KioskStore.open(dir);
    const started = performance.now();
    fillHistory(store, HISTORY);
    const fillSeconds = (performance.now() - started) / 1000;
    const audit = new AuditLog(store);
    const ledger = new MoneyLedger(store);
    const outbox = new Outbox({ store, audit, clock });
    for (let i = 0; i < PENDING; i += 1) writeSale(store, ledger, audit, outbox);
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) {
      const begin = process.hrtime.bigint();
      writeSale(store, ledger, audit, outbox);
      times.push(Number(process.hrtime.bigint() - begin) / 1e6);
    }
    times.sort((a, b) => a - b);
    outbox.close();
    store.close();

    const openStarted = performance.now();
    const reopened = KioskStore.open(dir);
    const reopenedOutbox = new Outbox({ store: reopened, audit: new AuditLog(reopened), clock });
    const startupMs = performance.now() - openStarted;
    const pending = reopenedOutbox.status('unknown', null).waiting;
    const verifyStarted = performance.now();
    const check = verifyStore(reopened.db);
    const verifyMs = performance.now() - verifyStarted;
    reopened.close();

    // Size per sale: a fresh database, a number of sales as the kiosk writes them, its size after a checkpoint.
    const sizeDir = path.join(dir, 'size');
    const sizeStore = KioskStore.open(sizeDir);
    const sizeAudit = new AuditLog(sizeStore);
    const sizeOutbox = new Outbox({ store: sizeStore, audit: sizeAudit, clock, compactAfter: 1_000 });
    const sizeLedger = new MoneyLedger(sizeStore);
    const emptyBytes = statSync(path.join(sizeDir, 'kiosk.db')).size;
    const sales = size(10_000, 1_000);
    for (let i = 0; i < sales; i += 1) writeSale(sizeStore, sizeLedger, sizeAudit, sizeOutbox);
    sizeOutbox.close();
    sizeStore.close();
    const perSale = (statSync(path.join(sizeDir, 'kiosk.db')).size - emptyBytes) / sales;

    const rows = Object.values(check.rows).reduce((sum, n) => sum + n, 0);
    console.log(
      `\nKiosk store (node:sqlite ${process.versions.sqlite}, WAL, synchronous=FULL)\n${quickNote()}`.trimEnd(),
    );
    console.log(
      `  history: ${HISTORY.toLocaleString('en')} rows written in ${fmt(fillSeconds, 1)} s; ${pending} pending`,
    );
    console.log(
      `  commit of one sale        p50 ${fmt(percentile(times, 50))} ms   p99 ${fmt(percentile(times, 99))} ms   (target p99 ≤ 1 ms)`,
    );
    console.log(`  start-up with history     ${fmt(startupMs, 1)} ms   (target ≤ 1000 ms)`);
    console.log(`  full check (audit verify) ${fmt(verifyMs, 1)} ms over ${rows.toLocaleString('en')} rows`);
    console.log(
      `  size per 100,000 sales    ${fmt((perSale * 100_000) / 2 ** 20, 1)} MiB   (${fmt(perSale, 0)} B a sale)`,
    );
    if (check.audit.broken || check.damagedRows.length > 0) throw new Error('The bench database did not verify.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
