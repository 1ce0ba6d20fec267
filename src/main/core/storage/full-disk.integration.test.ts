import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { Permit } from '../../../shared/permits/permit';
import type { Result } from '../../../shared/errors/kiosk-error';
import { startTestKiosk, TEST_TOKEN, type TestKiosk } from '../testing/test-kiosk';
import { cash, tryIssue } from '../testing/permit-actions';
import { TestTmpfs } from '../testing/tmpfs';
import { readRecords } from './read-records';

/**
 * A disk that really fills: the data folder on a 1 MiB tmpfs, and the kiosk's floor for new sales set to 0 so that
 * SQLite itself meets the full disk. Root only (mount); skipped with the reason elsewhere.
 */
describe('a kiosk on a disk that really fills up (1 MiB tmpfs)', () => {
  let kiosk: TestKiosk | undefined;
  let sandbox: RunningSandbox | undefined;
  const disk = new TestTmpfs();
  afterEach(async () => {
    await kiosk?.close();
    kiosk = undefined;
    await sandbox?.close();
    sandbox = undefined;
    disk.unmount();
  });

  it('keeps and delivers every sale it confirmed, stores none it refused, and says why', async (ctx) => {
    const dir = disk.mount(ctx, '1m', 'kiosk-full-');
    sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
    const floorless = { storageThresholds: { warnBelowBytes: 0, refuseBelowBytes: 0 } };
    kiosk = await startTestKiosk({ dataDir: dir, sandbox, core: floorless, settings: { kioskId: 'FULLDISK' } });
    // OPSCOM is away, so everything sold waits in the database while the disk fills.
    kiosk.network.online = false;

    const confirmed: Permit[] = [];
    const refused: Array<{ plate: string; requestId: string; answer: Result<unknown> }> = [];
    for (let i = 0; i < 2000 && refused.length < 5; i += 1) {
      const plate = `FULL${i.toString().padStart(4, '0')}`;
      const requestId = crypto.randomUUID();
      const answer = await tryIssue(kiosk, plate, { requestId, tender: cash(500) });
      if (answer.ok) confirmed.push(answer.value as Permit);
      else refused.push({ plate, requestId, answer });
    }
    expect(confirmed.length).toBeGreaterThan(10);
    ctx.annotate(`${confirmed.length} sales confirmed before the disk was full`);
    expect(refused).toHaveLength(5);
    for (const { answer } of refused) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'storage', problem: { code: 'disk-full' } } });
    }
    const status = await kiosk.core.dispatch('outbox:status', {});
    expect(status).toMatchObject({ ok: true, value: { storage: { state: 'full' } } });

    // A supervisor makes room (the disk grows), the kiosk restarts and OPSCOM is back.
    await kiosk.restart(() => {
      execFileSync('mount', ['-o', 'remount,size=32m', dir], { stdio: 'pipe' });
      kiosk!.network.online = true;
    });
    await kiosk.core.idle();

    const live = sandbox.permits().filter((record) => !record.deleted);
    const { ledger } = readRecords(dir);
    for (const permit of confirmed) {
      const view = await kiosk.core.dispatch('permits:get', { ticketNumber: permit.ticketNumber });
      expect(view, permit.ticketNumber).toMatchObject({ ok: true, value: { plate: permit.plate, sync: 'sent' } });
      expect(live.filter((record) => record.plate === permit.plate)).toHaveLength(1);
    }
    for (const { plate, requestId } of refused) {
      expect(
        live.some((record) => record.plate === plate),
        plate,
      ).toBe(false);
      expect(
        ledger.some((entry) => entry.id === requestId),
        requestId,
      ).toBe(false);
    }
  }, 120_000);
});
