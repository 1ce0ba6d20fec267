/**
 * Loopback checks for the browser station and the built-in sandbox, in one place so they cannot drift apart.
 * No Node imports: shared code also runs in the renderer.
 *
 * Two different questions get two different answers about the *name* `localhost`:
 * - An **address** (where to listen, who is connecting) must be an IP literal. `localhost` is a name: on a
 *   misconfigured machine it can resolve elsewhere, and a printed URL should show the address really bound.
 * - A **Host or Origin header** naming this server may say `localhost`. Those checks stop DNS rebinding, which
 *   needs a name the attacker's DNS controls; browsers resolve `localhost` to loopback themselves, so a web page
 *   cannot rebind it. The station has always accepted `localhost:<port>`, and clients use it.
 */

/** 0–255 without leading zeros: some resolvers read "0177" as octal, so such a spelling is not what it seems. */
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_LOOPBACK = new RegExp(`^127\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);
/** How an IPv6 socket shows an IPv4 peer (`::ffff:127.0.0.1`). */
const IPV4_MAPPED_PREFIX = '::ffff:';
/** The same peer as the URL parser writes it: `new URL('http://[::ffff:127.0.0.1]').hostname` is `[::ffff:7f00:1]`. */
const IPV4_MAPPED_HEX_LOOPBACK = /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/;
/** The host names every loopback server here answers to, as they appear in a Host header (IPv6 bracketed). */
const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'];
/** Host headers and Origins leave out port 80 for http. */
const HTTP_DEFAULT_PORT = 80;

/** A server on loopback: the address it listens on and its port. */
export interface LoopbackServer {
  host: string;
  port: number;
}

/** Whether `host` is a loopback literal to listen on: 127.x.x.x (dotted) or ::1. */
export function isLoopbackBindHost(host: string): boolean {
  return host === '::1' || IPV4_LOOPBACK.test(host);
}

/** Whether a peer address (`socket.remoteAddress`) is loopback, including IPv4 seen through an IPv6 socket. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const lower = address.toLowerCase();
  const ipv4 = lower.startsWith(IPV4_MAPPED_PREFIX) ? lower.slice(IPV4_MAPPED_PREFIX.length) : lower;
  return lower === '::1' || IPV4_LOOPBACK.test(ipv4) || IPV4_MAPPED_HEX_LOOPBACK.test(lower);
}

/** IPv6 literals need brackets inside a URL or a Host header. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Whether a Host header names this server: 127.0.0.1, localhost, [::1] or the address it listens on, with its
 * port. Anything else (a DNS name that now points at 127.0.0.1, a wrong port) is someone else's request.
 */
export function isOwnHost(hostHeader: string | undefined, server: LoopbackServer): boolean {
  const authority = hostHeader === undefined ? undefined : splitAuthority(hostHeader);
  if (authority === undefined || authority.port !== server.port) return false;
  return [...LOOPBACK_HOST_NAMES, hostForUrl(server.host).toLowerCase()].includes(authority.name);
}

/**
 * Whether an Origin header is this server's own page: exactly `http://<own host>:<port>`. An https origin is
 * another server, `null` is a sandboxed or file page, and an origin with a path or user is not an origin at all.
 */
export function isOwnOrigin(origin: string | undefined, server: LoopbackServer): boolean {
  if (origin === undefined) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  return url.protocol === 'http:' && url.origin === origin.toLowerCase() && isOwnHost(url.host, server);
}

/** `name[:port]` or `[v6][:port]`, lower-cased; undefined when it is not one. */
function splitAuthority(authority: string): { name: string; port: number } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]/@?#\s]+)(?::(\d{1,5}))?$/i.exec(authority);
  if (!match?.[1]) return undefined;
  return { name: match[1].toLowerCase(), port: match[2] === undefined ? HTTP_DEFAULT_PORT : Number(match[2]) };
}
