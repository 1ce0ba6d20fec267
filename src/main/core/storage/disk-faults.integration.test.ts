import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../../sandbox/server';
import type { Permit } from '../../../shared/permits/permit';
import type { DriverLine } from '../testing/disk-fault-driver';
import { startTestKiosk, TEST_TOKEN } from '../testing/test-kiosk';
import { KioskStore } from './kiosk-store';
import { readRecords } from './read-records';
import { buildDiskFaultShim, canInjectDiskFaults, PROJECT_ROOT } from '../testing/fault-shim';

const ROOT = PROJECT_ROOT;
const DRIVER = path.join(ROOT, 'src/main/core/testing/disk-fault-driver.ts');
const linux = canInjectDiskFaults;
let shim = '';
beforeAll(() => {
  if (linux) shim = buildDiskFaultShim();
});
afterAll(() => {
  if (shim) rmSync(path.dirname(shim), { recursive: true, force: true });
});

/** Runs the driver under the shim until it kills itself; returns what the attendant saw, one line per tap. */
function runUnderFaults(dataDir: string, controllerUrl: string, mode: string, rate: number, seed: number) {
  return new Promise<DriverLine[]>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRIVER, dataDir, controllerUrl, '60'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LD_PRELOAD: shim,
        KIOSK_FAULT_DIR: realpathSync(dataDir),
        KIOSK_FAULT_MODE: mode,
        KIOSK_FAULT_RATE_ARMED: String(rate),
        KIOSK_FAULT_SEED: String(seed),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`The driver ended with ${code ?? signal}: ${err}`));
      resolve(
        out
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as DriverLine),
      );
    });
  });
}

describe.skipIf(!linux)('a failing disk under the kiosk (LD_PRELOAD shim on its data folder)', () => {
  it.each([
    ['eio', 'writes failing with EIO', 0.03],
    ['short', 'writes cut short, the next one failing with ENOSPC', 0.03],
    ['fsync', 'fsync and fdatasync failing with EIO', 0.1],
  ] as const)(
    '%s (%s): what was confirmed is kept and delivered, what was refused is never stored',
    async (mode, _what, rate) => {
      const sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
      const dataDir = mkdtempSync(path.join(os.tmpdir(), `disk-faults-${mode}-`));
      try {
        const lines = await runUnderFaults(dataDir, sandbox.url, mode, rate, 7);
        const confirmed = lines.filter((line) => line.ok);
        const refused = lines.filter((line) => !line.ok);
        expect(lines).toHaveLength(60);
        // The run has teeth: the disk failed under some actions and not under others.
        expect(refused.length).toBeGreaterThan(0);
        expect(confirmed.length).toBeGreaterThan(20);
        // Every refusal is a storage problem in words, never "something went wrong".
        for (const line of refused) expect(line).toMatchObject({ code: 'storage' });

        // The power is back: the kiosk starts on the same folder, with a sound disk, and delivers.
        const kiosk = await startTestKiosk({ dataDir, sandbox, settings: { kioskId: 'DISKFLT1' } });
        await kiosk.core.idle();
        const { ledger, audit } = readRecords(dataDir);
        const ledgerIds = new Set(ledger.map((entry) => entry.id));
        const live = sandbox.permits().filter((record) => !record.deleted);

        for (const line of confirmed) {
          expect(ledgerIds.has(line.requestId), `ledger holds ${line.requestId}`).toBe(true);
          const permit = await kiosk.core.dispatch('permits:get', { ticketNumber: line.ticketNumber });
          expect(permit.ok, `kiosk holds ${line.ticketNumber}`).toBe(true);
          const view = (permit as { value: Permit }).value;
          expect(view.sync).toBe('sent');
          if (line.kind === 'issue') {
            expect(view.plate).toBe(line.plate);
            expect(live.some((record) => record.plate === line.plate)).toBe(true);
          } else {
            expect(view.endAt >= (line.endAt ?? '')).toBe(true);
          }
        }
        for (const line of refused) {
          expect(ledgerIds.has(line.requestId), `ledger must not hold refused ${line.requestId}`).toBe(false);
          if (line.kind === 'issue') {
            expect(
              live.some((record) => record.plate === line.plate),
              `OPSCOM must not hold ${line.plate}`,
            ).toBe(false);
            expect(audit.some((entry) => entry.plate === line.plate)).toBe(false);
          }
        }
        await kiosk.close();
      } finally {
        await sandbox.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('an answer OPSCOM gave but the disk refused to record is recorded before a cancel is planned', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'disk-faults-answer-'));
    try {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'src/main/core/testing/unrecorded-answer-driver.ts'), dataDir],
        {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 60_000,
          env: { ...process.env, LD_PRELOAD: shim, KIOSK_FAULT_DIR: realpathSync(dataDir), KIOSK_FAULT_MODE: 'eio' },
        },
      );
      expect(run.status, run.stderr).toBe(0);
      // OPSCOM's copy was deleted by the cancel (it had to know the reference), or at least listed for a person.
      const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { live: number; reconcile: string };
      expect(result.live === 0 || result.reconcile !== 'none', JSON.stringify(result)).toBe(true);
      expect(result).toMatchObject({ live: 0, sync: 'sent' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.skipIf(!linux)('a commit refused at its fsync (disk-fault shim)', () => {
  it.each([
    ['killed at once', 'at-once'],
    ['killed after one more write', 'then-write'],
  ])('does not come back after kill -9 (%s), though SQLite would replay its frames', (_when, then) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-store-'));
    try {
      const run = spawnSync(
        process.execPath,
        ['--import', 'tsx', path.join(ROOT, 'src/main/core/testing/refused-commit-driver.ts'), dir, then],
        {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, LD_PRELOAD: shim, KIOSK_FAULT_DIR: realpathSync(dir), KIOSK_FAULT_MODE: 'fsync' },
        },
      );
      expect(run.signal, run.stderr).toBe('SIGKILL');
      expect(run.stdout.trim()).toBe('refused');
      const store = KioskStore.open(dir);
      try {
        expect(store.readValue('confirmed')).toBe('kept');
        expect(store.readValue('refused')).toBeUndefined();
        expect(store.readValue('after')).toBe(then === 'then-write' ? 'kept too' : undefined);
      } finally {
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
