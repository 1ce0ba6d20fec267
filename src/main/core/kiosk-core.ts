import { mkdir } from 'node:fs/promises';
import defaultRates from '../../../resources/rates.json';
import type { KioskInfo } from '../../shared/domain';
import { systemClock, type Clock } from '../../shared/time';
import { DEMO_TOKEN } from '../../sandbox/cli-args';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { resolveControllerConfig, type ConfigInputs } from './config';
import { ConnectionMonitor } from './connection';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventHub } from './events';
import type { Logger } from './log';
import { OpscomClient } from './opscom/client';
import { PermitService } from './permits/permit-service';
import { PermitStore } from './permits/permit-store';
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
}

export interface KioskCore {
  dispatch: Dispatch;
  events: EventHub;
  info: KioskInfo;
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

  let sandbox: RunningSandbox | undefined;
  let controller: { url: string; token: string };
  if (config.mode === 'demo') {
    sandbox = await startSandbox({ port: 0, tokens: [DEMO_TOKEN], zones: rateZoneNames(options.rates) });
    controller = { url: sandbox.url, token: DEMO_TOKEN };
    log.info(`Demo mode: no controller configured, using the built-in sandbox at ${sandbox.url}`);
  } else {
    controller = { url: config.url, token: config.token };
    log.info(
      `Controller ${new URL(config.url).host} (URL from ${config.source.url}, token from ${config.source.token})`,
    );
  }

  const rates = RateTableSchema.parse(options.rates ?? defaultRates);
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
  const store = new PermitStore(platform.dataDir);
  await store.load();
  const permits = new PermitService({
    client,
    store,
    tickets: new TicketNumberAllocator(platform.dataDir, kioskId),
    rates,
    clock,
    events,
    onControllerOutcome: (outcome) => connection.observe(outcome),
  });

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

  const dispatch = createDispatcher(
    {
      'kiosk:info': () => info,
      'kiosk:connection': () => connection.current(),
      'permits:list': () => ({ permits: permits.active() }),
      'permits:issue': ({ requestId, ...input }) => permits.issue(requestId, input),
      'permits:quote-extend': ({ ticketNumber, minutes }) => permits.quoteExtend(ticketNumber, minutes),
      'permits:extend': ({ requestId, ticketNumber, minutes }) => permits.extend(requestId, ticketNumber, minutes),
      'permits:cancel': ({ requestId, ticketNumber }) => permits.cancel(requestId, ticketNumber),
    },
    log,
  );

  const probe = async (): Promise<void> => connection.observe(await client.stats());
  void probe();
  const probeEvery = options.probeIntervalMs ?? 60_000;
  const timer = probeEvery > 0 ? setInterval(() => void probe(), probeEvery) : undefined;
  timer?.unref();

  return {
    dispatch,
    events,
    info,
    async stop() {
      if (timer) clearInterval(timer);
      await sandbox?.close();
    },
  };
}

function rateZoneNames(rates: RateTable | undefined): string[] {
  return RateTableSchema.parse(rates ?? defaultRates).zones.map((zone) => zone.name);
}
