/**
 * `npm run bench`: the outbox's speed and memory, each figure measured in this run. `--quick`: the same steps at
 * small sizes (bench/options.ts).
 *   1. durable enqueue latency (one SQLite transaction: the outbox change and its audit entry, WAL +
 *      synchronous=FULL) with 100, 1,000 and 10,000 actions pending;
 *   2. time to flush 1,000 queued pushes against the sandbox with 50 ms added latency, beside the serial
 *      baseline and the concurrency limit;
 *   3. memory of a process holding 10,000 pending actions (measured in a child process that replays them).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuditLog } from '../src/main/core/audit/audit-log';
import { createLogger } from '../src/main/core/host/log';
import { OpscomClient } from '../src/main/core/opscom/client';
import { Outbox } from '../src/main/core/outbox/outbox';
import { KioskStore } from '../src/main/core/storage/kiosk-store';
import type { OutboxAction } from '../src/main/core/outbox/records';
import { startTestKiosk } from '../src/main/core/testing/test-kiosk';
import { quickNote, size } from './options';

const PENDING = size([100, 1_000, 10_000], [20, 60, 200]);
const SAMPLES = size(500, 20);
const WARM_UP = size(500, 20);
const FLUSH_COUNT = size(1_000, 20);
const ROUND_TRIPS = size(20, 3);
const count = (n: number) => n.toLocaleString('en-US');

const clock = { now: () => new Date() };
let seq = 0;
function action(): OutboxAction {
  seq += 1;
  const start = new Date();
  return {
    id: `bench-${seq}`,
    seq,
    ticketNumber: `BENCH-${seq}`,
    kind: 'issue',
    values: {
      plate: `B${seq}`,
      zone: 'Lot 1',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 3_600_000).toISOString(),
      amountCents: 450,
      currency: 'CAD',
    },
    takenAt: start.toISOString(),
    attendant: null,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}
const ms = (n: number) => n.toFixed(3);

function enqueueLatency(dataDir: string): Array<{ pending: number; p50: number; p99: number }> {
  // Warm the JIT and the file system on a throw-away outbox, so the first row is not paying for start-up.
  const warmDir = path.join(dataDir, 'warm-up');
  const warmStore = KioskStore.open(warmDir);
  const warm = new Outbox({ store: warmStore, audit: new AuditLog(warmStore), clock });
  for (let i = 0; i < WARM_UP; i += 1) warm.accept(action());
  warm.close();
  warmStore.close();
  const store = KioskStore.open(dataDir);
  const outbox = new Outbox({ store, audit: new AuditLog(store), clock });
  const rows: Array<{ pending: number; p50: number; p99: number }> = [];
  const samples = SAMPLES;
  for (const target of PENDING) {
    while (outbox.status('unknown', null).waiting < target - samples / 2) outbox.accept(action());
    const times: number[] = [];
    for (let i = 0; i < samples; i += 1) {
      const started = process.hrtime.bigint();
      outbox.accept(action());
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    times.sort((a, b) => a - b);
    rows.push({ pending: target, p50: percentile(times, 50), p99: percentile(times, 99) });
  }
  outbox.close();
  store.close();
  return rows;
}

async function flushTime(): Promise<{ rtt: number; flush: number; concurrency: number }> {
  const kiosk = await startTestKiosk({ core: { backoff: { baseMs: 10, capMs: 50 } } });
  const concurrency = 4;
  try {
    kiosk.sandbox.setFaults([{ endpoint: '*', kind: 'latency', ms: 50 }]);
    // Round trip of one push with the added latency, measured with the same client the outbox uses.
    const client = new OpscomClient({
      baseUrl: kiosk.sandbox.url,
      apiToken: 'KIOSK-TEST-TOKEN',
      log: createLogger(() => {}),
    });
    const trips: number[] = [];
    for (let i = 0; i < ROUND_TRIPS; i += 1) {
      const started = performance.now();
      await client.push({
        plate: `RTT${i}`,
        startAt: new Date().toISOString(),
        endAt: new Date(Date.now() + 3_600_000).toISOString(),
      });
      trips.push(performance.now() - started);
    }
    const rtt = trips.reduce((a, b) => a + b, 0) / trips.length;

    kiosk.network.online = false;
    for (let i = 0; i < FLUSH_COUNT; i += 1) {
      await kiosk.core.dispatch('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: `F${i}`,
        zone: 'Lot 1',
        durationMinutes: 60,
      });
    }
    kiosk.network.online = true;
    const started = performance.now();
    kiosk.core.networkChanged(true);
    for (;;) {
      const status = await kiosk.core.dispatch('outbox:status', {});
      if (status.ok && (status.value as { waiting: number }).waiting === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return { rtt, flush: performance.now() - started, concurrency };
  } finally {
    await kiosk.close();
  }
}

function memoryHolding(dataDir: string): { rssMiB: number; heapMiB: number; replayMs: number; pending: number } {
  const script = fileURLToPath(new URL('./hold-outbox.ts', import.meta.url));
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', script, dataDir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'outbox-bench-'));
try {
  console.log(`Outbox benchmark — ${new Date().toISOString()} — ${os.cpus().length} cores, node ${process.version}`);
  console.log(quickNote());
  const latency = enqueueLatency(dataDir);
  console.log(`Durable enqueue (one SQLite transaction, WAL + synchronous=FULL), ${SAMPLES} samples each:`);
  console.log('| pending | p50 ms | p99 ms |');
  console.log('| ---: | ---: | ---: |');
  for (const row of latency) console.log(`| ${count(row.pending)} | ${ms(row.p50)} | ${ms(row.p99)} |`);
  const first = latency[0];
  const last = latency[latency.length - 1];
  const ratio = (last?.p99 ?? NaN) / (first?.p99 ?? NaN);
  console.log(
    `p99 at ${count(last?.pending ?? NaN)} ÷ p99 at ${count(first?.pending ?? NaN)}: ${ratio.toFixed(2)} ` +
      `(target ≤ 2; p99 at ${count(last?.pending ?? NaN)} target ≤ 10 ms)\n`,
  );

  const memory = memoryHolding(dataDir);
  console.log(
    `Process holding ${memory.pending} pending actions: RSS ${memory.rssMiB.toFixed(1)} MiB, ` +
      `heap used ${memory.heapMiB.toFixed(1)} MiB; replaying them at start took ${memory.replayMs.toFixed(0)} ms\n`,
  );

  const flush = await flushTime();
  const serial = FLUSH_COUNT * flush.rtt;
  const limit = serial / flush.concurrency;
  console.log(`Flush of ${count(FLUSH_COUNT)} queued pushes, sandbox with 50 ms added latency:`);
  console.log('| measure | ms |');
  console.log('| --- | ---: |');
  console.log(`| one round trip (mean of ${ROUND_TRIPS}) | ${flush.rtt.toFixed(1)} |`);
  console.log(`| serial baseline (${count(FLUSH_COUNT)} × round trip) | ${serial.toFixed(0)} |`);
  console.log(`| limit (serial ÷ concurrency ${flush.concurrency}) | ${limit.toFixed(0)} |`);
  console.log(`| measured flush | ${flush.flush.toFixed(0)} |`);
  console.log(`measured ÷ limit: ${(flush.flush / limit).toFixed(2)} (target ≤ 1.25)`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
