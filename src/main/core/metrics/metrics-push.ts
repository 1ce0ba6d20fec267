import type { Logger } from '../host/log';
import type { MetricsText } from './metrics-server';

/**
 * The push to a Pushgateway every N seconds (#14), for kiosks Prometheus cannot reach (LTE behind NAT). The
 * kiosk's metrics replace its own group, `job="opscom_kiosk", kiosk_id="<id>"`, each time.
 *
 * It never holds up issuing: each push is one fetch with a timeout, the next is scheduled only after the last
 * has finished (so they cannot pile up), and the timer does not keep the process alive. A failing push is logged
 * once when it starts failing and once when it works again, never at every attempt.
 */
export const PUSH_JOB = 'opscom_kiosk';

export interface MetricsPushOptions {
  /** The Pushgateway's base URL; a user name and password in it go as Basic authorisation, never in a log. */
  url: string;
  intervalSeconds: number;
  kioskId: () => string;
  metrics: MetricsText;
  log: Logger;
  fetch?: typeof fetch;
  /** A push not answered in this time is abandoned (default: 10 s, or the interval if shorter). */
  timeoutMs?: number;
}

export interface RunningMetricsPush {
  /** One push now (tests, and the first push at start); resolves to whether the Pushgateway took it. */
  pushNow(): Promise<boolean>;
  stop(): void;
}

/** The group's URL: `<base>/metrics/job/opscom_kiosk/kiosk_id/<id>`. */
export function pushTarget(base: string, kioskId: string): { url: string; authorization: string | undefined } {
  const parsed = new URL(base);
  const authorization =
    parsed.username || parsed.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`).toString('base64')}`
      : undefined;
  parsed.username = '';
  parsed.password = '';
  const path = parsed.pathname.replace(/\/+$/, '');
  parsed.pathname = `${path}/metrics/job/${PUSH_JOB}/kiosk_id/${encodeURIComponent(kioskId)}`;
  return { url: parsed.toString(), authorization };
}

export function startMetricsPush(options: MetricsPushOptions): RunningMetricsPush {
  const doFetch = options.fetch ?? fetch;
  const origin = new URL(options.url).origin;
  const intervalMs = options.intervalSeconds * 1000;
  const timeoutMs = options.timeoutMs ?? Math.min(10_000, intervalMs);
  const credentials = new URL(options.url).password;
  if (credentials) options.log.redact(decodeURIComponent(credentials));
  let failing = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: AbortController | undefined;

  const pushNow = async (): Promise<boolean> => {
    const controller = new AbortController();
    inFlight = controller;
    const deadline = setTimeout(() => controller.abort(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    let problem: string | undefined;
    try {
      const body = await options.metrics.text();
      const target = pushTarget(options.url, options.kioskId());
      const response = await doFetch(target.url, {
        method: 'PUT',
        headers: {
          'Content-Type': options.metrics.contentType,
          ...(target.authorization ? { Authorization: target.authorization } : {}),
        },
        body,
        signal: controller.signal,
      });
      // The gateway's answer says nothing the status does not: never read it whole, however long it is.
      await response.body?.cancel().catch(() => undefined);
      if (!response.ok) problem = `HTTP ${response.status}`;
    } catch (error) {
      problem = describe(error, controller.signal);
    } finally {
      clearTimeout(deadline);
      if (inFlight === controller) inFlight = undefined;
    }
    if (stopped) return problem === undefined;
    if (problem !== undefined && !failing) {
      failing = true;
      options.log.warn(
        `Metrics push to ${origin} failed (${problem}); still trying every ${options.intervalSeconds} s, and saying so once it works again.`,
      );
    } else if (problem === undefined && failing) {
      failing = false;
      options.log.info(`Metrics push to ${origin} works again.`);
    }
    return problem === undefined;
  };

  const loop = async (): Promise<void> => {
    await pushNow();
    if (stopped) return;
    timer = setTimeout(() => void loop(), intervalMs);
    timer.unref();
  };
  void loop();

  return {
    pushNow,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      inFlight?.abort(new Error('stopping'));
    },
  };
}

/** A short reason: the cause's code (ECONNREFUSED…) rather than undici's generic "fetch failed". */
function describe(error: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : 'aborted';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
