import { rm } from 'node:fs/promises';
import path from 'node:path';
import defaultRates from '../../../../resources/rates.json';
import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import { systemClock, type Clock } from '../../../shared/time';
import { isProblemCode, problemMessage } from '../../../shared/errors/problems';
import { AdminPin } from '../settings/admin-pin';
import { AuditLog } from '../audit/audit-log';
import type { ConfigInputs } from '../opscom/controller-config';
import { ConnectionMonitor } from '../opscom/connection-monitor';
import { ControllerLink, type StartDemoController } from '../opscom/controller-link';
import { makePrivate } from './data-dir';
import packageJson from '../../../../package.json';
import { createDispatcher, type Dispatch } from '../channels/dispatch';
import { EventHub } from '../channels/event-hub';
import { allHandlers } from '../channels/all-handlers';
import { IssueMemory } from '../issue/issue-memory';
import { kioskInfo } from '../kiosk/kiosk-info';
import { LiveSettings } from '../settings/live-settings';
import { MoneyLedger } from '../money/money-ledger';
import { MoneyService } from '../money/money-service';
import { startLiveUpdates } from '../kiosk/live-updates';
import type { Logger } from './log';
import { MetricsExportSettings, type MetricsFlags } from '../metrics/export-config';
import { KioskMetrics } from '../metrics/kiosk-metrics';
import { OccupancyService } from '../occupancy/occupancy-service';
import { OpscomClient } from '../opscom/client';
import { Courier } from '../outbox/courier';
import { Outbox } from '../outbox/outbox';
import { PermitService } from '../permits/permit-service';
import type { PrinterInfo, PrintJob } from '../printing/print-job';
import { generateKioskId, TicketNumberAllocator } from '../permits/ticket-numbers';
import { RateTableSchema, type RateTable } from '../permits/pricing';
import type { SecretStore } from './secret-store';
import type { KioskServices } from '../channels/services';
import type { SettingsBacking } from '../settings/stored-settings';
import { ShiftService } from '../shift/shift-service';
import { KioskStore } from '../storage/kiosk-store';
import { importLegacyFiles } from '../storage/legacy-import';
import { applyRetention, HISTORY_DAYS } from '../storage/retention';
import { classifyStorageError, markRecorded, StorageHealth } from '../storage/storage-health';

