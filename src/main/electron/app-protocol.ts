import fs from 'node:fs';
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

/**
 * Serves the built renderer under `app://kiosk/` only; any other host, a path outside the folder, a missing file,
 * or a symlink in the folder that leads outside it, is a 404. The containment check runs on real paths (symlinks
 * resolved, the folder's own included), and the file fetched is that real path, so what was checked is what is
 * served. Electron's fs resolves paths inside app.asar too.
 */
export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  let realRoot: Promise<string> | undefined;
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
    const real = await realPathInside(file, (realRoot ??= fs.promises.realpath(root)));
    if (real === undefined) return notFound();
    const response = await net.fetch(pathToFileURL(real).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', RENDERER_CSP);
    return new Response(response.body, { status: response.status, headers });
  });
}

/** The file's real path when it exists and lies inside the folder's real path; otherwise undefined. */
async function realPathInside(file: string, realRoot: Promise<string>): Promise<string | undefined> {
  try {
    // Looked up at call time: Electron's asar support patches fs.promises.realpath.
    const [real, inside] = await Promise.all([fs.promises.realpath(file), realRoot]);
    return real.startsWith(inside + path.sep) ? real : undefined;
  } catch {
    return undefined; // missing, a dangling link, a loop, or no access
  }
}
