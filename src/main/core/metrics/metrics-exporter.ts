import type { KioskCore } from '../host/kiosk-core';
import type { Logger } from '../host/log';
import type { MetricsExportConfig } from './export-config';
import { startMetricsPush, type RunningMetricsPush } from './metrics-push';
import { startMetricsServer, type RunningMetricsServer } from './metrics-server';

/**
 * Runs what the export settings ask for (#14): the `/metrics` endpoint, the Pushgateway push, both or neither,
 * and follows them when a supervisor saves new ones. Shared by the Electron app and the station. A port already
 * taken is logged, never fatal: the kiosk keeps selling.
 */
export interface RunningMetricsExport {
  /** The endpoint's URL while it listens. */
  readonly endpoint: string | undefined;
  /** Resolves once the settings in force are applied (the endpoint listening, or its failure logged). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export function startMetricsExport(
  core: Pick<KioskCore, 'metrics' | 'metricsExport' | 'info'>,
  log: Logger,
  options: { fetch?: typeof fetch } = {},
): RunningMetricsExport {
  let server: RunningMetricsServer | undefined;
  let push: RunningMetricsPush | undefined;
  let applied: MetricsExportConfig | undefined;
  let queue: Promise<void> = Promise.resolve();
  let closed = false;

  const apply = async (config: MetricsExportConfig): Promise<void> => {
    const listenKey = (c: MetricsExportConfig | undefined) => (c?.listen ? `${c.listen.host}|${c.listen.port}` : '');
    if (listenKey(config) !== listenKey(applied)) {
      await server?.close();
      server = undefined;
      if (config.listen && !closed) {
        try {
          server = await startMetricsServer(config.listen, core.metrics);
          log.info(`Metrics at ${server.url}`);
        } catch (error) {
          log.warn(
            `The metrics endpoint cannot listen on ${config.listen.host}:${config.listen.port}: ${(error as Error).message}`,
          );
        }
      }
    }
    const pushKey = (c: MetricsExportConfig | undefined) =>
      c?.pushgatewayUrl ? `${c.pushgatewayUrl}|${c.pushIntervalSeconds}` : '';
    if (pushKey(config) !== pushKey(applied)) {
      push?.stop();
      push = undefined;
      if (config.pushgatewayUrl && !closed) {
        push = startMetricsPush({
          url: config.pushgatewayUrl,
          intervalSeconds: config.pushIntervalSeconds,
          kioskId: () => core.info.kioskId,
          metrics: core.metrics,
          log,
          ...(options.fetch ? { fetch: options.fetch } : {}),
        });
        log.info(`Pushing metrics to ${new URL(config.pushgatewayUrl).origin} every ${config.pushIntervalSeconds} s`);
      }
    }
    applied = config;
  };
  const enqueue = (config: MetricsExportConfig): void => {
    queue = queue.then(() => apply(config));
  };
  enqueue(core.metricsExport.current);
  const unsubscribe = core.metricsExport.subscribe(enqueue);

  return {
    get endpoint() {
      return server?.url;
    },
    settled: () => queue,
    async close() {
      closed = true;
      unsubscribe();
      await queue;
      push?.stop();
      await server?.close();
    },
  };
}
