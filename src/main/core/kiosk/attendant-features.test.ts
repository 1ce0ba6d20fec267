import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox } from '../../../sandbox/server';
import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { Occupancy } from '../../../shared/occupancy/occupancy-view';
import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import type { SettingsView } from '../../../shared/settings/settings-view';
import type { ShiftSummary } from '../../../shared/shift/shift-view';
import { problemMessage, type Problem } from '../../../shared/errors/problems';
import { startTestKiosk, TEST_TOKEN, type TestKiosk, value } from '../testing/test-kiosk';
import { readRecords } from '../storage/read-records';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

const issue = (k: TestKiosk, plate: string, zone = 'Lot 1', durationMinutes = 60) =>
  k.core.dispatch('permits:issue', { requestId: crypto.randomUUID(), plate, zone, durationMinutes });

describe('shifts', () => {
  it('refuses to issue before anyone signs in, in plain words', async () => {
    kiosk = await startTestKiosk({ signIn: false });
    expect(value(await kiosk.core.dispatch('shift:current', {}))).toBeNull();
    const refused = await issue(kiosk, 'NOSHIFT');
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(!refused.ok && refused.error.message).toMatch(/Start a shift/);
    const blank = await kiosk.core.dispatch('shift:start', { attendant: '  ' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'attendant' } });
  });

  it('totals the shift per currency, records the attendant, and closes with a CSV', async () => {
    kiosk = await startTestKiosk({ signIn: false });
    await kiosk.core.dispatch('shift:start', { attendant: 'Dana 042' });
    const a = value<Permit>(await issue(kiosk, 'SHIFT1')); // Lot 1, 60 min: $4.50
    value<Permit>(await issue(kiosk, 'SHIFT2', 'Lot 2', 60)); // $3.00
    const extend = { requestId: crypto.randomUUID(), ticketNumber: a.ticketNumber, minutes: 30 };
    value<Permit>(await kiosk.core.dispatch('permits:extend', extend)); // adds $2.25
    const cancel = { requestId: crypto.randomUUID(), ticketNumber: a.ticketNumber, reason: 'Driver left' };
    value<Permit>(await kiosk.core.dispatch('permits:cancel', cancel));

    const running = value<ShiftSummary>(await kiosk.core.dispatch('shift:summary', {}));
    expect(running).toMatchObject({ issued: 2, extended: 1, cancelled: 1, closedAt: null });
    expect(running.amounts).toEqual([{ currency: 'CAD', cents: 450 + 300 + 225 }]);

    await kiosk.restart(); // the shift is on disk
    const closed = value<ShiftSummary>(await kiosk.core.dispatch('shift:close', {}));
    expect(closed.shift.attendant).toBe('Dana 042');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.csv.split('\r\n')[0]).toContain('attendant');
    expect(closed.csv).toContain('Dana 042');
    expect(closed.csv).toContain('Driver left');
    expect(value(await kiosk.core.dispatch('shift:current', {}))).toBeNull();
    expect(await issue(kiosk, 'AFTER')).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
  });
});

describe('occupancy', () => {
  it('reads counts from OPSCOM, and keeps the last figures with an error when offline', async () => {
    kiosk = await startTestKiosk();
    value<Permit>(await issue(kiosk, 'OCC1'));
    value<Permit>(await issue(kiosk, 'OCC2'));
    await kiosk.core.idle();
    const fresh = value<Occupancy>(await kiosk.core.dispatch('occupancy:get', { refresh: true }));
    expect(fresh).toMatchObject({ problem: null, rows: [{ zone: 'Lot 1', total: 2 }] });
    kiosk.network.online = false;
    const stale = value<Occupancy>(await kiosk.core.dispatch('occupancy:get', { refresh: true }));
    expect(stale.rows).toEqual(fresh.rows);
    expect(stale.fetchedAt).toBe(fresh.fetchedAt);
    expect(stale.problem).toEqual({ code: 'opscom-unreachable' });
    expect(problemMessage(stale.problem!)).toMatch(/Could not reach OPSCOM/);
  });
});

