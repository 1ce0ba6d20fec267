import type { BrowserWindow as ElectronBrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../shared/contract';
import type { KioskCore } from '../core/host/kiosk-core';
import { registerIpc } from './ipc';
import type { Launch } from './policy';
import { app, BrowserWindow, FakeFrame, FakeWebContents, ipcMain, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

const channel = channelNames[0]!;

function setUp(launch?: Launch) {
  const window = new BrowserWindow({});
  const unsubscribe = vi.fn();
  let listener: ((event: string, payload: unknown) => void) | undefined;
  const core = {
    dispatch: vi.fn(async () => ({ ok: true, value: 'dispatched' })),
    events: {
      subscribe: vi.fn((l: (event: string, payload: unknown) => void) => {
        listener = l;
        return unsubscribe;
      }),
    },
  };
  const stop = registerIpc(core as unknown as KioskCore, window as unknown as ElectronBrowserWindow, launch);
  const invoke = (event: { sender: unknown; senderFrame: FakeFrame | null }) =>
    ipcMain.handlers.get(channel)!(event, { any: 'request' });
  return { window, core, stop, unsubscribe, invoke, emit: (e: string, p: unknown) => listener?.(e, p) };
}

const refused = {
  ok: false,
  error: { code: 'not-allowed', problem: { code: 'not-kiosk-page' }, message: 'Refused: not the kiosk page.' },
};
const packaged: Launch = { packaged: true };
const dev: Launch = { packaged: false, devServer: 'http://localhost:5173' };

beforeEach(() => resetFakeElectron());

describe('registerIpc', () => {
  it('registers one handler per contract channel and dispatches for our page', async () => {
    const { window, core, invoke } = setUp(packaged);
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...channelNames].sort());
    const main = window.webContents.mainFrame;
    await expect(invoke({ sender: window.webContents, senderFrame: main })).resolves.toEqual({
      ok: true,
      value: 'dispatched',
    });
    expect(core.dispatch).toHaveBeenCalledWith(channel, { any: 'request' });
  });

  it('refuses a main frame that shows a foreign origin', () => {
    const { window, core, invoke } = setUp(packaged);
    for (const url of ['https://evil.example/', 'app://kiosk.evil/', 'app://kiosk@evil/', 'about:blank']) {
      window.webContents.mainFrame.url = url;
      expect(invoke({ sender: window.webContents, senderFrame: window.webContents.mainFrame }), url).toEqual(refused);
    }
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a subframe, even one on our origin', () => {
    const { window, core, invoke } = setUp(packaged);
    const subframe = new FakeFrame('app://kiosk/index.html');
    expect(invoke({ sender: window.webContents, senderFrame: subframe })).toEqual(refused);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses other web contents and a sender without a frame', () => {
    const { window, core, invoke } = setUp(packaged);
    const other = new FakeWebContents();
    expect(invoke({ sender: other, senderFrame: other.mainFrame })).toEqual(refused);
    expect(invoke({ sender: window.webContents, senderFrame: null })).toEqual(refused);
    expect(core.dispatch).not.toHaveBeenCalled();
  });

  it('refuses a frame whose URL can no longer be read (destroyed)', () => {
    const { window, invoke } = setUp(packaged);
    Object.defineProperty(window.webContents.mainFrame, 'url', {
      get: () => {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    expect(invoke({ sender: window.webContents, senderFrame: window.webContents.mainFrame })).toEqual(refused);
  });

  it('unpackaged, trusts exactly the dev server’s origin', async () => {
    const { window, core, invoke } = setUp(dev);
    const frame = window.webContents.mainFrame;
    frame.url = 'http://localhost:5173/';
    await expect(invoke({ sender: window.webContents, senderFrame: frame })).resolves.toMatchObject({ ok: true });
    for (const url of ['http://localhost/', 'http://localhost:51730/', 'http://127.0.0.1:5173/']) {
      frame.url = url;
      expect(invoke({ sender: window.webContents, senderFrame: frame }), url).toEqual(refused);
    }
    expect(core.dispatch).toHaveBeenCalledTimes(1);
  });

  it('packaged, ignores ELECTRON_RENDERER_URL (launch read from the app and the environment)', () => {
    const saved = process.env.ELECTRON_RENDERER_URL;
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    app.isPackaged = true;
    try {
      const { window, core, invoke } = setUp();
      window.webContents.mainFrame.url = 'http://localhost:5173/';
      expect(invoke({ sender: window.webContents, senderFrame: window.webContents.mainFrame })).toEqual(refused);
      expect(core.dispatch).not.toHaveBeenCalled();
    } finally {
      if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
      else process.env.ELECTRON_RENDERER_URL = saved;
    }
  });

  it('forwards core events to the window until stopped, then removes every handler', () => {
    const { window, stop, unsubscribe, emit } = setUp(packaged);
    emit('permit-changed', { id: 1 });
    expect(window.webContents.send).toHaveBeenCalledWith('permit-changed', { id: 1 });
    window.destroyed = true;
    emit('permit-changed', { id: 2 });
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
    stop();
    expect(unsubscribe).toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
