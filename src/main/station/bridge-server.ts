import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { BRIDGE_SECRET_HEADER, BRIDGE_SECRET_META } from '../../shared/bridge';
import type { KioskCore } from '../core/kiosk-core';
import { RENDERER_CSP } from '../csp';

/**
 * The browser station: serves the built renderer and the contract's bridge on loopback only. A per-launch
 * secret goes into the served page and nowhere else; a bridge call without it gets 401. The Host header must
 * name this loopback port, so a web page that rebinds its DNS name to 127.0.0.1 cannot read the secret.
 */
export interface StationOptions {
  core: KioskCore;
  rendererDir: string;
  port: number;
  host?: string;
}

export interface RunningStation {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 64 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export async function startStation(options: StationOptions): Promise<RunningStation> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host)) throw new Error(`The station serves on loopback only; ${host} is not a loopback address.`);
  const secret = randomBytes(32).toString('base64url');
  const indexHtml = await fs.readFile(path.join(options.rendererDir, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No built renderer in ${options.rendererDir}. Run "npm run build" first.`);
  });
  const page = indexHtml.replace('<head>', `<head>\n    <meta name="${BRIDGE_SECRET_META}" content="${secret}" />`);

  let port = options.port;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      console.error('[station] request failed:', error instanceof Error ? error.message : error);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isLoopback(req.socket.remoteAddress ?? '')) return send(res, 403, 'text/plain', 'Loopback only');
    if (!isOwnHost(req.headers.host, port)) return send(res, 421, 'text/plain', 'Wrong host');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/bridge/')) {
      const given =
        url.pathname === '/bridge/events'
          ? url.searchParams.get('secret')
          : req.headers[BRIDGE_SECRET_HEADER.toLowerCase()];
      if (!secretMatches(typeof given === 'string' ? given : '', secret)) {
        return sendJson(res, 401, { error: 'This station only answers the page it served.' });
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !isOwnHost(originHost(origin), port))
        return sendJson(res, 403, { error: 'Wrong origin' });
      if (url.pathname === '/bridge/events' && req.method === 'GET') return streamEvents(req, res, options.core);
      const match = /^\/bridge\/invoke\/([^/]+)$/.exec(url.pathname);
      if (match?.[1] && req.method === 'POST') {
        const body = await readJsonBody(req);
        const result =
          body === undefined
            ? { ok: false, error: { code: 'invalid-request', message: 'The request body is not valid JSON.' } }
            : await options.core.dispatch(decodeURIComponent(match[1]), body);
        return sendJson(res, 200, result);
      }
      return sendJson(res, 404, { error: 'No such bridge call' });
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'Method not allowed');
    if (url.pathname === '/' || url.pathname === '/index.html')
      return send(res, 200, CONTENT_TYPES['.html'] ?? '', page);
    return serveStatic(res, options.rendererDir, url.pathname);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}/`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function streamEvents(req: http.IncomingMessage, res: http.ServerResponse, core: KioskCore): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const unsubscribe = core.events.subscribe((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  // A comment line now and then keeps idle proxies and the browser from dropping the stream.
  const heartbeat = setInterval(() => res.write(': ping\n\n'), 25_000);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

async function serveStatic(res: http.ServerResponse, root: string, pathname: string): Promise<void> {
  const file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 404, 'text/plain', 'Not found');
  try {
    const content = await fs.readFile(file);
    send(res, 200, CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', content);
  } catch {
    send(res, 404, 'text/plain', 'Not found');
  }
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

async function readJsonBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    return undefined;
  }
}

function secretMatches(given: string, secret: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+|localhost)$/.test(address);
}

function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
