import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isChannelName } from '../../../shared/contract';
import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { StorageFault, StorageStatus } from '../../../shared/storage/storage-status';
import type { Problem } from '../../../shared/errors/problems';
import type { Clock } from '../../../shared/time';
import type { OpscomOutcome } from '../opscom/client';

/**
 * The kiosk's health in Prometheus' text format (#14), for an operator watching a fleet. What matters most: a
 * kiosk holding a paid permit that OPSCOM does not have yet, because an officer checking OPSCOM will ticket that
 * car (`kiosk_outbox_oldest_waiting_age_seconds`).
 *
 * Nothing personal goes in: no plate, ticket number, token or attendant name, as a value or a label. Every label
 * takes its values from a fixed set (outcomes, pause reasons, connection states, the contract's channel names),
 * except the kiosk's own id, name and version.
 */

/** What the metrics read, at the moment they are asked for; the core wires these to its services. */
export interface MetricsSources {
  clock: Clock;
  kiosk(): { id: string; name: string };
  outbox(): OutboxStatus;
  /** When the oldest action parked as needs attention was taken; null when none is. */
  oldestAttentionSince(): string | null;
  /** When the oldest permit on the reconciliation list was first sent unclearly; null when the list is empty. */
  oldestReconcileSince(): string | null;
  /** The open shift's start, or null; who is on shift is never read. */
  shiftStartedAt(): string | null;
  /** Storage faults recorded since start, by kind (#19); absent where the disk is not watched. */
  storageFaults?(): Readonly<Record<StorageFault, number>>;
}

/** Why the outbox paused: OPSCOM refused the credentials, or redirected (a wrong address). */
export const PAUSE_REASONS = ['unauthorised', 'redirect'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];
export const DELIVERY_OUTCOMES = [
  'success',
  'rejected',
  'unauthorised',
  'not-found',
  'duplicate',
  'transient',
] as const satisfies ReadonlyArray<OpscomOutcome<unknown>['kind']>;
const STORAGE_FREE = 'kiosk_storage_free_bytes';
const CONNECTION_STATES = ['online', 'offline', 'unknown'] as const;
export const STORAGE_STATES = ['ok', 'low', 'full', 'failing', 'read-only'] as const satisfies ReadonlyArray<
  StorageStatus['state']
>;
export const STORAGE_FAULTS = [
  'disk-full',
  'disk-failing',
  'disk-read-only',
] as const satisfies ReadonlyArray<StorageFault>;
/** Bridge and IPC calls are local: most take a journal append and an fsync (about 1 ms), some a scrypt check. */
const REQUEST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const LINT_FAILING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export function pauseReason(problem: Problem): PauseReason {
  return problem.code === 'opscom-redirect' ? 'redirect' : 'unauthorised';
}

export interface KioskMetricsOptions {
  sources: MetricsSources;
  version: string;
  /** The process's own CPU, memory and event-loop lag (prom-client's default metrics); on unless told. */
  processMetrics?: boolean;
}

export class KioskMetrics {
  readonly registry = new Registry();
  private readonly sources: MetricsSources;
  private readonly version: string;
  private lastDelivery = 0;

  private readonly info: Gauge;
  private readonly reportTime: Gauge;
  private readonly online: Gauge;
  private readonly connection: Gauge;
  private readonly paused: Gauge;
  private readonly waiting: Gauge;
  private readonly oldestWaiting: Gauge;
  private readonly attention: Gauge;
  private readonly oldestAttention: Gauge;
  private readonly reconcile: Gauge;
  private readonly oldestReconcile: Gauge;
  private readonly lastDeliveryTime: Gauge;
  private readonly deliveries: Counter;
  private readonly shiftOpen: Gauge;
  private readonly shiftStarted: Gauge;
  private readonly requests: Histogram;
  private readonly storageFree: Gauge;
  private readonly storageState: Gauge;
  private readonly storageFaults: Counter;

