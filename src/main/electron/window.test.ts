import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, Menu, resetFakeElectron, session } from './testing/fake-electron';
import { createKioskWindow } from './window';

vi.mock('electron', () => import('./testing/fake-electron'));

/** Opens the window the way index.ts does, with the launch read from the (fake) app and the environment. */
function open(options: { packaged: boolean; kiosk?: boolean; devServer?: string }) {
  app.isPackaged = options.packaged;
  if (options.devServer === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = options.devServer;
  const returned = createKioskWindow({ preloadPath: '/app/out/preload/index.cjs', kiosk: options.kiosk ?? false });
  const window = BrowserWindow.instances.at(-1)!;
  expect(returned).toBe(window);
  return window;
}

function navigationPrevented(window: BrowserWindow, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  window.webContents.emit(event, { url, preventDefault, isMainFrame: true }, url);
  return preventDefault.mock.calls.length > 0;
}

const savedRendererUrl = process.env.ELECTRON_RENDERER_URL;
beforeEach(() => resetFakeElectron());
afterEach(() => {
  if (savedRendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = savedRendererUrl;
});

describe('createKioskWindow, packaged', () => {
  it('creates an isolated, sandboxed window without Node or DevTools', () => {
    const window = open({ packaged: true });
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        devTools: false,
      },
    });
  });

  it('removes the application menu', () => {
    open({ packaged: true });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('swallows DevTools shortcuts and closes DevTools should they open anyway', () => {
    const window = open({ packaged: true });
    const pressed = (input: Record<string, unknown>) => {
      const preventDefault = vi.fn();
      window.webContents.emit(
        'before-input-event',
        { preventDefault },
        { type: 'keyDown', key: '', code: '', control: false, shift: false, alt: false, meta: false, ...input },
      );
      return preventDefault.mock.calls.length > 0;
    };
    expect(pressed({ key: 'F12', code: 'F12' })).toBe(true);
    expect(pressed({ key: 'I', code: 'KeyI', control: true, shift: true })).toBe(true);
    expect(pressed({ key: 'i', code: 'KeyI', meta: true, alt: true })).toBe(true);
    expect(pressed({ key: 'A', code: 'KeyA', shift: true })).toBe(false);
    window.webContents.emit('devtools-opened');
    expect(window.webContents.closeDevTools).toHaveBeenCalled();
  });

  it('ignores ELECTRON_RENDERER_URL: loads its own page and refuses the dev server', () => {
    const window = open({ packaged: true, devServer: 'http://localhost:5173' });
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(window.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
    expect(navigationPrevented(window, 'will-navigate', 'http://localhost:5173/')).toBe(true);
    expect(navigationPrevented(window, 'will-redirect', 'http://localhost:5173/')).toBe(true);
  });
});

describe('createKioskWindow, unpackaged (development)', () => {
  it('loads the dev server and keeps DevTools and the menu', () => {
    const window = open({ packaged: false, devServer: 'http://localhost:5173' });
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(window.options).toMatchObject({ webPreferences: { devTools: true, contextIsolation: true, sandbox: true } });
    expect(Menu.setApplicationMenu).not.toHaveBeenCalled();
    expect(window.webContents.listenerCount('before-input-event')).toBe(0);
  });

  it('loads its own page without a dev server', () => {
    const window = open({ packaged: false });
    expect(window.loadURL).toHaveBeenCalledWith('app://kiosk/index.html');
  });

  it('locks down in --kiosk mode even unpackaged (npm start -- --kiosk)', () => {
    const window = open({ packaged: false, kiosk: true });
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false } });
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(window.webContents.listenerCount('before-input-event')).toBe(1);
  });
});

describe('navigation and redirects', () => {
  const own = ['app://kiosk/index.html', 'app://kiosk/', 'app://kiosk/index.html#/queue'];
  const foreign = [
    'https://example.com/',
    'app://kiosk.evil/',
    'app://kiosk@evil/',
    'app://evil/',
    'app://kiosk:8080/',
    'file:///etc/passwd',
    'http://localhost:51730/',
    'http://localhost/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
  ];

  for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
    it(`${event}: allows only our origin (and the dev server's exact origin, unpackaged)`, () => {
      const window = open({ packaged: false, devServer: 'http://localhost:5173' });
      for (const url of own) expect(navigationPrevented(window, event, url), url).toBe(false);
      expect(navigationPrevented(window, event, 'http://localhost:5173/index.html'), 'dev server').toBe(false);
      for (const url of foreign) expect(navigationPrevented(window, event, url), url).toBe(true);
    });
  }

  it('packaged: every handler refuses foreign URLs and the dev server alike', () => {
    const window = open({ packaged: true, devServer: 'http://localhost:5173' });
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) {
      for (const url of own) expect(navigationPrevented(window, event, url), `${event} ${url}`).toBe(false);
      for (const url of [...foreign, 'http://localhost:5173/']) {
        expect(navigationPrevented(window, event, url), `${event} ${url}`).toBe(true);
      }
    }
  });
});

describe('the rest of the checklist', () => {
  it('denies every permission request and check', () => {
    open({ packaged: true });
    const granted = vi.fn();
    session.defaultSession.requestHandler?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect(session.defaultSession.checkHandler?.({}, 'notifications')).toBe(false);
  });

  it('denies new windows', () => {
    const window = open({ packaged: true });
    expect(window.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
  });

  it('reloads when the renderer process is gone, and shows itself when ready', () => {
    const window = open({ packaged: true });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    expect(window.reload).toHaveBeenCalledTimes(1);
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalled();
    expect(window.webContents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
  });
});
