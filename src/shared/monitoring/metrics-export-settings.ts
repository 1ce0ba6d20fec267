import { z } from 'zod';

/**
 * Where a kiosk reports its health to Prometheus (#14), written once for the settings, the environment and the
 * flags: a `/metrics` endpoint on an address the operator chooses, and a push to a Pushgateway. Both are off
 * until set. No Node imports: shared code also runs in the renderer.
 */

/** 0–255 without leading zeros (a leading zero reads as octal to some resolvers). */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
/** An IPv6 literal inside brackets: hex groups and colons, with an optional embedded IPv4 tail. */
const IPV6 = /^[0-9a-f:]+(?::\d{1,3}(?:\.\d{1,3}){3})?$/i;

export interface ListenAddress {
  /** An IP literal to bind (IPv6 without brackets). */
  host: string;
  port: number;
}

/**
 * `host:port` as the operator writes it: an IPv4 literal (`127.0.0.1:9464`, `0.0.0.0:9464` for every interface)
 * or a bracketed IPv6 one (`[::1]:9464`). A name is refused: the endpoint binds exactly the address given, and a
 * name may resolve elsewhere. Port 1–65535; 0 would pick one nobody could configure Prometheus with.
 */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const match = /^(?:\[([^\]]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[3]);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || match[3]!.startsWith('0')) return undefined;
  const v6 = match[1];
  if (v6 !== undefined) return IPV6.test(v6) && v6.includes(':') ? { host: v6.toLowerCase(), port } : undefined;
  const v4 = match[2]!;
  return IPV4.test(v4) ? { host: v4, port } : undefined;
}

/** A Pushgateway base URL (`http://pushgateway.lot:9091`); the kiosk appends `/metrics/job/…/kiosk_id/<id>`. */
export function isPushgatewayUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.search === '' && url.hash === '';
}

/** '' turns the endpoint off. */
export const MetricsListenSchema = z
  .string()
  .max(100, 'metrics-listen-format')
  .refine((text) => text === '' || parseListenAddress(text) !== undefined, 'metrics-listen-format');
/** '' turns the push off. */
export const PushgatewayUrlSchema = z
  .string()
  .max(300, 'pushgateway-url-format')
  .refine((text) => text === '' || isPushgatewayUrl(text), 'pushgateway-url-format');
/** Every N seconds, 5 to 3600: Prometheus' usual scrape intervals are 15–60 s. */
export const PushIntervalSecondsSchema = z
  .number()
  .int('push-interval-range')
  .min(5, 'push-interval-range')
  .max(3600, 'push-interval-range');

export const DEFAULT_PUSH_INTERVAL_SECONDS = 15;
