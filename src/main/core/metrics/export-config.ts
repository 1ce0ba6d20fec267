import { z } from 'zod';
import {
  MetricsListenSchema,
  parseListenAddress,
  PushgatewayUrlSchema,
  PushIntervalSecondsSchema,
  type ListenAddress,
} from '../../../shared/monitoring/metrics-export-settings';
import { isProblemCode, problemMessage } from '../../../shared/errors/problems';
import { ConfigError, type ConfigSource } from '../opscom/controller-config';

/**
 * Where the kiosk's metrics go: a `/metrics` endpoint, a Pushgateway, both or neither. Each value comes from, in
 * order, a command-line flag, the environment, the stored settings, like the controller's address, so a kiosk
 * can be provisioned without anyone at its screen.
 */
export interface MetricsExportConfig {
  /** Where `/metrics` listens; null: off. */
  listen: ListenAddress | null;
  /** The Pushgateway base URL; '' : off. */
  pushgatewayUrl: string;
  pushIntervalSeconds: number;
  /** The strongest source among the values in force: a flag or the environment outranks the Settings screen. */
  source: ConfigSource;
}

export interface MetricsFlags {
  metricsListen?: string | undefined;
  pushgatewayUrl?: string | undefined;
  pushIntervalSeconds?: string | undefined;
}

export const METRICS_ENV = {
  listen: 'KIOSK_METRICS_LISTEN',
  pushgatewayUrl: 'KIOSK_PUSHGATEWAY_URL',
  pushIntervalSeconds: 'KIOSK_PUSH_INTERVAL_SECONDS',
} as const;

export interface MetricsExportInputs {
  flags: MetricsFlags;
  env: Record<string, string | undefined>;
  stored: { metricsListen: string; pushgatewayUrl: string; pushIntervalSeconds: number };
}

const RANK: Record<ConfigSource, number> = { settings: 0, environment: 1, flag: 2 };

/** Throws ConfigError, in words, for a flag or variable that is set but wrong: a kiosk must not start half-watched. */
export function resolveMetricsExport(inputs: MetricsExportInputs): MetricsExportConfig {
  let source: ConfigSource = 'settings';
  const pick = <T>(
    [flag, flagName]: [string | undefined, string],
    envName: string,
    stored: T,
    parse: (text: string, where: string) => T,
  ): T => {
    for (const [value, from] of [
      [flag, 'flag'],
      [inputs.env[envName], 'environment'],
    ] as const) {
      if (value === undefined || value.trim() === '') continue;
      if (RANK[from] > RANK[source]) source = from;
      return parse(value.trim(), from === 'flag' ? flagName : envName);
    }
    return stored;
  };
  const text = (schema: z.ZodType<string>) => (value: string, where: string) =>
    checked(schema, value === 'off' ? '' : value, where);
  const listen = pick(
    [inputs.flags.metricsListen, '--metrics-listen'],
    METRICS_ENV.listen,
    inputs.stored.metricsListen,
    text(MetricsListenSchema),
  );
  const pushgatewayUrl = pick(
    [inputs.flags.pushgatewayUrl, '--pushgateway-url'],
    METRICS_ENV.pushgatewayUrl,
    inputs.stored.pushgatewayUrl,
    text(PushgatewayUrlSchema),
  );
  const pushIntervalSeconds = pick(
    [inputs.flags.pushIntervalSeconds, '--push-interval'],
    METRICS_ENV.pushIntervalSeconds,
    inputs.stored.pushIntervalSeconds,
    (value, where) => checked(PushIntervalSecondsSchema, Number(value), where),
  );
  return {
    listen: listen === '' ? null : (parseListenAddress(listen) ?? null),
    pushgatewayUrl,
    pushIntervalSeconds,
    source,
  };
}

function checked<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const code = parsed.error.issues[0]?.message;
  throw new ConfigError(`${where}: ${isProblemCode(code) ? problemMessage({ code }) : 'not a valid value.'}`);
}

/** For logs: the Pushgateway's origin without any user name or password in it. */
export function pushgatewayOrigin(url: string): string {
  return new URL(url).origin;
}

/** The export settings in force, re-read when a supervisor saves them; the platform listens and restarts. */
export class MetricsExportSettings {
  private value: MetricsExportConfig;
  private readonly listeners = new Set<(config: MetricsExportConfig) => void>();

  constructor(private readonly inputs: () => MetricsExportInputs) {
    this.value = resolveMetricsExport(inputs());
  }

  get current(): MetricsExportConfig {
    return this.value;
  }

  /** The stored settings changed: tell the listeners if what is in force changed. */
  reload(): void {
    const next = resolveMetricsExport(this.inputs());
    if (JSON.stringify(next) === JSON.stringify(this.value)) return;
    this.value = next;
    for (const listener of this.listeners) listener(next);
  }

  /** Returns the function that removes this listener. */
  subscribe(listener: (config: MetricsExportConfig) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
