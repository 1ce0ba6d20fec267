import { rm } from 'node:fs/promises';
import path from 'node:path';
import defaultRates from '../../../resources/rates.json';
import type { KioskInfo, SettingsView } from '../../shared/domain';
import { systemClock, type Clock } from '../../shared/time';
import { controllerOrigin } from '../../shared/controller-url';
import { DEMO_ADMIN_PIN, DEMO_TOKEN } from '../../shared/demo';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { AdminPin, describePinCheck, hashPin } from './admin-pin';
import { AuditLog } from './audit/audit-log';
import { resolveControllerConfig, type ConfigInputs, type ConfigSource } from './config';
import { ConnectionMonitor } from './connection';
import { makePrivate } from './data-dir';
import { createDispatcher, type Dispatch } from './dispatch';
import { EventHub } from './events';
import { fail } from './failure';
import type { Logger } from './log';
import { OccupancyService } from './occupancy';
import { OpscomClient } from './opscom/client';
import { Courier } from './outbox/courier';
import { Outbox } from './outbox/outbox';
import { reconciliationCsv } from './outbox/reconciliation-csv';
import { PermitService } from './permits/permit-service';
import { generateKioskId, TicketNumberAllocator } from './permits/ticket-numbers';
import { priceCents, RateTableSchema, type RateTable } from './pricing';
import { SecretStoreRefusal, type SecretStore } from './secrets';
import { SettingsRepository, type Settings, type SettingsBacking } from './settings';
import { ShiftService } from './shift';

