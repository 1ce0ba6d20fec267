import { contextBridge, ipcRenderer } from 'electron';
import { createKioskApi } from '../shared/kiosk-api';

/**
 * The page gets exactly the contract's API and nothing of Electron: no ipcRenderer, no event objects
 * (listeners receive only the payload).
 */
const api = createKioskApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe: (event, listener) => {
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('kiosk', api);
