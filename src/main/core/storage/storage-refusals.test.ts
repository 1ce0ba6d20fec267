import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreDamagedError } from './kiosk-store';
import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import { createDispatcher, type Handlers } from '../channels/dispatch';
import { permitHandlers } from '../permits/handlers';
import { createLogger } from '../host/log';
import type { KioskServices } from '../channels/services';
import { fixedClock, startTestKiosk, value, type TestKiosk } from '../testing/test-kiosk';
import { StorageHealth } from './storage-health';

const MiB = 1024 * 1024;
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

describe('the dispatcher, for a storage error no store turned into its failure', () => {
  it('answers in the disk’s own words and records the fault, while other errors stay "internal"', async () => {
    const lines: string[] = [];
    const storage = new StorageHealth({ dir: '/data', statfs: () => ({ bavail: 1e6, bsize: 4096 }) });
    const handlers = {
      'kiosk:info': () => {
        throw enospc();
      },
      'kiosk:connection': () => {
        throw new TypeError('a bug');
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(
      handlers,
      createLogger((_level, line) => lines.push(line)),
      storage,
    );
    expect(await dispatch('kiosk:info', {})).toEqual({
      ok: false,
      error: {
        code: 'storage',
        problem: { code: 'disk-full' },
        message: 'This kiosk’s disk is full: nothing was recorded. Call a supervisor.',
      },
    });
    expect(storage.status()).toMatchObject({ state: 'full', lastFault: 'disk-full' });
    expect(lines.join('\n')).toMatch(/The disk refused a write in kiosk:info \(disk-full\)/);
    expect(await dispatch('kiosk:connection', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(storage.faultCounts()['disk-full']).toBe(1);
  });

  it('answers a row that fails its checksum while the kiosk runs as a failing disk, in words', async () => {
    const storage = new StorageHealth({ dir: '/data', statfs: () => ({ bavail: 1e6, bsize: 4096 }) });
    const handlers = {
      'reports:day': () => {
        throw new StoreDamagedError('/data/kiosk.db', 'row 7 of ledger does not match its checksum');
      },
    } as unknown as Handlers;
    const dispatch = createDispatcher(
      handlers,
      createLogger(() => undefined),
      storage,
    );
    expect(await dispatch('reports:day', {})).toMatchObject({
      ok: false,
      error: { code: 'storage', problem: { code: 'disk-failing' } },
    });
    expect(storage.status()).toMatchObject({ state: 'failing', lastFault: 'disk-failing' });
  });
});

describe('permits:issue below the floor', () => {
  function services(freeBytes: number) {
    const issue = vi.fn(async () => ({ plate: 'ABC123' }) as Permit);
    const storage = new StorageHealth({ dir: '/data', statfs: () => ({ bavail: freeBytes / 4096, bsize: 4096 }) });
    const k = {
      pin: { requireSet: () => undefined },
      permits: { issue, isKnownRequest: (id: string) => id === 'already-recorded' },
      storage,
      issueMemory: { plateIssued: async () => undefined },
      money: { saleTender: () => undefined },
    } as unknown as KioskServices;
    return { handler: permitHandlers(k)['permits:issue'], issue };
  }
  const sale = { plate: 'ABC123', zone: 'Lot 1', durationMinutes: 60 };

  it('refuses a new sale before it is taken, in words, and sells above the floor', async () => {
    const low = services(49 * MiB);
    await expect(low.handler({ requestId: 'new', ...sale })).rejects.toMatchObject({
      error: { code: 'storage', problem: { code: 'disk-too-low' } },
    });
    expect(low.issue).not.toHaveBeenCalled();
    const room = services(51 * MiB);
    await room.handler({ requestId: 'new', ...sale });
    expect(room.issue).toHaveBeenCalledTimes(1);
  });

  it('still answers the retry of a sale already recorded (its answer was lost)', async () => {
    const low = services(1 * MiB);
    await low.handler({ requestId: 'already-recorded', ...sale });
    expect(low.issue).toHaveBeenCalledWith('already-recorded', sale);
  });
});

describe('a kiosk whose data folder is on a small real disk (tmpfs)', () => {
  let kiosk: TestKiosk | undefined;
  let mounted: string | undefined;
  afterEach(async () => {
    await kiosk?.close();
    kiosk = undefined;
    if (mounted) {
      execFileSync('umount', [mounted]);
      rmSync(mounted, { recursive: true, force: true });
      mounted = undefined;
    }
  });

  it('warns when low, stops new sales below the floor but not extensions or retries, and resumes', async (ctx) => {
    if (process.getuid?.() !== 0) return ctx.skip('needs root to mount a tmpfs');
    const dir = mkdtempSync(path.join(tmpdir(), 'kiosk-disk-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      return ctx.skip(`mount refused here: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`);
    }
    mounted = dir;
    // The test kiosk makes its data folder in the temporary folder: this disk, for this kiosk only.
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = dir;
    const clock = fixedClock('2026-12-07T10:00:00Z');
    try {
      kiosk = await startTestKiosk({ clock });
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
    const k = kiosk;
    expect(k.dataDir.startsWith(dir)).toBe(true);
    const events: OutboxStatus[] = [];
    k.core.events.subscribe((event, payload) => {
      if (event === 'outbox:changed') events.push(payload as OutboxStatus);
    });
    const status = async () => value<OutboxStatus>(await k.core.dispatch('outbox:status', {}));
    const zone = k.core.info.zones[0]!.name;
    const issue = (requestId: string, plate: string) =>
      k.core.dispatch('permits:issue', { requestId, plate, zone, durationMinutes: 60 });

    // 64 MiB: under the 200 MiB warning line, over the 50 MiB floor.
    expect((await status()).storage).toMatchObject({ state: 'low', lastFault: null });
    const firstId = crypto.randomUUID();
    const first = value<Permit>(await issue(firstId, 'ABC123'));

    writeFileSync(path.join(dir, 'filler'), Buffer.alloc(20 * MiB, 1));
    clock.advance(1);
    const full = (await status()).storage;
    expect(full).toMatchObject({ state: 'full', lastFault: null });
    expect(full!.freeBytes).toBeLessThan(50 * MiB);
    await vi.waitFor(() => expect(events.at(-1)?.storage?.state).toBe('full'));
    expect(await issue(crypto.randomUUID(), 'XYZ789')).toMatchObject({
      ok: false,
      error: {
        code: 'storage',
        problem: { code: 'disk-too-low' },
        message:
          'This kiosk’s disk is almost full: new sales are stopped so waiting ones can still be sent. Call a supervisor.',
      },
    });
    // What was sold can still be extended, and a retry of the first sale is answered from the record.
    value(
      await k.core.dispatch('permits:extend', {
        requestId: crypto.randomUUID(),
        ticketNumber: first.ticketNumber,
        minutes: 30,
      }),
    );
    expect(value<Permit>(await issue(firstId, 'ABC123')).ticketNumber).toBe(first.ticketNumber);

    rmSync(path.join(dir, 'filler'));
    clock.advance(1);
    expect((await status()).storage?.state).toBe('low');
    value(await issue(crypto.randomUUID(), 'XYZ789'));
    const metrics = await k.core.metrics.text();
    expect(metrics).toMatch(/^kiosk_storage_state\{state="low",kiosk_id="[A-Z0-9]+"\} 1$/m);
  });
});
