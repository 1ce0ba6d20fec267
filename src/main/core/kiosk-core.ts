import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import defaultRates from '../../../resources/rates.json';
import type { KioskInfo } from '../../shared/domain';
import { systemClock, type Clock } from '../../shared/time';
import { DEMO_TOKEN } from '../../sandbox/cli-args';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { AdminPin, DEFAULT_ADMIN_PIN, hashPin } from './admin-pin';
import { AuditLog } from './audit/audit-log';
import { resolveControllerConfig, type ConfigInputs } from './config';
import { ConnectionMonitor } from './connection';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { fail } from './failure';
import type { Logger } from './log';
import { OpscomClient } from './opscom/client';
import { Courier } from './outbox/courier';
import { Outbox } from './outbox/outbox';
import { PermitService } from './permits/permit-service';
import { generateKioskId, TicketNumberAllocator } from './permits/ticket-numbers';
import { priceCents, RateTableSchema, type RateTable } from './pricing';
import type { SecretStore } from './secrets';
import { SettingsRepository, type SettingsBacking } from './settings';

/** What each platform (Electron, the station, a test) provides; the core needs nothing else from it. */
export interface PlatformAdapter {
  dataDir: string;
  settings: SettingsBacking;
  secrets: SecretStore;
  log: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
}

export interface KioskCoreOptions {
  flags?: ConfigInputs['flags'];
  env?: ConfigInputs['env'];
  rates?: RateTable;
  /** How often to ask OPSCOM whether it is there (a stats call); 0 turns it off. */
  probeIntervalMs?: number;
  /** For tests: a deterministic random source for backoff jitter. */
  random?: () => number;
  backoff?: { baseMs: number; capMs: number };
}

export interface KioskCore {
  dispatch: Dispatch;
  events: EventHub;
  info: KioskInfo;
  /** Resolves when the outbox has sent everything it can right now. */
  idle(): Promise<void>;
  /** The platform saw the network come or go (Electron's net.isOnline, the page's online event). */
  networkChanged(online: boolean): void;
  stop(): Promise<void>;
}

