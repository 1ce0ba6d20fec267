import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { RENDERER_CSP } from '../csp';
import { APP_ORIGIN, APP_SCHEME, originOf } from './policy';

export { APP_ORIGIN, APP_SCHEME } from './policy';

/** The renderer is served from `app://kiosk/` rather than file://, so it has a real origin and a CSP header. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer under `app://kiosk/` only; any other host, or a path outside the folder, is a 404. */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  const notFound = (): Response => new Response('Not found', { status: 404 });
  protocol.handle(APP_SCHEME, async (request) => {
    if (originOf(request.url) !== APP_ORIGIN) return notFound();
    const { pathname } = new URL(request.url);
    let relative: string;
    try {
      relative = pathname === '/' ? '/index.html' : decodeURIComponent(pathname);
    } catch {
      return notFound();
    }
    const file = path.resolve(root, `.${relative}`);
    if (!file.startsWith(root + path.sep)) return notFound();
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', RENDERER_CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}
