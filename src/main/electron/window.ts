import path from 'node:path';
import { BrowserWindow, session } from 'electron';
import { APP_ORIGIN } from './app-protocol';

/**
 * The one kiosk window, locked down per Electron's security checklist: isolated, sandboxed, no Node, no
 * navigation away, no new windows, no permissions (Electron grants them all unless told otherwise).
 */
export function createKioskWindow(options: { preloadPath: string; kiosk: boolean }): BrowserWindow {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0b1220',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnPage(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('render-process-gone', () => window.reload());
  // A kiosk surface does not pinch-zoom: a stray two-finger touch must not leave the screen magnified.
  void window.webContents.setVisualZoomLevelLimits(1, 1);
  window.once('ready-to-show', () => window.show());

  const devServer = process.env.ELECTRON_RENDERER_URL;
  void window.loadURL(devServer ?? `${APP_ORIGIN}/index.html`);
  return window;
}

function isOwnPage(url: string): boolean {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return url.startsWith(`${APP_ORIGIN}/`) || (devServer !== undefined && url.startsWith(devServer));
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
