import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SecretStoreRefusal } from '../core/host/secret-store';
import { safeStorageCipher, safeStorageSecretStore } from './safe-storage-secret-store';
import { resetFakeElectron, safeStorage, safeStorageState } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

let dir: string;
const tokenFile = () => path.join(dir, 'api-token.enc');
const mode = async () => (await fs.stat(tokenFile())).mode & 0o777;
const exists = () =>
  fs.stat(tokenFile()).then(
    () => true,
    () => false,
  );

beforeEach(async () => {
  resetFakeElectron();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-secrets-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('safeStorageSecretStore with a keyring', () => {
  it('uses the asynchronous safeStorage API, writes 0600 and reads the token back', async () => {
    const store = safeStorageSecretStore(dir, { platform: 'linux' });
    await expect(store.protection()).resolves.toBe('keyring');
    await store.writeToken('SECRET-TOKEN-1');
    expect(await mode()).toBe(0o600);
    expect(await fs.readFile(tokenFile(), 'utf8')).not.toContain('SECRET-TOKEN-1');
    await expect(safeStorageSecretStore(dir, { platform: 'linux' }).readToken()).resolves.toBe('SECRET-TOKEN-1');
    expect(safeStorageState.calls).toContain('encryptStringAsync');
    expect(safeStorageState.calls).toContain('decryptStringAsync');
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
    expect(safeStorage.setUsePlainTextEncryption).not.toHaveBeenCalled();
    expect(store.describe()).toBe('encrypted with the operating system keyring');
  });

  it('is keyring on macOS and Windows, and never asks about a Linux backend there', async () => {
    for (const platform of ['darwin', 'win32'] as const) {
      await expect(safeStorageSecretStore(dir, { platform }).protection()).resolves.toBe('keyring');
    }
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('reads nothing when no token was saved', async () => {
    await expect(safeStorageSecretStore(dir, { platform: 'linux' }).readToken()).resolves.toBeUndefined();
  });

  it('re-encrypts and rewrites the file when decryptStringAsync says shouldReEncrypt', async () => {
    await safeStorageSecretStore(dir, { platform: 'linux' }).writeToken('SECRET-TOKEN-1');
    expect(await fs.readFile(tokenFile(), 'utf8')).toBe(
      Buffer.from('v11:' + btoa('SECRET-TOKEN-1')).toString('base64'),
    );
    safeStorageState.keyVersion = 'v12'; // the key was rotated
    await fs.chmod(tokenFile(), 0o644);
    await expect(safeStorageSecretStore(dir, { platform: 'linux' }).readToken()).resolves.toBe('SECRET-TOKEN-1');
    const rewritten = Buffer.from(await fs.readFile(tokenFile(), 'utf8'), 'base64').toString();
    expect(rewritten.startsWith('v12:')).toBe(true);
    expect(await mode()).toBe(0o600);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
  });

  it('does not rewrite when shouldReEncrypt is false', async () => {
    await safeStorageSecretStore(dir, { platform: 'linux' }).writeToken('SECRET-TOKEN-1');
    vi.clearAllMocks();
    await safeStorageSecretStore(dir, { platform: 'linux' }).readToken();
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });

  it('ignores a saved token it cannot decrypt, with a warning, so a token from flag or environment still works', async () => {
    await fs.writeFile(tokenFile(), Buffer.from('garbage').toString('base64'));
    const warn = vi.fn();
    await expect(safeStorageSecretStore(dir, { platform: 'linux', warn }).readToken()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^The saved API token could not be decrypted/));
  });

  it('learns a lazily chosen Linux backend by asking the synchronous API once', async () => {
    let chosen = false;
    safeStorage.getSelectedStorageBackend.mockImplementation(() => (chosen ? 'kwallet6' : 'unknown'));
    safeStorage.isEncryptionAvailable.mockImplementation(() => {
      chosen = true;
      return true;
    });
    await expect(safeStorageSecretStore(dir, { platform: 'linux' }).protection()).resolves.toBe('keyring');
  });
});

describe('safeStorageSecretStore on Linux without a keyring (basic_text)', () => {
  beforeEach(() => {
    safeStorageState.backend = 'basic_text';
  });

  it('reports obscured and refuses to write without a supervisor’s consent', async () => {
    const store = safeStorageSecretStore(dir, { platform: 'linux' });
    await expect(store.protection()).resolves.toBe('obscured');
    const attempt = store.writeToken('SECRET-TOKEN-1');
    await expect(attempt).rejects.toBeInstanceOf(SecretStoreRefusal);
    await expect(attempt).rejects.toMatchObject({ code: 'obscured-needs-consent' });
    await expect(store.writeToken('SECRET-TOKEN-1', { obscuredConsent: false })).rejects.toMatchObject({
      code: 'obscured-needs-consent',
    });
    expect(await exists()).toBe(false);
    expect(safeStorage.setUsePlainTextEncryption).not.toHaveBeenCalled();
    expect(store.describe()).toBe('obscured only: no OS keyring was found on this computer');
  });

  it('writes with consent (switching on plain-text encryption), 0600, and reads back after a restart', async () => {
    const store = safeStorageSecretStore(dir, { platform: 'linux' });
    await store.writeToken('SECRET-TOKEN-1', { obscuredConsent: true });
    expect(safeStorage.setUsePlainTextEncryption).toHaveBeenCalledWith(true);
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledWith('SECRET-TOKEN-1');
    expect(await mode()).toBe(0o600);

    safeStorageState.plainText = false; // a new process starts with Electron's default
    await expect(safeStorageSecretStore(dir, { platform: 'linux' }).readToken()).resolves.toBe('SECRET-TOKEN-1');
  });

  it('describes itself as obscured even before any asynchronous check', () => {
    expect(safeStorageSecretStore(dir, { platform: 'linux' }).describe()).toMatch(/^obscured only/);
  });
});

describe('safeStorageSecretStore with no encryption at all', () => {
  it('refuses with no-encryption, consent or not, and reports the token as held in memory only', async () => {
    safeStorageState.keyringAvailable = false;
    const store = safeStorageSecretStore(dir, { platform: 'win32' });
    await expect(store.protection()).resolves.toBe('memory');
    for (const options of [undefined, { obscuredConsent: true }]) {
      await expect(store.writeToken('SECRET-TOKEN-1', options)).rejects.toMatchObject({
        name: 'SecretStoreRefusal',
        code: 'no-encryption',
      });
    }
    expect(await exists()).toBe(false);
    expect(store.describe()).toMatch(/^not stored/);
  });
});

describe('safeStorageSecretStore when the keyring goes away', () => {
  it('ignores the saved token, with a warning, rather than failing the start', async () => {
    await safeStorageSecretStore(dir, { platform: 'darwin' }).writeToken('SECRET-TOKEN-1');
    safeStorageState.keyringAvailable = false;
    const warn = vi.fn();
    await expect(safeStorageSecretStore(dir, { platform: 'darwin', warn }).readToken()).resolves.toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/no way to decrypt it now/));
  });
});

describe('safeStorageCipher', () => {
  it('uses the asynchronous API when this Electron has it', () => {
    expect(safeStorageCipher(safeStorage).api).toBe('async');
  });

  it('falls back to the synchronous API only when the asynchronous one is absent', async () => {
    const { isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync, ...older } = safeStorage;
    void [isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync];
    expect(safeStorageCipher(older).api).toBe('sync');

    const store = safeStorageSecretStore(dir, { platform: 'darwin', storage: older });
    await store.writeToken('SECRET-TOKEN-1');
    await expect(store.readToken()).resolves.toBe('SECRET-TOKEN-1');
    expect(safeStorage.encryptString).toHaveBeenCalled();
    expect(safeStorage.decryptString).toHaveBeenCalled();
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
  });
});
