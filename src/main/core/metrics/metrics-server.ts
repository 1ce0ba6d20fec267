import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ListenAddress } from '../../../shared/monitoring/metrics-export-settings';

/**
 * The kiosk's `/metrics` endpoint (#14), for kiosks on a LAN that Prometheus can reach. It binds exactly the
 * address the operator gave, answers GET and HEAD on `/metrics` only, and holds few connections: Prometheus
 * scrapes once every few seconds, and the kiosk stands in a public place.
 */
export interface MetricsText {
  text(): Promise<string>;
  readonly contentType: string;
}

export interface RunningMetricsServer {
  /** `http://host:port/metrics`, with the port really bound. */
  url: string;
  close(): Promise<void>;
}

const MAX_CONNECTIONS = 16;
const REQUEST_TIMEOUT_MS = 10_000;

export function startMetricsServer(address: ListenAddress, metrics: MetricsText): Promise<RunningMetricsServer> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/metrics') return plain(res, 404, 'Not found: the metrics are at /metrics.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Only GET and HEAD.\n');
    }
    metrics.text().then(
      (body) => {
        res.writeHead(200, { 'Content-Type': metrics.contentType, 'Cache-Control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => plain(res, 500, 'The metrics could not be read.\n'),
    );
  });
  server.maxConnections = MAX_CONNECTIONS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: address.host, port: address.port, exclusive: true }, () => {
      server.off('error', reject);
      const bound = server.address() as AddressInfo;
      const host = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
      resolve({
        url: `http://${host}:${bound.port}/metrics`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

function plain(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
