/** The sandbox is a test double holding tokens in memory: it must never be reachable from another machine. */

const IPV4_LOOPBACK = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isIpv4Loopback(address: string): boolean {
  const match = IPV4_LOOPBACK.exec(address);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * Whether a bind address is a loopback literal. 'localhost' is refused on purpose: it can resolve to a
 * non-loopback address on a misconfigured machine, and the printed URL should be the address really bound.
 */
export function isLoopbackHost(host: string): boolean {
  return host === '::1' || isIpv4Loopback(host);
}

/** Whether a peer address (`socket.remoteAddress`) is loopback, including IPv4 seen through an IPv6 socket. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  if (address === '::1') return true;
  const ipv4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return isIpv4Loopback(ipv4);
}

/** IPv6 literals need brackets inside a URL. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
