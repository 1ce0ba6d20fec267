import { z } from 'zod';
import { DEFAULT_PUSH_INTERVAL_SECONDS } from '../../../shared/monitoring/metrics-export-settings';
import { DEFAULT_HOME_REGIONS } from '../../../shared/plates/plate-formats';
import { settingFields } from '../../../shared/settings/setting-fields';

/**
 * What an operator configures, kept by electron-store in the app and by `conf` (the library electron-store
 * wraps, same file format) in the station. The API token is not here: it lives in the platform's secret store.
 */
export const SettingsSchema = z.object({
  kioskId: settingFields.kioskId.optional(),
  kioskName: settingFields.kioskName.default('Permit kiosk'),
  controllerUrl: settingFields.controllerUrl.optional(),
  timeMode: settingFields.timeMode.default('utc'),
  requestSoftTimeoutMs: settingFields.requestSoftTimeoutMs.default(10_000),
  requestHardTimeoutMs: settingFields.requestHardTimeoutMs.default(90_000),
  repeatedTicketRefused: settingFields.repeatedTicketRefused.default('unknown'),
  outboxConcurrency: settingFields.outboxConcurrency.default(4),
  /** scrypt hash of the supervisor PIN; unset on a new kiosk until a supervisor sets one. */
  adminPinHash: z.string().optional(),
  language: settingFields.language.default('en-CA'),
  idleResetSeconds: settingFields.idleResetSeconds.default(90),
  /** Ontario until a supervisor chooses: the plate check's home regions. */
  homeRegions: settingFields.homeRegions.default([...DEFAULT_HOME_REGIONS]),
  refundPinAboveCents: settingFields.refundPinAboveCents.default(2000),
  drawerToleranceCents: settingFields.drawerToleranceCents.default(500),
  plateFixWindowMinutes: settingFields.plateFixWindowMinutes.default(15),
  receiptWidth: settingFields.receiptWidth.default('80mm'),
  /** '' until a supervisor chooses a printer: the Electron app asks with its print dialog. */
  printerName: settingFields.printerName.default(''),
  /** Fleet monitoring (#14): both off until an operator sets them (here or from the environment). */
  metricsListen: settingFields.metricsListen.default(''),
  pushgatewayUrl: settingFields.pushgatewayUrl.default(''),
  pushIntervalSeconds: settingFields.pushIntervalSeconds.default(DEFAULT_PUSH_INTERVAL_SECONDS),
  /** Updates (#13): off, and no maintenance hour, until an operator sets them. */
  updateFeedUrl: settingFields.updateFeedUrl.default(''),
  maintenanceHour: settingFields.maintenanceHour.default(null),
  /** Zones and rates set on the settings screen; unset means the rate table shipped in resources/. */
  zones: settingFields.zones.optional(),
  /** Provisioning (#13): the keys the last applied kiosk-provision.json set, and that file's SHA-256. */
  provisioned: z.array(z.string()).optional(),
  provisionHash: z.string().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The part of electron-store / conf the core uses. */
export interface SettingsBacking {
  store: Record<string, unknown>;
}

/** A stored value a rule now refuses, set aside by `read` (its default applies), for the start-up log. */
export interface SetAside {
  key: string;
  /** Where in it, as zod says: `zones.0.currency`. */
  at: string;
  /** The rule's problem code ('currency-unsupported'), or zod's words for a rule without one. */
  problem: string;
}

export class SettingsRepository {
  /** What the last `read` set aside. */
  setAside: SetAside[] = [];

  constructor(private readonly backing: SettingsBacking) {}

  read(): Settings {
    const stored = { ...this.backing.store };
    // Before soft and hard timeouts there was one, and it meant what the soft one means now.
    if (stored.requestSoftTimeoutMs === undefined && stored.requestTimeoutMs !== undefined) {
      stored.requestSoftTimeoutMs = stored.requestTimeoutMs;
    }
    const parsed = SettingsSchema.safeParse(stored);
    this.setAside = [];
    if (parsed.success) return parsed.data;
    // A hand-edited or older file must not stop a kiosk from starting, nor cost it the values that are fine: each
    // bad value falls back to its default alone. A kiosk name saved before a rule grew (#19 refuses zero-width
    // characters) must not take the admin PIN hash and the controller URL with it.
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string' || !(key in stored)) continue;
      delete stored[key];
      this.setAside.push({ key, at: issue.path.map(String).join('.'), problem: issue.message });
    }
    const kept = SettingsSchema.safeParse(stored);
    return kept.success ? kept.data : SettingsSchema.parse({});
  }

  update(patch: Partial<Settings>): Settings {
    const next = SettingsSchema.parse({ ...this.read(), ...patch });
    this.backing.store = stripUndefined(next);
    return next;
  }
}

function stripUndefined(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
