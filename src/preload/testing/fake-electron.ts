/* eslint-disable no-restricted-imports -- test support: runs in Node under vitest, never in the sandboxed preload */
import { vi } from 'vitest';

/**
 * A stand-in for the parts of `electron` the preload uses: `vi.mock('electron', () => import('./testing/fake-electron'))`.
 * It records what the preload exposed and lets a test answer invokes and fire events as main would.
 */

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** What the preload handed to the page, by name. */
export const exposed = new Map<string, unknown>();

export const contextBridge = {
  exposeInMainWorld: vi.fn((name: string, api: unknown) => {
    exposed.set(name, api);
  }),
};

export const ipcRenderer = {
  listeners: new Map<string, IpcListener[]>(),
  invoke: vi.fn(async (_channel: string, _request: unknown): Promise<unknown> => ({ ok: true, value: null })),
  on: vi.fn((channel: string, listener: IpcListener) => {
    ipcRenderer.listeners.set(channel, [...(ipcRenderer.listeners.get(channel) ?? []), listener]);
    return ipcRenderer;
  }),
  removeListener: vi.fn((channel: string, listener: IpcListener) => {
    ipcRenderer.listeners.set(
      channel,
      (ipcRenderer.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return ipcRenderer;
  }),
  /** Main sends `payload` on `channel`, with Electron's event object first, as Electron does. */
  emit(channel: string, payload: unknown): void {
    const event = { sender: ipcRenderer, senderId: 0, ports: [] };
    for (const listener of ipcRenderer.listeners.get(channel) ?? []) listener(event, payload);
  },
};
