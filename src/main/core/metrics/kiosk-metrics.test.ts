import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, startTestKiosk, TEST_TOKEN, value, type TestKiosk } from '../testing/test-kiosk';
import { firstZone, issue } from '../testing/permit-actions';
import type { StorageStatus } from '../../../shared/storage/storage-status';
import { KioskMetrics, pauseReason, type MetricsSources } from './kiosk-metrics';
import { parseMetrics, sample } from './metrics-text';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

const ATTENDANT = 'Genevieve Tremblay';

async function read(k: TestKiosk) {
  return parseMetrics(await k.core.metrics.text());
}

describe('the kiosk metrics, from the core', () => {
  it('say how many actions wait and how old the oldest is, and nothing personal', async () => {
    const clock = fixedClock('2026-12-02T10:00:00Z');
    kiosk = await startTestKiosk({ clock, signIn: false, settings: { kioskName: 'Lot 7 — north gate' } });
    const k = kiosk;
    value(await k.core.dispatch('shift:start', { attendant: ATTENDANT }));
    k.network.online = false;
    const first = await issue(k, 'ZZTOP42', { zone: firstZone(k) });
    clock.advance(5);
    const second = await issue(k, 'QWERTY9', { zone: firstZone(k) });
    await k.core.idle();
    clock.advance(10);

    const text = await k.core.metrics.text();
    const metrics = parseMetrics(text);
    const id = k.core.info.kioskId;
    expect(sample(metrics, 'kiosk_outbox_waiting_actions')).toMatchObject({ labels: { kiosk_id: id }, value: 2 });
    expect(sample(metrics, 'kiosk_outbox_oldest_waiting_age_seconds')?.value).toBe(15 * 60);
    expect(sample(metrics, 'kiosk_online')?.value).toBe(0);
    expect(sample(metrics, 'kiosk_connection_state', { state: 'offline' })?.value).toBe(1);
    expect(sample(metrics, 'kiosk_delivery_attempts_total', { outcome: 'transient' })?.value).toBeGreaterThan(0);
    expect(sample(metrics, 'kiosk_delivery_attempts_total', { outcome: 'success' })?.value).toBe(0);
    expect(sample(metrics, 'kiosk_last_delivery_success_timestamp_seconds')?.value).toBe(0);
    expect(sample(metrics, 'kiosk_shift_open')?.value).toBe(1);
    expect(sample(metrics, 'kiosk_shift_started_timestamp_seconds')?.value).toBe(
      Date.parse('2026-12-02T10:00:00Z') / 1000,
    );
    expect(sample(metrics, 'kiosk_info')).toMatchObject({
      labels: { kiosk_id: id, kiosk_name: 'Lot 7 — north gate', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      value: 1,
    });
    expect(sample(metrics, 'kiosk_last_report_timestamp_seconds')?.value).toBe(
      Date.parse('2026-12-02T10:15:00Z') / 1000,
    );
    expect(sample(metrics, 'kiosk_outbox_paused', { reason: 'unauthorised' })?.value).toBe(0);
    // The core watches its real data folder's disk (#19).
    expect(sample(metrics, 'kiosk_storage_state', { state: 'ok' })?.value).toBe(1);
    expect(sample(metrics, 'kiosk_storage_free_bytes')?.value).toBeGreaterThan(0);
    expect(sample(metrics, 'kiosk_storage_faults_total', { fault: 'disk-full' })?.value).toBe(0);
    expect(
      sample(metrics, 'kiosk_request_duration_seconds_count', { channel: 'permits:issue', result: 'ok' })?.value,
    ).toBe(2);
    // Plates, ticket numbers, the attendant and the token appear nowhere, not even as a label.
    for (const secret of [
      'ZZTOP42',
      'QWERTY9',
      first.ticketNumber,
      second.ticketNumber,
      ATTENDANT,
      'Tremblay',
      TEST_TOKEN,
    ])
      expect(text).not.toContain(secret);
    // Every label has a value from a fixed set, or is the kiosk's own id, name or version (the rest are
    // prom-client's process metrics: heap spaces, GC kinds, Node's version).
    const allowed = [
      'kiosk_id',
      'kiosk_name',
      'version',
      'channel',
      'result',
      'outcome',
      'reason',
      'state',
      'fault',
      'le',
    ];
    const processLabels = ['space', 'kind', 'major', 'minor', 'patch', 'type'];
    for (const each of metrics) {
      const labels = Object.keys(each.labels);
      const mine = each.name.startsWith('kiosk_') ? allowed : [...allowed, ...processLabels];
      for (const label of labels) expect(mine, `${each.name}{${label}}`).toContain(label);
      expect(each.labels.kiosk_id, each.name).toBe(id);
    }

    k.network.online = true;
    k.core.networkChanged(true);
    await k.core.idle();
    const after = await read(k);
    expect(sample(after, 'kiosk_outbox_waiting_actions')?.value).toBe(0);
    expect(sample(after, 'kiosk_outbox_oldest_waiting_age_seconds')?.value).toBe(0);
    expect(sample(after, 'kiosk_online')?.value).toBe(1);
    expect(sample(after, 'kiosk_delivery_attempts_total', { outcome: 'success' })?.value).toBe(2);
    expect(sample(after, 'kiosk_last_delivery_success_timestamp_seconds')?.value).toBe(
      Date.parse('2026-12-02T10:15:00Z') / 1000,
    );
  });

  it('count actions OPSCOM refused and permits to check in OPSCOM, with the age of the oldest', async () => {
    const clock = fixedClock('2026-12-02T10:00:00Z');
    kiosk = await startTestKiosk({ clock });
    const k = kiosk;
    let firstPush = true;
    k.network.intercept = async (apiPath, body, forward) => {
      if (apiPath.endsWith('/push') && body.LicencePlate === 'BAD1')
        return Response.json({ ErrorCode: 9033, ErrorMessage: 'Field value invalid.' }, { status: 400 });
      if (apiPath.endsWith('/push') && firstPush) {
        firstPush = false;
        await forward(); // stored, but the answer is lost: a copy the kiosk cannot reach
        return new Response('oops', { status: 500 });
      }
      return forward();
    };
    await issue(k, 'GOOD1', { zone: firstZone(k) });
    await vi.waitFor(async () => expect(sample(await read(k), 'kiosk_reconciliation_entries')?.value).toBe(1));
    clock.advance(30);
    await issue(k, 'BAD1', { zone: firstZone(k) });
    await k.core.idle();
    clock.advance(70);
    const metrics = await read(k);
    expect(sample(metrics, 'kiosk_outbox_needs_attention')?.value).toBeGreaterThanOrEqual(1);
    expect(sample(metrics, 'kiosk_outbox_oldest_attention_age_seconds')?.value).toBe(70 * 60);
    expect(sample(metrics, 'kiosk_reconciliation_oldest_age_seconds')?.value).toBe(100 * 60);
    expect(sample(metrics, 'kiosk_delivery_attempts_total', { outcome: 'rejected' })?.value).toBe(1);
  });

  it('say the outbox is paused, and why, from a fixed set of reasons', async () => {
    kiosk = await startTestKiosk();
    const k = kiosk;
    k.network.intercept = async () => Response.json({ ErrorCode: 9002, ErrorMessage: 'Bad token.' }, { status: 401 });
    await issue(k, 'PAUSE1', { zone: firstZone(k) });
    await vi.waitFor(async () =>
      expect(sample(await read(k), 'kiosk_outbox_paused', { reason: 'unauthorised' })?.value).toBe(1),
    );
    expect(sample(await read(k), 'kiosk_outbox_paused', { reason: 'redirect' })?.value).toBe(0);
    expect(pauseReason({ code: 'opscom-redirect', params: { host: 'x', status: 307 } })).toBe('redirect');
  });

  it('time every screen request by its contract channel; an unknown channel is never a label', async () => {
    const sources: MetricsSources = {
      clock: { now: () => new Date('2026-12-02T10:00:00Z') },
      kiosk: () => ({ id: 'K1', name: 'Booth' }),
      outbox: () => ({
        connection: 'unknown',
        waiting: 0,
        attention: 0,
        oldestWaitingSince: null,
        paused: null,
        reconcile: 0,
      }),
      oldestAttentionSince: () => null,
      oldestReconcileSince: () => null,
      shiftStartedAt: () => null,
    };
    const metrics = new KioskMetrics({ sources, version: '1.2.3', processMetrics: false });
    const dispatch = metrics.timed(async (channel: unknown) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return { ok: channel === 'kiosk:info' };
    });
    await dispatch('kiosk:info', {});
    await dispatch('ABC123-plate-as-channel', {});
    const parsed = parseMetrics(await metrics.text());
    const sum = sample(parsed, 'kiosk_request_duration_seconds_sum', { channel: 'kiosk:info', result: 'ok' });
    expect(sum?.value).toBeGreaterThanOrEqual(0.025);
    expect(sum?.value).toBeLessThan(1);
    expect(sample(parsed, 'kiosk_request_duration_seconds_count', { channel: 'unknown', result: 'error' })?.value).toBe(
      1,
    );
    expect(JSON.stringify(parsed)).not.toContain('ABC123');
    expect(sample(parsed, 'kiosk_shift_open')?.value).toBe(0);
    expect(sample(parsed, 'kiosk_connection_state', { state: 'unknown' })?.value).toBe(1);
  });

  it('export the disk’s free space, its state and its faults by kind, from a fixed set of labels (#19)', async () => {
    let storage: StorageStatus | null = {
      state: 'full',
      freeBytes: 40 * 1024 * 1024,
      lastFault: 'disk-full',
      lastFaultAt: '2026-12-02T09:59:00Z',
    };
    const faults = { 'disk-full': 2, 'disk-failing': 0, 'disk-read-only': 1 };
    const sources: MetricsSources = {
      clock: { now: () => new Date('2026-12-02T10:00:00Z') },
      kiosk: () => ({ id: 'K1', name: 'Booth' }),
      outbox: () => ({
        connection: 'online',
        waiting: 3,
        attention: 0,
        oldestWaitingSince: null,
        paused: null,
        reconcile: 0,
        storage,
      }),
      oldestAttentionSince: () => null,
      oldestReconcileSince: () => null,
      shiftStartedAt: () => null,
      storageFaults: () => faults,
    };
    const metrics = new KioskMetrics({ sources, version: '1.2.3', processMetrics: false });
    let parsed = parseMetrics(await metrics.text());
    expect(sample(parsed, 'kiosk_storage_free_bytes')?.value).toBe(40 * 1024 * 1024);
    expect(sample(parsed, 'kiosk_storage_state', { state: 'full' })?.value).toBe(1);
    for (const state of ['ok', 'low', 'failing', 'read-only']) {
      expect(sample(parsed, 'kiosk_storage_state', { state })?.value, state).toBe(0);
    }
    expect(sample(parsed, 'kiosk_storage_faults_total', { fault: 'disk-full' })?.value).toBe(2);
    expect(sample(parsed, 'kiosk_storage_faults_total', { fault: 'disk-failing' })?.value).toBe(0);
    expect(sample(parsed, 'kiosk_storage_faults_total', { fault: 'disk-read-only' })?.value).toBe(1);

    faults['disk-failing'] = 4;
    storage = { ...storage, state: 'failing', lastFault: 'disk-failing' };
    parsed = parseMetrics(await metrics.text());
    expect(sample(parsed, 'kiosk_storage_faults_total', { fault: 'disk-failing' })?.value).toBe(4);
    expect(sample(parsed, 'kiosk_storage_faults_total', { fault: 'disk-full' })?.value).toBe(2);
    expect(sample(parsed, 'kiosk_storage_state', { state: 'failing' })?.value).toBe(1);
    expect(sample(parsed, 'kiosk_storage_state', { state: 'full' })?.value).toBe(0);

    // Free space the system cannot tell is not a full disk: no series, and no state is set.
    storage = null;
    parsed = parseMetrics(await metrics.text());
    expect(sample(parsed, 'kiosk_storage_free_bytes')).toBeUndefined();
    for (const state of ['ok', 'low', 'full', 'failing', 'read-only']) {
      expect(sample(parsed, 'kiosk_storage_state', { state })?.value, state).toBe(0);
    }
    storage = { state: 'ok', freeBytes: 5e9, lastFault: 'disk-failing', lastFaultAt: '2026-12-02T09:59:00Z' };
    parsed = parseMetrics(await metrics.text());
    expect(sample(parsed, 'kiosk_storage_free_bytes')).toMatchObject({ labels: { kiosk_id: 'K1' }, value: 5e9 });
  });
});
