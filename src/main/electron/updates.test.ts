import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../core/host/log';
import { startTestKiosk, type TestKiosk } from '../core/testing/test-kiosk';
import { startUpdates, type Updater, type UpdateWiring } from './updates';
import { readRecords } from '../core/storage/read-records';

const FEED = 'https://updates.example/kiosk/';

/** electron-updater's autoUpdater, as far as the wiring uses it: checking "finds" version 0.2.0 and downloads it. */
class StandInUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = true;
  feeds: string[] = [];
  checks = 0;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options.url);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    this.emit('update-downloaded', { version: '0.2.0' });
    return Promise.resolve(null);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

const auditEvents = async (k: TestKiosk) =>
  readRecords(k.dataDir)
    .audit.map((entry) => entry as { event: string; detail?: string })
    .filter((entry) => entry.event.startsWith('update-'));

let kiosk: TestKiosk | undefined;
let wiring: UpdateWiring | undefined;
afterEach(async () => {
  wiring?.stop();
  await kiosk?.close();
  kiosk = undefined;
  wiring = undefined;
});

function wire(k: TestKiosk, updater: Updater, now?: () => Date): UpdateWiring {
  return startUpdates({
    updater,
    host: k.core.updates,
    events: k.core.events,
    log: createLogger(() => undefined),
    currentVersion: '0.1.0',
    checkEveryMs: 3_600_000,
    policyEveryMs: 3_600_000,
    ...(now ? { now } : {}),
  });
}

describe('updates in the Electron app', () => {
  it('downloads at once, waits for the shift to close and the outbox to empty, then installs and says so', async () => {
    kiosk = await startTestKiosk({ settings: { updateFeedUrl: FEED } }); // a shift is open
    const k = kiosk;
    const updater = new StandInUpdater();
    wiring = wire(k, updater, () => new Date('2026-03-10T12:00:00'));
    await vi.waitFor(() => expect(updater.checks).toBe(1));
    expect(updater.feeds).toEqual([FEED]);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.installs).toEqual([]); // shift open

    k.network.online = false;
    const issued = await k.core.dispatch('permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'UPD1',
      zone: k.core.info.zones[0]!.name,
      durationMinutes: 60,
    });
    expect(issued.ok).toBe(true);
    const closed = await k.core.dispatch('shift:close', {});
    expect(closed.ok).toBe(true);
    expect(k.core.updates.state()).toMatchObject({ shiftOpen: false, waiting: 1 });
    expect(wiring.considerInstall()).toBe(false); // the permit still waits to be sent
    expect(updater.installs).toEqual([]);

    k.network.online = true;
    k.core.networkChanged(true);
    await k.core.idle();
    // The outbox's change (nothing waiting) is what installs it, not a timer.
    await vi.waitFor(() => expect(updater.installs).toEqual([[true, true]]));
    expect(await auditEvents(k)).toEqual([
      { at: expect.any(String), event: 'update-downloaded', detail: 'version 0.2.0 (running 0.1.0)' },
      { at: expect.any(String), event: 'update-installed', detail: 'version 0.2.0 (from 0.1.0): booth-idle' },
    ]);
  });

  it('installs at the maintenance hour with a shift open, but not while an action waits', async () => {
    kiosk = await startTestKiosk({ settings: { updateFeedUrl: FEED, maintenanceHour: 3 } });
    const k = kiosk;
    const updater = new StandInUpdater();
    let now = new Date('2026-03-10T02:59:00');
    wiring = wire(k, updater, () => now);
    await vi.waitFor(() => expect(updater.checks).toBe(1));
    expect(wiring.considerInstall()).toBe(false);

    k.network.online = false;
    await k.core.dispatch('permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'UPD2',
      zone: k.core.info.zones[0]!.name,
      durationMinutes: 60,
    });
    now = new Date('2026-03-10T03:10:00');
    expect(wiring.considerInstall()).toBe(false);
    expect(updater.installs).toEqual([]);

    k.network.online = true;
    k.core.networkChanged(true);
    await k.core.idle();
    await vi.waitFor(() => expect(updater.installs).toHaveLength(1));
    expect(k.core.updates.state().shiftOpen).toBe(true);
    expect((await auditEvents(k)).at(-1)?.detail).toBe('version 0.2.0 (from 0.1.0): maintenance-hour');
  });

  it('asks no feed while the setting is empty, and starts when a supervisor sets one', async () => {
    kiosk = await startTestKiosk({ signIn: false });
    const k = kiosk;
    const updater = new StandInUpdater();
    wiring = wire(k, updater);
    await wiring.check();
    expect(updater.feeds).toEqual([]);
    expect(updater.checks).toBe(0);

    const saved = await k.core.dispatch('settings:update', {
      adminPin: '1234',
      changes: { updateFeedUrl: FEED },
    });
    expect(saved.ok).toBe(true);
    await vi.waitFor(() => expect(updater.feeds).toEqual([FEED]));
    expect(updater.checks).toBe(1);
  });
});
