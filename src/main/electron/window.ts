import path from 'node:path';
import { BrowserWindow, Menu, session } from 'electron';
import { currentLaunch } from './launch';
import { guardWebContents } from './contents-guard';
import { isDevToolsShortcut, isLockedDown, rendererEntryUrl, windowOptions, type Launch } from './policy';

/**
 * The one kiosk window, locked down per Electron's security checklist: isolated, sandboxed, no Node, no
 * navigation or redirect away from our own origin, no new windows, no permissions (Electron grants them all unless
 * told otherwise). Packaged (or in `--kiosk` mode): no DevTools, no application menu, DevTools keys swallowed.
 * The decisions live in policy.ts; this only wires them to Electron.
 */
export function createKioskWindow(options: { preloadPath: string; kiosk: boolean; launch?: Launch }): BrowserWindow {
  const launch = options.launch ?? currentLaunch();
  const lockedDown = isLockedDown({ packaged: launch.packaged, kiosk: options.kiosk });

  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  if (lockedDown) Menu.setApplicationMenu(null);

  const window = new BrowserWindow(
    windowOptions({ packaged: launch.packaged, kiosk: options.kiosk, preload: options.preloadPath }),
  );
  const contents = window.webContents;

  // Navigation, redirects, new windows, <webview> and permissions (contents-guard.ts). index.ts guards every other
  // web contents through app.on('web-contents-created'); this one is guarded here too, so the window is safe
  // however it is opened, and only once either way.
  guardWebContents(contents, launch);

  if (lockedDown) {
    contents.on('before-input-event', (event, input) => {
      if (isDevToolsShortcut(input)) event.preventDefault();
    });
    contents.on('devtools-opened', () => contents.closeDevTools());
  }

  contents.on('render-process-gone', () => window.reload());
  // A kiosk surface does not pinch-zoom: a stray two-finger touch must not leave the screen magnified.
  void contents.setVisualZoomLevelLimits(1, 1);
  window.once('ready-to-show', () => window.show());

  void window.loadURL(rendererEntryUrl(launch));
  return window;
}

export function preloadPath(mainDir: string): string {
  return path.join(mainDir, '../preload/index.cjs');
}
