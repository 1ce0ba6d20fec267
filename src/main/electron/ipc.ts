import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { KioskCore } from '../core/kiosk-core';
import { APP_ORIGIN } from './app-protocol';

/**
 * One ipcMain handler per contract channel, all through the core's validating dispatcher. A message from any
 * frame other than our window's own page is refused.
 */
export function registerIpc(core: KioskCore, window: BrowserWindow): () => void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || event.sender !== window.webContents || frame !== window.webContents.mainFrame) return false;
    const origin = new URL(frame.url).origin;
    return origin === APP_ORIGIN || (process.env.ELECTRON_RENDERER_URL?.startsWith(origin) ?? false);
  };
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, request: unknown) =>
      isTrusted(event)
        ? core.dispatch(channel, request)
        : { ok: false, error: { code: 'unknown-channel', message: 'Refused: not the kiosk page.' } },
    );
  }
  const unsubscribe = core.events.subscribe((event, payload) => {
    if (!window.isDestroyed()) window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
