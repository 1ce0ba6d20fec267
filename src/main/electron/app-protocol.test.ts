import { beforeEach, describe, expect, it, vi } from 'vitest';
import { RENDERER_CSP } from '../csp';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { net, protocol, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

beforeEach(() => resetFakeElectron());

function serve(url: string): Promise<Response> {
  return protocol.handlers.get('app')!({ url });
}

describe('app:// protocol', () => {
  it('registers app: as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves the renderer folder with the CSP header', async () => {
    serveRenderer('/srv/renderer');
    const response = await serve('app://kiosk/');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(RENDERER_CSP);
    expect(net.fetch).toHaveBeenCalledWith('file:///srv/renderer/index.html');
    await serve('app://kiosk/assets/app.js');
    expect(net.fetch).toHaveBeenLastCalledWith('file:///srv/renderer/assets/app.js');
  });

  it('answers 404 to another host, a path outside the folder and a malformed path', async () => {
    serveRenderer('/srv/renderer');
    for (const url of [
      'app://evil/index.html',
      'app://kiosk.evil/index.html',
      'app://kiosk@evil/index.html',
      'app://kiosk/..%2f..%2fetc/passwd',
      'app://kiosk/%E0%A4%A',
    ]) {
      expect((await serve(url)).status, url).toBe(404);
    }
    expect(net.fetch).not.toHaveBeenCalled();
  });

  it('keeps dot segments inside the folder (the URL parser resolves them first)', async () => {
    serveRenderer('/srv/renderer');
    await serve('app://kiosk/%2e%2e/%2e%2e/etc/passwd');
    expect(net.fetch).toHaveBeenCalledWith('file:///srv/renderer/etc/passwd');
  });
});
