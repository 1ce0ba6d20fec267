import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/contract';
import type { KioskCore } from '../core/host/kiosk-core';
import { currentLaunch } from './launch';
import { ipcSenderVerdict, type Launch } from './policy';

const REFUSED = {
  ok: false,
  error: { code: 'not-allowed', problem: { code: 'not-kiosk-page' }, message: 'Refused: not the kiosk page.' },
} as const;

/**
 * One ipcMain handler per contract channel, all through the core's validating dispatcher. A message from anything
 * but our window's own main frame, showing our own origin (compared as parsed origins), is refused.
 */
export function registerIpc(core: KioskCore, window: BrowserWindow, launch: Launch = currentLaunch()): () => void {
  const isTrusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    const verdict = ipcSenderVerdict(
      {
        fromOurWindow: frame !== null && event.sender === window.webContents,
        isMainFrame: frame !== null && frame === window.webContents.mainFrame,
        frameUrl: frameUrlOf(frame),
      },
      launch,
    );
    return verdict === 'allowed';
  };
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event, request: unknown) =>
      isTrusted(event) ? core.dispatch(channel, request) : REFUSED,
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

/** A frame that navigated away or was destroyed throws on access: then there is no URL to trust. */
function frameUrlOf(frame: { url: string } | null): string | undefined {
  try {
    return frame?.url;
  } catch {
    return undefined;
  }
}
