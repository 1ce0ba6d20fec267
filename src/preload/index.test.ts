/* eslint-disable no-restricted-imports -- a test: runs in Node under vitest, never in the sandboxed preload */
import { readFileSync } from 'node:fs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, eventNames } from '../shared/contract';
import { contextBridge, exposed, ipcRenderer } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

interface PageKiosk {
  send(channel: string, request: unknown): Promise<unknown>;
  on(event: string, listener: (...args: unknown[]) => void): () => void;
}

let kiosk: PageKiosk;

beforeAll(async () => {
  await import('./index');
  kiosk = exposed.get('kiosk') as PageKiosk;
});

beforeEach(() => {
  ipcRenderer.invoke.mockClear();
  ipcRenderer.listeners.clear();
});

const NOT_NAMES = [
  '',
  'kiosk',
  'KIOSK:INFO',
  'kiosk:info ',
  'kiosk:info\n',
  'kiosk::info',
  'kiosk:info:x',
  '__proto__',
  'constructor',
  'ELECTRON_BROWSER_REQUIRE',
  'electron:foo_bar',
  `kiosk:${'a'.repeat(64)}`,
];

describe('what the page gets', () => {
  it('is exactly { send, on }, through contextBridge, once', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(Object.keys(kiosk).sort()).toEqual(['on', 'send']);
  });

  it('bundles no schemas: the preload imports only electron', () => {
    const source = readFileSync(new URL('./index.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports).toEqual(['electron']);
  });

  it('accepts every channel and event name of the contract', async () => {
    for (const name of channelNames) await expect(kiosk.send(name, {}), name).resolves.toBeDefined();
    expect(ipcRenderer.invoke).toHaveBeenCalledTimes(channelNames.length);
    for (const name of eventNames) expect(() => kiosk.on(name, () => undefined), name).not.toThrow();
  });
});

describe('send', () => {
  it('passes a contract channel and its request to main and resolves with main’s answer as it is', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { anything: 1 } });
    await expect(kiosk.send('permits:quote-extend', { ticketNumber: 'T-1', minutes: 30 })).resolves.toEqual({
      ok: true,
      value: { anything: 1 },
    });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('permits:quote-extend', { ticketNumber: 'T-1', minutes: 30 });
  });

  it('refuses any other name without touching IPC', async () => {
    for (const name of [...NOT_NAMES, 42, null, { toString: () => 'kiosk:info' }]) {
      await expect(kiosk.send(name as string, {}), String(name)).rejects.toThrow('Not a kiosk channel.');
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('on', () => {
  it('hands the listener the payload only, never Electron’s event object', () => {
    const listener = vi.fn();
    kiosk.on('permit:changed', listener);
    ipcRenderer.emit('permit:changed', { ticketNumber: 'T-1' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ ticketNumber: 'T-1' }]);
  });

  it('returns the function that removes that listener, and only that one', () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = kiosk.on('outbox:changed', first);
    kiosk.on('outbox:changed', second);
    stopFirst();
    ipcRenderer.emit('outbox:changed', { waiting: 1 });
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('refuses other names and a listener that is not a function', () => {
    for (const name of NOT_NAMES) expect(() => kiosk.on(name, () => undefined), name).toThrow('Not a kiosk event.');
    expect(() => kiosk.on('permit:changed', 'alert(1)' as never)).toThrow('A listener must be a function.');
    expect(ipcRenderer.on).not.toHaveBeenCalledWith('__proto__', expect.anything());
  });
});
