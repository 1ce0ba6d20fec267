import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../csp';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { net, protocol, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

/**
 * A real folder on disk: <tmp>/renderer with index.html and assets/app.js, and beside it <tmp>/outside with a
 * secret the page must never be able to read.
 */
let tmp: string;
let renderer: string;
let outside: string;
beforeEach(async () => {
  resetFakeElectron();
  tmp = await realpath(await mkdtemp(path.join(os.tmpdir(), 'app-protocol-')));
  renderer = path.join(tmp, 'renderer');
  outside = path.join(tmp, 'outside');
  await mkdir(path.join(renderer, 'assets'), { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(renderer, 'index.html'), '<div id="root"></div>');
  await writeFile(path.join(renderer, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(path.join(outside, 'secret.txt'), 'api token');
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function serve(url: string): Promise<Response> {
  return protocol.handlers.get('app')!({ url });
}
const fileUrl = (...parts: string[]) => pathToFileURL(path.join(...parts)).toString();

describe('app:// protocol', () => {
  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer folder with the CSP header', async () => {
    serveRenderer(renderer);
    const response = await serve('app://kiosk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(RENDERER_CSP);
    expect(net.fetch).toHaveBeenCalledWith(fileUrl(renderer, 'index.html'));
    await serve('app://kiosk/assets/app.js');
    expect(net.fetch).toHaveBeenLastCalledWith(fileUrl(renderer, 'assets', 'app.js'));
  });

  it('answers 404 to another host, a path outside the folder, a malformed path and a missing file', async () => {
    serveRenderer(renderer);
    for (const url of [
      'app://evil/index.html',
      'app://kiosk.evil/index.html',
      'app://kiosk@evil/index.html',
      'app://kiosk/..%2f..%2foutside/secret.txt',
      'app://kiosk/..%2foutside%2fsecret.txt',
      'app://kiosk/%E0%A4%A',
      'app://kiosk/missing.js',
    ]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('keeps dot segments inside the folder (the URL parser resolves them first)', async () => {
    await mkdir(path.join(renderer, 'etc'));
    await writeFile(path.join(renderer, 'etc', 'passwd'), 'not the real one');
    serveRenderer(renderer);
    expect((await serve('app://kiosk/%2e%2e/%2e%2e/etc/passwd')).status).toBe(200);
    expect(net.fetch).toHaveBeenCalledWith(fileUrl(renderer, 'etc', 'passwd'));
  });
});

describe('app:// protocol and symlinks', () => {
  it('refuses a symlink inside the folder that points to a file outside it', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(renderer, 'assets', 'leak.js'));
    serveRenderer(renderer);
    expect((await serve('app://kiosk/assets/leak.js')).status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('refuses a symlinked folder inside that leads outside, and a relative link that climbs out', async () => {
    await symlink(outside, path.join(renderer, 'more'));
    await symlink('../../outside/secret.txt', path.join(renderer, 'assets', 'climb.js'));
    serveRenderer(renderer);
    expect((await serve('app://kiosk/more/secret.txt')).status).toBe(404);
    expect((await serve('app://kiosk/assets/climb.js')).status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('refuses a dangling symlink and a symlink loop', async () => {
    await symlink(path.join(tmp, 'nowhere.js'), path.join(renderer, 'dangling.js'));
    await symlink(path.join(renderer, 'loop-b'), path.join(renderer, 'loop-a'));
    await symlink(path.join(renderer, 'loop-a'), path.join(renderer, 'loop-b'));
    serveRenderer(renderer);
    expect((await serve('app://kiosk/dangling.js')).status).toBe(404);
    expect((await serve('app://kiosk/loop-a')).status).toBe(404);
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('serves a symlink that stays inside the folder, by its real path', async () => {
    await symlink(path.join(renderer, 'assets', 'app.js'), path.join(renderer, 'alias.js'));
    serveRenderer(renderer);
    expect((await serve('app://kiosk/alias.js')).status).toBe(200);
    expect(net.fetch).toHaveBeenCalledWith(fileUrl(renderer, 'assets', 'app.js'));
  });

  it('works when the renderer folder itself is reached through a symlink (as /tmp is on macOS)', async () => {
    const linkedRoot = path.join(tmp, 'current');
    await symlink(renderer, linkedRoot);
    await symlink(path.join(outside, 'secret.txt'), path.join(renderer, 'leak.js'));
    serveRenderer(linkedRoot);
    expect((await serve('app://kiosk/')).status).toBe(200);
    expect(net.fetch).toHaveBeenCalledWith(fileUrl(renderer, 'index.html'));
    expect((await serve('app://kiosk/leak.js')).status).toBe(404);
  });
});