  constructor(options: KioskMetricsOptions) {
    this.sources = options.sources;
    this.version = options.version;
    const registers = [this.registry];
    const gauge = (name: string, help: string, labelNames: string[] = []) =>
      new Gauge({ name, help, labelNames, registers });

    this.info = gauge('kiosk_info', 'The kiosk: its name and app version (always 1).', ['kiosk_name', 'version']);
    this.reportTime = gauge(
      'kiosk_last_report_timestamp_seconds',
      'When the kiosk produced these metrics (Unix time): with a Pushgateway, an old value means a silent kiosk.',
    );
    this.online = gauge('kiosk_online', '1 while OPSCOM answers, 0 while it does not or has not been asked yet.');
    this.connection = gauge('kiosk_connection_state', 'The connection to OPSCOM: 1 for the current state.', ['state']);
    this.paused = gauge('kiosk_outbox_paused', '1 while sending is paused, for that reason; nothing is sent.', [
      'reason',
    ]);
    this.waiting = gauge('kiosk_outbox_waiting_actions', 'Actions (issue, extend, cancel) waiting to reach OPSCOM.');
    this.oldestWaiting = gauge(
      'kiosk_outbox_oldest_waiting_age_seconds',
      'Age of the oldest action waiting to reach OPSCOM (0 when none): a paid permit OPSCOM may not show.',
    );
    this.attention = gauge(
      'kiosk_outbox_needs_attention',
      'Actions OPSCOM refused and reconciliation entries that need a person.',
    );
    this.oldestAttention = gauge(
      'kiosk_outbox_oldest_attention_age_seconds',
      'Age of the oldest action parked as needs attention (0 when none).',
    );
    this.reconcile = gauge(
      'kiosk_reconciliation_entries',
      'Permits on the list to check in OPSCOM: copies it may hold that the kiosk cannot reach.',
    );
    this.oldestReconcile = gauge(
      'kiosk_reconciliation_oldest_age_seconds',
      'Age of the oldest entry on the list to check in OPSCOM (0 when empty).',
    );
    this.lastDeliveryTime = gauge(
      'kiosk_last_delivery_success_timestamp_seconds',
      'When OPSCOM last accepted a delivery from this kiosk since it started (Unix time; 0: not yet).',
    );
    this.deliveries = new Counter({
      name: 'kiosk_delivery_attempts_total',
      help: 'Requests the outbox sent to OPSCOM, by outcome.',
      labelNames: ['outcome'],
      registers,
    });
    for (const outcome of DELIVERY_OUTCOMES) this.deliveries.inc({ outcome }, 0);
    this.shiftOpen = gauge('kiosk_shift_open', '1 while an attendant shift is open.');
    this.shiftStarted = gauge(
      'kiosk_shift_started_timestamp_seconds',
      'When the open shift started (Unix time; 0 when none is open).',
    );
    this.storageFree = gauge(
      STORAGE_FREE,
      'Free space for the kiosk in its data folder (absent when the system cannot say).',
    );
    this.storageState = gauge(
      'kiosk_storage_state',
      "The kiosk's disk: 1 for the current state (low: warn a supervisor; full: new sales refused; failing, read-only: writes fail).",
      ['state'],
    );
    this.storageFaults = new Counter({
      name: 'kiosk_storage_faults_total',
      help: 'Writes the disk refused since the kiosk started, by kind: nothing of those actions was recorded.',
      labelNames: ['fault'],
      registers,
    });
    for (const fault of STORAGE_FAULTS) this.storageFaults.inc({ fault }, 0);
    this.requests = new Histogram({
      name: 'kiosk_request_duration_seconds',
      help: 'Time main took to answer a screen request (IPC or the station bridge), by contract channel.',
      labelNames: ['channel', 'result'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    if (options.processMetrics !== false) {
      collectDefaultMetrics({ register: this.registry });
      // Gauges named like counters: `promtool check metrics` rejects them, and nothing here needs them.
      for (const name of LINT_FAILING_DEFAULTS) this.registry.removeSingleMetric(name);
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Courier told of an answer (or its absence) from OPSCOM. */
  deliveryOutcome(kind: OpscomOutcome<unknown>['kind']): void {
    this.deliveries.inc({ outcome: kind });
    if (kind === 'success') this.lastDelivery = this.sources.clock.now().getTime() / 1000;
  }

  /** One screen request answered; a channel outside the contract is counted as `unknown`, never by its name. */
  observeRequest(channel: unknown, ok: boolean, seconds: number): void {
    const name = isChannelName(channel) ? channel : 'unknown';
    this.requests.observe({ channel: name, result: ok ? 'ok' : 'error' }, seconds);
  }

  /** The exposition text, read fresh from the kiosk's state. */
  async text(): Promise<string> {
    this.refresh();
    return this.registry.metrics();
  }

  private refresh(): void {
    const now = this.sources.clock.now().getTime();
    const age = (since: string | null): number => (since === null ? 0 : Math.max(0, (now - Date.parse(since)) / 1000));
    const kiosk = this.sources.kiosk();
    // Every series carries the kiosk id, so a scrape and a push (grouped by kiosk_id) read alike.
    this.registry.setDefaultLabels({ kiosk_id: kiosk.id });
    this.info.reset();
    this.info.set({ kiosk_name: kiosk.name, version: this.version }, 1);
    this.reportTime.set(now / 1000);

    const status = this.sources.outbox();
    this.online.set(status.connection === 'online' ? 1 : 0);
    for (const state of CONNECTION_STATES) this.connection.set({ state }, status.connection === state ? 1 : 0);
    const paused = status.paused?.problem ?? null;
    for (const reason of PAUSE_REASONS) {
      this.paused.set({ reason }, paused !== null && pauseReason(paused) === reason ? 1 : 0);
    }
    this.waiting.set(status.waiting);
    this.oldestWaiting.set(age(status.oldestWaitingSince));
    this.attention.set(status.attention);
    this.oldestAttention.set(age(this.sources.oldestAttentionSince()));
    this.reconcile.set(status.reconcile);
    this.oldestReconcile.set(age(this.sources.oldestReconcileSince()));
    this.lastDeliveryTime.set(this.lastDelivery);

    const storage = status.storage ?? null;
    // Unknown free space is no series at all: neither 0 (a full disk) nor prom-client's "Nan".
    const free = storage?.freeBytes ?? null;
    const freeShown = this.registry.getSingleMetric(STORAGE_FREE) !== undefined;
    if (free === null && freeShown) this.registry.removeSingleMetric(STORAGE_FREE);
    if (free !== null && !freeShown) this.registry.registerMetric(this.storageFree);
    if (free !== null) this.storageFree.set(free);
    for (const state of STORAGE_STATES) this.storageState.set({ state }, storage?.state === state ? 1 : 0);
    const faults = this.sources.storageFaults?.();
    if (faults) {
      // The health keeps the counts (a fault can come before the metrics exist); they only grow.
      this.storageFaults.reset();
      for (const fault of STORAGE_FAULTS) this.storageFaults.inc({ fault }, faults[fault]);
    }

    const shiftStartedAt = this.sources.shiftStartedAt();
    this.shiftOpen.set(shiftStartedAt === null ? 0 : 1);
    this.shiftStarted.set(shiftStartedAt === null ? 0 : Date.parse(shiftStartedAt) / 1000);
  }

  /** Wraps the dispatcher so every IPC and bridge call is timed by its channel. */
  timed<R extends { ok: boolean }>(
    dispatch: (channel: unknown, request: unknown) => Promise<R>,
  ): (channel: unknown, request: unknown) => Promise<R> {
    return async (channel, request) => {
      const started = performance.now();
      const result = await dispatch(channel, request);
      this.observeRequest(channel, result.ok, (performance.now() - started) / 1000);
      return result;
    };
  }
}
