import type { SafeStorage } from 'electron';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module, for unit tests on machines without Electron's binary:
 * `vi.mock('electron', () => import('./testing/fake-electron'))`. It records what the code under test asked of
 * Electron (window options, handlers, menu, loaded URL) and lets a test fire Electron's events by hand.
 * Only the parts src/main/electron uses exist.
 */

type Handler = (...args: never[]) => unknown;

class Emitter {
  readonly handlers = new Map<string, Handler[]>();
  on(name: string, handler: Handler): this {
    this.handlers.set(name, [...(this.handlers.get(name) ?? []), handler]);
    return this;
  }
  once(name: string, handler: Handler): this {
    return this.on(name, handler);
  }
  /** Fires `name` at every handler, as Electron would. */
  emit(name: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(name) ?? []) (handler as (...a: unknown[]) => unknown)(...args);
  }
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends Emitter {
  mainFrame = new FakeFrame('app://kiosk/index.html');
  /** Every contents of the fake app shares the default session, as a window without a partition does. */
  get session(): typeof session.defaultSession {
    return session.defaultSession;
  }
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  setVisualZoomLevelLimits = vi.fn(async () => undefined);
  closeDevTools = vi.fn();
  send = vi.fn();
  print = vi.fn();
  getPrintersAsync = vi.fn(async (): Promise<Array<Record<string, unknown>>> => []);
}

export class BrowserWindow extends Emitter {
  static instances: BrowserWindow[] = [];
  static getAllWindows = (): BrowserWindow[] => BrowserWindow.instances;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  reload = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  isDestroyed = (): boolean => this.destroyed;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
}

export const app = {
  isPackaged: false,
  getPath: vi.fn(() => '/tmp'),
  setPath: vi.fn(),
  on: vi.fn(),
  quit: vi.fn(),
  exit: vi.fn(),
};

export const Menu = { setApplicationMenu: vi.fn() };

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;

export const session = {
  defaultSession: {
    requestHandler: undefined as PermissionRequestHandler | undefined,
    checkHandler: undefined as ((...args: unknown[]) => boolean) | undefined,
    setPermissionRequestHandler: vi.fn((handler: PermissionRequestHandler) => {
      session.defaultSession.requestHandler = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: (...args: unknown[]) => boolean) => {
      session.defaultSession.checkHandler = handler;
    }),
  },
};

export const ipcMain = {
  handlers: new Map<string, (event: unknown, request: unknown) => unknown>(),
  handle: vi.fn((channel: string, handler: (event: unknown, request: unknown) => unknown) => {
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const protocol = {
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const net = {
  fetch: vi.fn(async (url: string) => new Response(`contents of ${url}`, { headers: { 'content-type': 'text/html' } })),
  isOnline: vi.fn(() => true),
};

export const dialog = { showErrorBox: vi.fn() };
export const powerSaveBlocker = { start: vi.fn() };

/**
 * safeStorage, modelled closely enough to test the store: ciphertext is `<key>:<base64 plaintext>`; the current key
 * is `keyVersion`, and text under an older key decrypts with `shouldReEncrypt`. On Linux `basic_text` it encrypts
 * (with the fixed key "v10") only after `setUsePlainTextEncryption(true)`, as Electron does.
 */
export const safeStorageState = {
  backend: 'gnome_libsecret' as ReturnType<SafeStorage['getSelectedStorageBackend']>,
  keyringAvailable: true,
  plainText: false,
  keyVersion: 'v11',
  calls: [] as string[],
};

function available(): boolean {
  const s = safeStorageState;
  return s.backend === 'basic_text' ? s.plainText : s.keyringAvailable;
}
function encrypt(plain: string): Buffer {
  if (!available()) throw new Error('Encryption is not available.');
  const key = safeStorageState.backend === 'basic_text' ? 'v10' : safeStorageState.keyVersion;
  return Buffer.from(`${key}:${Buffer.from(plain).toString('base64')}`);
}
function decrypt(encrypted: Buffer): { result: string; shouldReEncrypt: boolean } {
  if (!available()) throw new Error('Decryption is not available.');
  const [key, body] = encrypted.toString().split(':');
  if (body === undefined) throw new Error('Ciphertext does not appear to be encrypted.');
  const current = safeStorageState.backend === 'basic_text' ? 'v10' : safeStorageState.keyVersion;
  return { result: Buffer.from(body, 'base64').toString(), shouldReEncrypt: key !== current };
}

export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => {
    safeStorageState.calls.push('isEncryptionAvailable');
    return available();
  }),
  encryptString: vi.fn((plain: string) => {
    safeStorageState.calls.push('encryptString');
    return encrypt(plain);
  }),
  decryptString: vi.fn((encrypted: Buffer) => {
    safeStorageState.calls.push('decryptString');
    return decrypt(encrypted).result;
  }),
  isAsyncEncryptionAvailable: vi.fn(async () => {
    safeStorageState.calls.push('isAsyncEncryptionAvailable');
    return available();
  }),
  encryptStringAsync: vi.fn(async (plain: string) => {
    safeStorageState.calls.push('encryptStringAsync');
    return encrypt(plain);
  }),
  decryptStringAsync: vi.fn(async (encrypted: Buffer) => {
    safeStorageState.calls.push('decryptStringAsync');
    return decrypt(encrypted);
  }),
  getSelectedStorageBackend: vi.fn(() => safeStorageState.backend),
  setUsePlainTextEncryption: vi.fn((use: boolean) => {
    safeStorageState.calls.push(`setUsePlainTextEncryption(${use})`);
    safeStorageState.plainText = use;
  }),
};

/** Back to a fresh, unpackaged app with a working keyring. */
export function resetFakeElectron(): void {
  BrowserWindow.instances = [];
  app.isPackaged = false;
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  session.defaultSession.requestHandler = undefined;
  session.defaultSession.checkHandler = undefined;
  Object.assign(safeStorageState, {
    backend: 'gnome_libsecret',
    keyringAvailable: true,
    plainText: false,
    keyVersion: 'v11',
    calls: [],
  });
  // Also undoes a test's mockImplementation, back to the implementations above.
  vi.resetAllMocks();
}