/** What each platform (Electron, the station, a test) provides; the core needs nothing else from it. */
export interface PlatformAdapter {
  dataDir: string;
  settings: SettingsBacking;
  secrets: SecretStore;
  log: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Prints the kiosk window (Electron's webContents.print); absent where the browser prints for itself. */
  print?: (job: PrintJob) => Promise<boolean>;
  /** Lists the system's printers (Electron's getPrintersAsync); absent where the browser prints for itself. */
  printers?: () => Promise<PrinterInfo[]>;
  /** Starts the built-in sandbox for demo mode (nothing configured); absent: no demo mode on this platform. */
  startDemoController?: StartDemoController;
}

export interface KioskCoreOptions {
  flags?: ConfigInputs['flags'];
  /** Where metrics go (#14), from the command line; the environment and the settings come after. */
  metricsFlags?: MetricsFlags;
  env?: ConfigInputs['env'];
  rates?: RateTable;
  /** How often to ask OPSCOM whether it is there (a stats call); 0 turns it off. */
  probeIntervalMs?: number;
  /** For tests: a deterministic random source for backoff jitter. */
  random?: () => number;
  backoff?: { baseMs: number; capMs: number };
  /** For tests: soft and hard request timeouts shorter than the settings allow. */
  requestTimeouts?: { softMs: number; hardMs: number };
  /** For tests: the wait before resending to a permit whose last answer was unclear. */
  unclearBackoff?: { baseMs: number; capMs: number };
  /** For tests: free-space thresholds other than the defaults (a floor of 0 lets a small disk fill up for real). */
  storageThresholds?: { warnBelowBytes: number; refuseBelowBytes: number };
}

export interface KioskCore {
  dispatch: Dispatch;
  events: EventHub;
  readonly info: KioskInfo;
  /** The kiosk's health for Prometheus; the platform serves or pushes it as `metricsExport` says. */
  metrics: KioskMetrics;
  metricsExport: MetricsExportSettings;
  /** Resolves when the outbox has sent everything it can right now. */
  idle(): Promise<void>;
  /** The platform saw the network come or go (Electron's net.isOnline, the page's online event). */
  networkChanged(online: boolean): void;
  /** What the app's updater (#13) reads before installing, and where it records what it did. */
  updates: UpdateHost;
  stop(): Promise<void>;
}

/** The core's side of updates (#13): the booth's state and settings as they are now, and the audit log. */
export interface UpdateHost {
  state(): {
    shiftOpen: boolean;
    waiting: number;
    attention: number;
    updateFeedUrl: string;
    maintenanceHour: number | null;
  };
  record(event: 'update-downloaded' | 'update-installed', detail: string): void;
}

/** The composition root: builds the services, hands them to the handlers, and starts delivering. */
export async function startKioskCore(platform: PlatformAdapter, options: KioskCoreOptions = {}): Promise<KioskCore> {
  const { log } = platform;
  const clock = platform.clock ?? systemClock;
  await makePrivate(platform.dataDir);

  const settings = new LiveSettings(platform.settings);
  // A value saved before a rule grew (a zone in a currency OPSCOM does not take) is set aside, not fatal: say so.
  for (const { key, at, problem } of settings.setAside) {
    const words = isProblemCode(problem) ? problemMessage({ code: problem }) : problem;
    log.warn(
      `Settings: the saved value of ${key} is set aside (${at}: ${words}); its default applies until a supervisor saves another.`,
    );
  }
  if (!settings.current.kioskId) settings.update({ kioskId: generateKioskId() });
  // Before anything starts: a wrong address in a flag or the environment stops the start with its reason.
  const metricsExport = new MetricsExportSettings(() => ({
    flags: options.metricsFlags ?? {},
    env: options.env ?? {},
    stored: settings.current,
  }));
  const shippedRates = RateTableSchema.parse(options.rates ?? defaultRates);
  const rates = (): RateTable => {
    const zones = settings.current.zones;
    return zones ? { ...shippedRates, zones } : shippedRates;
  };
  const zoneNames = () => rates().zones.map((zone) => zone.name);

  const controller = await ControllerLink.open({
    inputs: async () => ({
      flags: options.flags ?? {},
      env: options.env ?? {},
      stored: { url: settings.current.controllerUrl, token: await platform.secrets.readToken() },
    }),
    startDemo: platform.startDemoController,
    zones: zoneNames,
    makeClient: (target) =>
      new OpscomClient({
        baseUrl: target.url,
        apiToken: target.token,
        timeMode: settings.current.timeMode,
        softTimeoutMs: options.requestTimeouts?.softMs ?? settings.current.requestSoftTimeoutMs,
        hardTimeoutMs: options.requestTimeouts?.hardMs ?? settings.current.requestHardTimeoutMs,
        log,
        now: () => clock.now().getTime(),
        ...(platform.fetch ? { fetch: platform.fetch } : {}),
      }),
    log,
  });
  // The demo sandbox forgets everything when it stops, so demo permits live apart and start afresh.
  const workDir = controller.isDemo ? path.join(platform.dataDir, 'demo') : platform.dataDir;
  if (controller.isDemo) await rm(workDir, { recursive: true, force: true });
  await makePrivate(workDir);

  const events = new EventHub();
  // Deferred: a fault can be recorded while the stores below open, before outboxStatus exists.
  const storage = new StorageHealth({
    dir: workDir,
    clock,
    ...options.storageThresholds,
    onChange: () => queueMicrotask(() => events.emit('outbox:changed', outboxStatus())),
  });
  const connection = new ConnectionMonitor(events, clock);
  // Damage refuses to start here, naming the file (StoreDamagedError); nothing is dropped silently.
  const store = KioskStore.open(workDir);
  // The status bar and the metrics hear of every write the disk refused, and of every one it took.
  store.onEveryCommit(() => storage.recordSuccess());
  store.onDiskFailure((error) => {
    const fault = classifyStorageError(error);
    if (!fault) return;
    storage.recordFault(fault);
    markRecorded(error);
  });
  const imported = importLegacyFiles(store, workDir, clock.now());
  if (imported) {
    log.info(
      `Moved the kiosk's records from files into ${store.file}: ${imported.permits} permits, ${imported.actions} ` +
        `waiting actions, ${imported.ledgerEntries} ledger entries, ${imported.auditEntries} audit entries` +
        `${imported.skippedLines ? ` (${imported.skippedLines} unreadable line(s) torn by a crash left out)` : ''}. ` +
        `The old files are kept in ${imported.backupDir}.`,
    );
  }
  const audit = new AuditLog(store);
  const outbox = new Outbox({ store, audit, clock });
  // Its sources are read only when the metrics are asked for, once everything below exists.
  const metrics = new KioskMetrics({
    version: packageJson.version,
    sources: {
      clock,
      kiosk: () => ({ id: settings.current.kioskId ?? '', name: settings.current.kioskName }),
      outbox: () => outboxStatus(),
      oldestAttentionSince: () => outbox.oldestAttentionSince(),
      oldestReconcileSince: () => outbox.reconciliation()[0]?.since ?? null,
      shiftStartedAt: () => shift.open?.startedAt ?? null,
      storageFaults: () => storage.faultCounts(),
    },
  });
  const courier = new Courier({
    outbox,
    client: controller.client,
    log,
    concurrency: settings.current.outboxConcurrency,
    now: () => clock.now().getTime(),
    ...(options.random ? { random: options.random } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(options.unclearBackoff ? { unclearBackoff: options.unclearBackoff } : {}),
    repeatedTicketPolicy: () => settings.current.repeatedTicketRefused,
    onOutcome: (outcome) => {
      connection.observe(outcome);
      metrics.deliveryOutcome(outcome.kind);
    },
    onStateChange: () => events.emit('outbox:changed', outboxStatus()),
  });
  const outboxStatus = () => ({
    ...outbox.status(connection.current().state, courier.paused),
    storage: storage.status(),
  });
  const stopStorageWatch = storage.watch();

  const shift = new ShiftService(store, audit, clock);
  const issueMemory = IssueMemory.open(store, log);
  const pin = await AdminPin.open(() => settings.current.adminPinHash, clock, platform.dataDir, {
    demo: controller.isDemo,
  });
  const info = () => kioskInfo({ settings, controller, pin, rates: rates() });
  const ledger = new MoneyLedger(store);
  const money = new MoneyService({
    store,
    ledger,
    audit,
    clock,
    pin,
    shift: () => shift.open,
    kioskId: () => settings.current.kioskId ?? '',
    defaultCurrency: () => rates().zones[0]?.currency ?? 'CAD',
    refundPinAboveCents: () => settings.current.refundPinAboveCents,
    drawerToleranceCents: () => settings.current.drawerToleranceCents,
  });

  // The retention rule (storage/retention.ts): at start, then every six hours.
  const retain = () => {
    try {
      const removed = applyRetention({
        store,
        money,
        audit,
        stillKnown: (ticket) => {
          // Work left for the courier or a supervisor keeps a shift's entries whole.
          const permit = outbox.permit(ticket);
          return permit !== undefined && (permit.sync !== 'sent' || permit.reconcile !== 'none');
        },
        now: clock.now(),
      });
      if (removed.shifts + removed.auditEntries > 0) {
        log.info(
          `Retention: ${removed.shifts} shift(s) older than ${HISTORY_DAYS} days kept as Z-reports ` +
            `(${removed.ledgerEntries} ledger entries removed), ${removed.auditEntries} audit entries removed.`,
        );
      }
    } catch (error) {
      log.warn('The retention rule could not run; it tries again later.', error);
    }
  };
  retain();
  const retention = setInterval(retain, 6 * 60 * 60_000);
  retention.unref?.();

  const services: KioskServices = {
    log,
    clock,
    events,
    settings,
    rates,
    controller,
    secrets: platform.secrets,
    pin,
    outbox,
    courier,
    connection,
    permits: new PermitService({
      store,
      outbox,
      tickets: new TicketNumberAllocator(store, () => settings.current.kioskId ?? ''),
      rates,
      clock,
      attendant: () => shift.requireAttendant(),
      money,
      plateFixWindowMinutes: () => settings.current.plateFixWindowMinutes,
    }),
    shift,
    money,
    issueMemory,
    occupancy: new OccupancyService(() => controller.client, zoneNames, clock),
    audit,
    info,
    outboxStatus,
    storage,
    print: platform.print,
    printers: platform.printers,
    metricsExport,
  };
  const dispatch = metrics.timed(createDispatcher(allHandlers(services), log, storage));

  const stopLiveUpdates = startLiveUpdates({
    outbox,
    courier,
    events,
    connection,
    controller,
    outboxStatus,
    probeEveryMs: options.probeIntervalMs ?? 60_000,
  });

  return {
    dispatch,
    events,
    get info() {
      return info();
    },
    metrics,
    metricsExport,
    idle: () => courier.idle(),
    networkChanged(online) {
      if (online) courier.flushNow();
    },
    updates: {
      state() {
        const { waiting, attention } = outboxStatus();
        const { updateFeedUrl, maintenanceHour } = settings.current;
        return { shiftOpen: shift.open !== null, waiting, attention, updateFeedUrl, maintenanceHour };
      },
      record(event, detail) {
        audit.append({ at: clock.now().toISOString(), event, detail });
      },
    },
    async stop() {
      stopLiveUpdates();
      clearInterval(retention);
      stopStorageWatch();
      courier.stop();
      outbox.close();
      store.close();
      await controller.close();
    },
  };
}