describe('settings behind the admin PIN', () => {
  it('needs the PIN, locks after five wrong tries, and never shows the token', async () => {
    kiosk = await startTestKiosk();
    const view = value<SettingsView>(await kiosk.core.dispatch('settings:get', { adminPin: '1234' }));
    expect(view).toMatchObject({ tokenSet: true, tokenLast4: TEST_TOKEN.slice(-4), adminPinIsDemo: false });
    expect(JSON.stringify(view)).not.toContain(TEST_TOKEN);
    for (let i = 0; i < 4; i += 1) {
      expect(await kiosk.core.dispatch('settings:get', { adminPin: '0000' })).toMatchObject({
        ok: false,
        error: { field: 'adminPin' },
      });
    }
    const locked = await kiosk.core.dispatch('settings:get', { adminPin: '0000' });
    expect(!locked.ok && locked.error.message).toMatch(/locked for 5 minutes/);
    expect(await kiosk.core.dispatch('settings:get', { adminPin: '1234' })).toMatchObject({ ok: false });
  });

  it('saves a new token (never read back), a new PIN, the name and the outbox concurrency', async () => {
    kiosk = await startTestKiosk();
    const saved = await kiosk.core.dispatch('settings:update', {
      adminPin: '1234',
      changes: { apiToken: 'NEW-TOKEN-9876', newAdminPin: '2468', kioskName: 'Booth 3', outboxConcurrency: 2 },
    });
    expect(value<SettingsView>(saved)).toMatchObject({
      kioskName: 'Booth 3',
      outboxConcurrency: 2,
      adminPinIsDemo: false,
      controllerSource: 'flag',
    });
    expect(JSON.stringify(saved)).not.toContain('NEW-TOKEN-9876');
    expect(await kiosk.core.dispatch('settings:get', { adminPin: '1234' })).toMatchObject({ ok: false });
    expect(value<SettingsView>(await kiosk.core.dispatch('settings:get', { adminPin: '2468' })).kioskName).toBe(
      'Booth 3',
    );
  });

  it('uses a controller URL and token saved in settings, and resumes when they are fixed', async () => {
    const sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
    kiosk = await startTestKiosk({ sandbox, core: { flags: {}, env: {} } });
    // Nothing configured: demo mode, and saved controller settings wait for the next start.
    expect(kiosk.core.info.demoMode).toBe(true);
    value(
      await kiosk.core.dispatch('settings:update', {
        adminPin: '1234',
        changes: { controllerUrl: sandbox.url, apiToken: 'WRONG-TOKEN' },
      }),
    );
    await kiosk.restart();
    expect(kiosk.core.info.demoMode).toBe(false);
    value<Permit>(await issue(kiosk, 'FIXME1'));
    await vi.waitFor(async () => {
      expect(value<OutboxStatus>(await kiosk!.core.dispatch('outbox:status', {})).paused).not.toBeNull();
    });
    const failed = value<{ ok: boolean; problem: Problem }>(
      await kiosk.core.dispatch('settings:test-connection', { adminPin: '1234' }),
    );
    expect(failed).toMatchObject({ ok: false });
    expect(problemMessage(failed.problem)).toMatch(/refused this kiosk’s API token/);

    value(await kiosk.core.dispatch('settings:update', { adminPin: '1234', changes: { apiToken: TEST_TOKEN } }));
    await vi.waitFor(async () => {
      expect(value<OutboxStatus>(await kiosk!.core.dispatch('outbox:status', {}))).toMatchObject({
        paused: null,
        waiting: 0,
      });
    });
    expect(sandbox.permits().map((p) => p.plate)).toEqual(['FIXME1']);
    const ok = value<{ ok: boolean }>(await kiosk.core.dispatch('settings:test-connection', { adminPin: '1234' }));
    expect(ok.ok).toBe(true);
    // The pause and the resumption are both in the audit log, with why.
    const audit = readRecords(kiosk.dataDir).audit.map((entry) => entry as { event: string; detail?: string });
    const pauses = audit.filter((entry) => entry.event === 'paused' || entry.event === 'resumed');
    expect(pauses[0]).toMatchObject({ event: 'paused', detail: expect.stringMatching(/API token/) });
    expect(pauses.at(-1)).toMatchObject({ event: 'resumed', detail: 'The controller settings changed.' });
  });

  it('changes zones, prices and language for the screen at once', async () => {
    kiosk = await startTestKiosk();
    const zones = [{ name: 'Harbour', currency: 'CAD', centsPerHour: 800, maxCents: 4000, presets: [15, 45] }];
    const seen: string[] = [];
    const stop = kiosk.core.events.subscribe((event) => seen.push(event));
    value(await kiosk.core.dispatch('settings:update', { adminPin: '1234', changes: { zones } }));
    const info = value<KioskInfo>(await kiosk.core.dispatch('kiosk:info', {}));
    expect(info.zones).toEqual([
      {
        name: 'Harbour',
        currency: 'CAD',
        presets: [
          { minutes: 15, cents: 200 },
          { minutes: 45, cents: 600 },
        ],
      },
    ]);
    expect(value<Permit>(await issue(kiosk, 'HARB1', 'Harbour', 45)).amountCents).toBe(600);
    expect(value<KioskInfo>(await kiosk.core.dispatch('kiosk:set-language', { language: 'fr-CA' })).language).toBe(
      'fr-CA',
    );
    expect(seen.filter((event) => event === 'kiosk:changed')).toHaveLength(2);
    stop();
    const bad = await kiosk.core.dispatch('settings:update', {
      adminPin: '1234',
      changes: { zones: [{ ...zones[0], currency: 'dollars' }] },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!bad.ok && bad.error.message).toMatch(/three-letter code/);
  });

  it('keeps the plate check’s home regions: Ontario by default, at least one, each known once', async () => {
    kiosk = await startTestKiosk();
    expect(kiosk.core.info.homeRegions).toEqual(['ON']);
    expect(value<SettingsView>(await kiosk.core.dispatch('settings:get', { adminPin: '1234' })).homeRegions).toEqual([
      'ON',
    ]);
    const saved = await kiosk.core.dispatch('settings:update', {
      adminPin: '1234',
      changes: { homeRegions: ['QC', 'ON'] },
    });
    expect(value<SettingsView>(saved).homeRegions).toEqual(['QC', 'ON']);
    expect(value<KioskInfo>(await kiosk.core.dispatch('kiosk:info', {})).homeRegions).toEqual(['QC', 'ON']);
    await kiosk.restart();
    expect(kiosk.core.info.homeRegions).toEqual(['QC', 'ON']);

    const refusals: Array<[unknown, RegExp]> = [
      [[], /at least one region/],
      [['ON', 'ON'], /only once/],
      [['XX'], /does not know that region/],
    ];
    for (const [homeRegions, words] of refusals) {
      const bad = await kiosk.core.dispatch('settings:update', { adminPin: '1234', changes: { homeRegions } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(!bad.ok && bad.error.message).toMatch(words);
    }
    expect(kiosk.core.info.homeRegions).toEqual(['QC', 'ON']);
  });

  it('records the cancel reason in the audit log', async () => {
    kiosk = await startTestKiosk();
    const permit = value<Permit>(await issue(kiosk, 'WHY1'));
    const cancel = { requestId: crypto.randomUUID(), ticketNumber: permit.ticketNumber, reason: 'Wrong plate' };
    value(await kiosk.core.dispatch('permits:cancel', cancel));
    const accepted = readRecords(kiosk.dataDir)
      .audit.map((entry) => entry as { event: string; kind: string; detail?: string; attendant?: string })
      .find((entry) => entry.event === 'accepted' && entry.kind === 'cancel');
    expect(accepted).toMatchObject({ detail: 'Wrong plate', attendant: 'Test attendant' });
  });
});

describe('printing', () => {
  it('lets the browser print where the platform has no printer hook', async () => {
    kiosk = await startTestKiosk();
    // Nothing has printed yet: the page prints through its browser, and main claims nothing.
    expect(value(await kiosk.core.dispatch('kiosk:print', { what: 'receipt' }))).toEqual({ printedBy: 'browser' });
  });
});
