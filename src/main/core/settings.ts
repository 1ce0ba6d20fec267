import { z } from 'zod';
import { LanguageSchema, ZoneRateSchema } from '../../shared/domain';

/**
 * What an operator configures, kept by electron-store in the app and by `conf` (the library electron-store
 * wraps, same file format) in the station. The API token is not here: it lives in the platform's secret store.
 */
export const SettingsSchema = z.object({
  kioskId: z
    .string()
    .regex(/^[A-Z0-9]{1,20}$/, 'A kiosk id is 1 to 20 letters and digits.')
    .optional(),
  kioskName: z.string().min(1).max(60).default('Permit kiosk'),
  controllerUrl: z.url().optional(),
  timeMode: z.enum(['utc', 'local']).default('utc'),
  /**
   * After the soft timeout an unanswered request is reported slow and its slot goes to another permit; it is
   * abandoned only at the hard timeout, because a late answer still carries the reference. 10 s is far past a
   * healthy answer yet short enough for an attendant to notice; 90 s outlasts the 60 s read timeouts of common
   * gateways (nginx, cloud load balancers), after which no answer can still arrive.
   */
  requestSoftTimeoutMs: z.number().int().min(1000).max(120_000).default(10_000),
  requestHardTimeoutMs: z.number().int().min(1000).max(600_000).default(90_000),
  /** "OPSCOM refuses a repeated ticket number with 9022": `npm run conformance -- --allow-writes` finds out. */
  repeatedTicketRefused: z.enum(['unknown', 'yes', 'no']).default('unknown'),
  /** Permits sent to OPSCOM in parallel by the outbox. */
  outboxConcurrency: z.number().int().min(1).max(16).default(4),
  /** scrypt hash of the supervisor PIN; unset means the documented default PIN until a supervisor sets one. */
  adminPinHash: z.string().optional(),
  language: LanguageSchema.default('en-CA'),
  idleResetSeconds: z.number().int().min(0).max(3600).default(90),
  /** Zones and rates set on the settings screen; unset means the rate table shipped in resources/. */
  zones: z.array(ZoneRateSchema).min(1).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** The part of electron-store / conf the core uses. */
export interface SettingsBacking {
  store: Record<string, unknown>;
}

export class SettingsRepository {
  constructor(private readonly backing: SettingsBacking) {}

  read(): Settings {
    const stored = { ...this.backing.store };
    // Before soft and hard timeouts there was one, and it meant what the soft one means now.
    if (stored.requestSoftTimeoutMs === undefined && stored.requestTimeoutMs !== undefined) {
      stored.requestSoftTimeoutMs = stored.requestTimeoutMs;
    }
    const parsed = SettingsSchema.safeParse(stored);
    // A hand-edited or older file must not stop a kiosk from starting: fall back to defaults for bad values.
    return parsed.success ? parsed.data : SettingsSchema.parse({});
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
