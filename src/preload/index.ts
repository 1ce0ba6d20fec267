import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';

/**
 * The page gets two functions and nothing of Electron: no ipcRenderer, no event objects (listeners receive only
 * the payload). The preload carries no schemas: main validates every request and answers only the contract's
 * channels, and the page checks main's answers and events against the contract itself
 * (src/renderer/src/app/transport/kiosk.ts).
 *
 * Names are held to the contract's form (`kiosk:info`, `permits:quote-extend`, `permit:changed`), so nothing
 * else on the IPC bus can be reached from the page; src/preload/index.test.ts checks every contract name fits.
 */
const CONTRACT_NAME = /^[a-z]+:[a-z]+(?:-[a-z]+)*$/;
const MAX_NAME_LENGTH = 64;

function isContractName(name: unknown): name is string {
  return typeof name === 'string' && name.length <= MAX_NAME_LENGTH && CONTRACT_NAME.test(name);
}

const kiosk = {
  send(channel: string, request: unknown): Promise<unknown> {
    if (!isContractName(channel)) return Promise.reject(new TypeError('Not a kiosk channel.'));
    return ipcRenderer.invoke(channel, request);
  },
  /** Returns the function that removes this listener. */
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!isContractName(event)) throw new TypeError('Not a kiosk event.');
    if (typeof listener !== 'function') throw new TypeError('A listener must be a function.');
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
};

contextBridge.exposeInMainWorld('kiosk', kiosk);