export async function startKioskCore(platform: PlatformAdapter, options: KioskCoreOptions = {}): Promise<KioskCore> {
  const { log } = platform;
  const clock = platform.clock ?? systemClock;
  await mkdir(platform.dataDir, { recursive: true });

  const settingsRepo = new SettingsRepository(platform.settings);
  let settings = settingsRepo.read();
  if (!settings.kioskId) settings = settingsRepo.update({ kioskId: generateKioskId() });
  const kioskId = settings.kioskId ?? generateKioskId();

  const config = resolveControllerConfig({
    flags: options.flags ?? {},
    env: options.env ?? {},
    stored: { url: settings.controllerUrl, token: await platform.secrets.readToken() },
  });

  const rates = RateTableSchema.parse(options.rates ?? defaultRates);
  let sandbox: RunningSandbox | undefined;
  let controller: { url: string; token: string };
  let workDir = platform.dataDir;
  if (config.mode === 'demo') {
    sandbox = await startSandbox({ port: 0, tokens: [DEMO_TOKEN], zones: rates.zones.map((zone) => zone.name) });
    controller = { url: sandbox.url, token: DEMO_TOKEN };
    // The demo sandbox forgets everything when it stops, so demo permits live apart and start afresh.
    workDir = path.join(platform.dataDir, 'demo');
    await rm(workDir, { recursive: true, force: true });
    await mkdir(workDir, { recursive: true });
    log.info(`Demo mode: no controller configured, using the built-in sandbox at ${sandbox.url}`);
  } else {
    controller = { url: config.url, token: config.token };
    log.info(
      `Controller ${new URL(config.url).host} (URL from ${config.source.url}, token from ${config.source.token})`,
    );
  }

  const events = new EventHub();
  const connection = new ConnectionMonitor(events, clock);
  const client = new OpscomClient({
    baseUrl: controller.url,
    apiToken: controller.token,
    timeMode: settings.timeMode,
    timeoutMs: settings.requestTimeoutMs,
    log,
    ...(platform.fetch ? { fetch: platform.fetch } : {}),
  });
  const audit = AuditLog.inDataDir(workDir);
  const outbox = new Outbox({ dataDir: workDir, audit, clock });
  if (outbox.skippedOnReplay > 0) {
    log.warn(`The outbox journal had ${outbox.skippedOnReplay} unreadable line(s) (a write cut short by a crash).`);
  }
  const outboxStatus = () => outbox.status(connection.current().state, courier.paused);
  const announceStatus = () => events.emit('outbox:changed', outboxStatus());
  const courier = new Courier({
    outbox,
    client,
    log,
    concurrency: settings.outboxConcurrency,
    ...(options.random ? { random: options.random } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    onOutcome: (outcome) => connection.observe(outcome),
    onStateChange: announceStatus,
  });
  const stopForwarding = outbox.subscribe(({ tickets }) => {
    for (const ticket of tickets) {
      const permit = outbox.permit(ticket);
      if (permit) events.emit('permit:changed', permit);
    }
    announceStatus();
  });
  const stopStatusOnConnection = events.subscribe((event) => {
    if (event === 'connection:changed') announceStatus();
  });

  const permits = new PermitService({
    outbox,
    tickets: new TicketNumberAllocator(workDir, kioskId),
    rates,
    clock,
  });
  const adminPin = new AdminPin(() => settings.adminPinHash ?? defaultPinHash(), clock);

  const info: KioskInfo = {
    kioskId,
    kioskName: settings.kioskName,
    demoMode: config.mode === 'demo',
    controllerHost: new URL(controller.url).host,
    extendMinutes: rates.extendMinutes,
    zones: rates.zones.map((zone) => ({
      name: zone.name,
      currency: zone.currency,
      presets: zone.presets.map((minutes) => ({ minutes, cents: priceCents(zone, minutes) })),
    })),
  };

  const item = (actionId: string) => {
    const live = outbox.live(actionId);
    return live ? (outbox.items(courier.sending).find((each) => each.actionId === actionId) ?? null) : null;
  };

  const dispatch = createDispatcher(
    {
      'kiosk:info': () => info,
      'kiosk:connection': () => connection.current(),
      'permits:list': () => ({ permits: permits.active() }),
      'permits:issue': ({ requestId, ...input }) => permits.issue(requestId, input),
      'permits:quote-extend': ({ ticketNumber, minutes }) => permits.quoteExtend(ticketNumber, minutes),
      'permits:extend': ({ requestId, ticketNumber, minutes }) => permits.extend(requestId, ticketNumber, minutes),
      'permits:cancel': ({ requestId, ticketNumber }) => permits.cancel(requestId, ticketNumber),
      'outbox:status': () => outboxStatus(),
      'outbox:list': () => ({ items: outbox.items(courier.sending) }),
      'outbox:flush': ({ reason }) => {
        log.info(`Outbox flush asked for (${reason}).`);
        courier.flushNow();
        return outboxStatus();
      },
      'outbox:retry': ({ actionId }) => {
        if (!outbox.retry(actionId, null)) fail('not-allowed', 'Only an action that needs attention can be retried.');
        courier.flushNow();
        return item(actionId);
      },
      'outbox:correct-plate': ({ actionId, plate }) => {
        if (!outbox.correctPlate(actionId, plate, null)) {
          fail('not-allowed', 'Only an action that needs attention can have its plate corrected.');
        }
        courier.flushNow();
        return item(actionId);
      },
      'outbox:discard': ({ actionId, adminPin: pin }) => {
        const check = adminPin.check(pin);
        if (!check.ok) return fail('not-allowed', check.message, 'adminPin');
        const discarded = outbox.discard(actionId, 'admin');
        if (discarded.length === 0) fail('not-allowed', 'Only an action that needs attention can be discarded.');
        return { discarded };
      },
      'audit:export-csv': () => ({
        fileName: `audit-${kioskId}-${clock.now().toISOString().slice(0, 10)}.csv`,
        csv: audit.toCsv(),
      }),
    },
    log,
  );

  const probe = async (): Promise<void> => {
    const outcome = await client.stats();
    connection.observe(outcome);
    if (outcome.kind !== 'transient') courier.flushNow();
  };
  void probe();
  courier.flushNow();
  const probeEvery = options.probeIntervalMs ?? 60_000;
  const timer = probeEvery > 0 ? setInterval(() => void probe(), probeEvery) : undefined;
  timer?.unref();

  return {
    dispatch,
    events,
    info,
    idle: () => courier.idle(),
    networkChanged(online) {
      if (online) courier.flushNow();
    },
    async stop() {
      if (timer) clearInterval(timer);
      courier.stop();
      stopForwarding();
      stopStatusOnConnection();
      outbox.close();
      audit.close();
      await sandbox?.close();
    },
  };
}

let cachedDefaultHash: string | undefined;
function defaultPinHash(): string {
  cachedDefaultHash ??= hashPin(DEFAULT_ADMIN_PIN);
  return cachedDefaultHash;
}