/** What each platform (Electron, the station, a test) provides; the core needs nothing else from it. */
export interface PlatformAdapter {
  dataDir: string;
  settings: SettingsBacking;
  secrets: SecretStore;
  log: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Prints the kiosk window (Electron's webContents.print); absent where the browser prints for itself. */
  print?: () => Promise<boolean>;
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
  /** For tests: soft and hard request timeouts shorter than the settings allow. */
  requestTimeouts?: { softMs: number; hardMs: number };
  /** For tests: the wait before resending to a permit whose last answer was unclear. */
  unclearBackoff?: { baseMs: number; capMs: number };
}

export interface KioskCore {
  dispatch: Dispatch;
  events: EventHub;
  readonly info: KioskInfo;
  /** Resolves when the outbox has sent everything it can right now. */
  idle(): Promise<void>;
  /** The platform saw the network come or go (Electron's net.isOnline, the page's online event). */
  networkChanged(online: boolean): void;
  stop(): Promise<void>;
}

interface Controller {
  url: string;
  token: string;
  source: ConfigSource | 'demo';
}

export async function startKioskCore(platform: PlatformAdapter, options: KioskCoreOptions = {}): Promise<KioskCore> {
  const { log } = platform;
  const clock = platform.clock ?? systemClock;
  await makePrivate(platform.dataDir);

  const settingsRepo = new SettingsRepository(platform.settings);
  let settings: Settings = settingsRepo.read();
  if (!settings.kioskId) settings = settingsRepo.update({ kioskId: generateKioskId() });

  const shippedRates = RateTableSchema.parse(options.rates ?? defaultRates);
  const rates = (): RateTable => (settings.zones ? { ...shippedRates, zones: settings.zones } : shippedRates);
  const resolve = async () =>
    resolveControllerConfig({
      flags: options.flags ?? {},
      env: options.env ?? {},
      stored: { url: settings.controllerUrl, token: await platform.secrets.readToken() },
    });
  const config = await resolve();

  let sandbox: RunningSandbox | undefined;
  let controller: Controller;
  let workDir = platform.dataDir;
  if (config.mode === 'demo') {
    sandbox = await startSandbox({ port: 0, tokens: [DEMO_TOKEN], zones: rates().zones.map((zone) => zone.name) });
    controller = { url: sandbox.url, token: DEMO_TOKEN, source: 'demo' };
    // The demo sandbox forgets everything when it stops, so demo permits live apart and start afresh.
    workDir = path.join(platform.dataDir, 'demo');
    await rm(workDir, { recursive: true, force: true });
    await makePrivate(workDir);
    log.info(`Demo mode: no controller configured, using the built-in sandbox at ${sandbox.url}`);
  } else {
    controller = { url: config.url, token: config.token, source: config.source.url };
    log.info(
      `Controller ${new URL(config.url).host} (URL from ${config.source.url}, token from ${config.source.token})`,
    );
  }

  const makeClient = (target: Controller) =>
    new OpscomClient({
      baseUrl: target.url,
      apiToken: target.token,
      timeMode: settings.timeMode,
      softTimeoutMs: options.requestTimeouts?.softMs ?? settings.requestSoftTimeoutMs,
      hardTimeoutMs: options.requestTimeouts?.hardMs ?? settings.requestHardTimeoutMs,
      log,
      ...(platform.fetch ? { fetch: platform.fetch } : {}),
    });
  let client = makeClient(controller);

  const events = new EventHub();
  const connection = new ConnectionMonitor(events, clock);
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
    ...(options.unclearBackoff ? { unclearBackoff: options.unclearBackoff } : {}),
    repeatedTicketPolicy: () => settings.repeatedTicketRefused,
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

  const shift = new ShiftService(workDir, audit, clock);
  await shift.load();
  const permits = new PermitService({
    outbox,
    tickets: new TicketNumberAllocator(workDir, () => settings.kioskId ?? ''),
    rates,
    clock,
    attendant: () => shift.requireAttendant(),
  });
  const occupancy = new OccupancyService(
    () => client,
    () => rates().zones.map((zone) => zone.name),
    clock,
  );
  // Demo mode has a PIN everybody knows (the screen shows it); elsewhere there is none until one is set.
  const demoPinHash = controller.source === 'demo' ? await hashPin(DEMO_ADMIN_PIN) : undefined;
  const adminPin = await AdminPin.open(() => demoPinHash ?? settings.adminPinHash, clock, platform.dataDir);
  const requirePin = async (pin: string) => {
    const check = await adminPin.check(pin);
    if (!check.ok) fail('not-allowed', describePinCheck(check), 'adminPin');
  };
  /** Nothing is sold before a supervisor has set the admin PIN (outside demo mode). */
  const requirePinSet = () => {
    if (!adminPin.isSet) fail('not-allowed', 'Set the admin PIN first: a supervisor chooses it on the first screen.');
  };

  /**
   * The stored token goes to a new server only if the supervisor typed it again in the same save, or confirmed
   * sending it to that host (which the screen shows): a PIN alone must not be enough to redirect it.
   */
  const requireTokenConsent = async (url: string, confirmedHost: string | undefined): Promise<void> => {
    if (!(await platform.secrets.readToken())) return; // no stored token to send anywhere
    const before = settings.controllerUrl;
    if (before !== undefined && controllerOrigin(before) === controllerOrigin(url)) return;
    if (confirmedHost === new URL(url).host) return;
    fail(
      'not-allowed',
      `The stored API token would go to ${new URL(url).host}: enter the token again, or confirm sending it there.`,
      'changes.apiToken',
    );
  };
  const writeToken = async (token: string, obscuredConsent: boolean): Promise<void> => {
    try {
      await platform.secrets.writeToken(token, { obscuredConsent });
    } catch (error) {
      if (!(error instanceof SecretStoreRefusal)) throw error;
      const field = error.code === 'obscured-needs-consent' ? 'changes.acceptObscuredToken' : 'changes.apiToken';
      fail('not-allowed', error.message, field);
    }
  };

  const info = (): KioskInfo => ({
    kioskId: settings.kioskId ?? '',
    kioskName: settings.kioskName,
    demoMode: controller.source === 'demo',
    controllerHost: new URL(controller.url).host,
    extendMinutes: rates().extendMinutes,
    language: settings.language,
    idleResetSeconds: settings.idleResetSeconds,
    adminPin: demoPinHash ? 'demo' : adminPin.isSet ? 'set' : 'not-set',
    zones: rates().zones.map((zone) => ({
      name: zone.name,
      currency: zone.currency,
      presets: zone.presets.map((minutes) => ({ minutes, cents: priceCents(zone, minutes) })),
    })),
  });

  const settingsView = async (): Promise<SettingsView> => {
    const token = controller.source === 'demo' ? await platform.secrets.readToken() : controller.token;
    return {
      controllerUrl: controller.source === 'demo' ? (settings.controllerUrl ?? null) : controller.url,
      controllerSource: controller.source,
      tokenSet: Boolean(token),
      tokenLast4: token ? token.slice(-4) : null,
      tokenStorage: platform.secrets.describe(),
      tokenProtection: await platform.secrets.protection(),
      kioskId: settings.kioskId ?? '',
      kioskName: settings.kioskName,
      zones: rates().zones,
      extendMinutes: rates().extendMinutes,
      timeMode: settings.timeMode,
      language: settings.language,
      outboxConcurrency: settings.outboxConcurrency,
      requestSoftTimeoutMs: settings.requestSoftTimeoutMs,
      requestHardTimeoutMs: settings.requestHardTimeoutMs,
      repeatedTicketRefused: settings.repeatedTicketRefused,
      idleResetSeconds: settings.idleResetSeconds,
      adminPinIsDemo: demoPinHash !== undefined,
      demoMode: controller.source === 'demo',
    };
  };

  /** After saved settings change: a new URL or token is used at once (and resumes a paused outbox). */
  const applyControllerSettings = async (): Promise<void> => {
    if (controller.source === 'demo') {
      log.info('Controller settings saved; they take effect when the kiosk next starts (it is in demo mode).');
      return;
    }
    const next = await resolve();
    if (next.mode === 'demo') return;
    const changed = next.url !== controller.url || next.token !== controller.token;
    controller = { url: next.url, token: next.token, source: next.source.url };
    client = makeClient(controller);
    courier.useClient(client);
    if (changed) log.info(`Controller settings changed: now ${new URL(controller.url).host}; the outbox resumes.`);
  };

  const dispatch = createDispatcher(
    {
      'kiosk:info': () => info(),
      'kiosk:connection': () => connection.current(),
      'kiosk:print': async ({ what }) => {
        if (!platform.print) return { printedBy: 'browser', ok: true };
        const ok = await platform.print();
        log.info(`Printed the ${what}: ${ok ? 'sent to the printer' : 'cancelled or failed'}.`);
        return { printedBy: 'app', ok };
      },
      'kiosk:set-language': ({ language }) => {
        settings = settingsRepo.update({ language });
        events.emit('kiosk:changed', info());
        return info();
      },
      'permits:list': () => ({ permits: permits.active() }),
      'permits:get': ({ ticketNumber }) =>
        outbox.permit(ticketNumber) ?? fail('not-found', `This kiosk has no permit ${ticketNumber}.`, 'ticketNumber'),
      'permits:issue': ({ requestId, ...input }) => {
        requirePinSet();
        return permits.issue(requestId, input);
      },
      'permits:quote-extend': ({ ticketNumber, minutes }) => permits.quoteExtend(ticketNumber, minutes),
      'permits:extend': ({ requestId, ticketNumber, minutes }) => {
        requirePinSet();
        return permits.extend(requestId, ticketNumber, minutes);
      },
      'permits:cancel': ({ requestId, ticketNumber, reason }) => {
        requirePinSet();
        return permits.cancel(requestId, ticketNumber, reason);
      },
      'shift:current': () => shift.open,
      'shift:start': async ({ attendant }) => {
        requirePinSet();
        const started = await shift.start(attendant);
        events.emit('shift:changed', started);
        return started;
      },
      'shift:summary': () => shift.summary(outboxStatus()),
      'shift:close': async () => {
        const summary = await shift.close(outboxStatus());
        events.emit('shift:changed', null);
        return summary;
      },
      'occupancy:get': ({ refresh }) => occupancy.get(refresh),
      'settings:get': async ({ adminPin: pin }) => {
        await requirePin(pin);
        return settingsView();
      },
      'settings:set-first-pin': async ({ newAdminPin }) => {
        if (demoPinHash) fail('not-allowed', `Demo mode keeps the PIN ${DEMO_ADMIN_PIN}.`);
        if (adminPin.isSet) fail('not-allowed', 'An admin PIN is already set: change it on the Settings screen.');
        settings = settingsRepo.update({ adminPinHash: await hashPin(newAdminPin) });
        log.info('The first admin PIN was set.');
        events.emit('kiosk:changed', info());
        return info();
      },
      'settings:update': async ({ adminPin: pin, changes }) => {
        await requirePin(pin);
        const { apiToken, newAdminPin, useStoredTokenFor, acceptObscuredToken, ...stored } = changes;
        if (stored.controllerUrl !== undefined && apiToken === undefined) {
          await requireTokenConsent(stored.controllerUrl, useStoredTokenFor);
        }
        const soft = stored.requestSoftTimeoutMs ?? settings.requestSoftTimeoutMs;
        const hard = stored.requestHardTimeoutMs ?? settings.requestHardTimeoutMs;
        if (hard < soft) {
          fail('invalid-request', 'The hard timeout cannot be shorter than the soft timeout.', 'requestHardTimeoutMs');
        }
        if (apiToken !== undefined) await writeToken(apiToken, acceptObscuredToken === true);
        settings = settingsRepo.update({
          ...stored,
          ...(newAdminPin !== undefined ? { adminPinHash: await hashPin(newAdminPin) } : {}),
        });
        if (stored.outboxConcurrency !== undefined) courier.setConcurrency(settings.outboxConcurrency);
        const controllerTouched =
          apiToken !== undefined ||
          stored.controllerUrl !== undefined ||
          stored.timeMode !== undefined ||
          stored.requestSoftTimeoutMs !== undefined ||
          stored.requestHardTimeoutMs !== undefined;
        if (controllerTouched) await applyControllerSettings();
        events.emit('kiosk:changed', info());
        return settingsView();
      },
      'settings:test-connection': async ({ adminPin: pin }) => {
        await requirePin(pin);
        const outcome = await client.stats();
        connection.observe(outcome);
        if (outcome.kind === 'success') {
          return { ok: true, message: `Connected to ${new URL(controller.url).host}: OPSCOM answered.` };
        }
        const detail =
          'controllerMessage' in outcome && outcome.controllerMessage ? ` (${outcome.controllerMessage})` : '';
        return { ok: false, message: `${outcome.message}${detail}` };
      },
      'outbox:status': () => outboxStatus(),
      'outbox:list': () => ({ items: outbox.items(courier.sending) }),
      'outbox:flush': ({ reason }) => {
        log.info(`Outbox flush asked for (${reason}).`);
        courier.flushNow();
        return outboxStatus();
      },
      'outbox:retry': ({ actionId }) => {
        if (!outbox.retry(actionId, shift.open?.attendant ?? null)) {
          fail('not-allowed', 'Only an action that needs attention can be retried.');
        }
        courier.flushNow();
        return item(actionId);
      },
      'outbox:correct-plate': ({ actionId, plate }) => {
        if (!outbox.correctPlate(actionId, plate, shift.open?.attendant ?? null)) {
          fail('not-allowed', 'Only an action that needs attention can have its plate corrected.');
        }
        courier.flushNow();
        return item(actionId);
      },
      'outbox:discard': async ({ actionId, adminPin: pin }) => {
        await requirePin(pin);
        const discarded = outbox.discard(actionId, `admin (${shift.open?.attendant ?? 'no shift'})`);
        if (discarded.length === 0) fail('not-allowed', 'Only an action that needs attention can be discarded.');
        return { discarded };
      },
      'reconcile:list': () => ({ entries: outbox.reconciliation() }),
      'reconcile:export-csv': () => ({
        fileName: `reconciliation-${settings.kioskId}-${clock.now().toISOString().slice(0, 10)}.csv`,
        csv: reconciliationCsv(outbox.reconciliation()),
      }),
      'reconcile:clear': async ({ ticketNumber, adminPin: pin, note }) => {
        await requirePin(pin);
        const by = `admin (${shift.open?.attendant ?? 'no shift'})`;
        if (!outbox.clearReconciliation(ticketNumber, by, note)) {
          fail('not-allowed', `Permit ${ticketNumber} is not on the reconciliation list.`);
        }
        return { entries: outbox.reconciliation() };
      },
      'audit:export-csv': () => ({
        fileName: `audit-${settings.kioskId}-${clock.now().toISOString().slice(0, 10)}.csv`,
        csv: audit.toCsv(),
      }),
    },
    log,
  );

  function item(actionId: string) {
    return outbox.items(courier.sending).find((each) => each.actionId === actionId) ?? null;
  }

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
    get info() {
      return info();
    },
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
