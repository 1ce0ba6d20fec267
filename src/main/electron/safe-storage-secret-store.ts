import { promises as fs } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { readFileIfExists, writeFileDurably } from '../core/storage/durable-file';
import { SecretStoreRefusal, type SecretStore } from '../core/host/secret-store';
import {
  describeLevel,
  LINUX_KEYRING_BACKENDS,
  safeStorageLevel,
  tokenProtectionOf,
  writeVerdict,
  type SafeStorageLevel,
} from './token-protection';

/**
 * safeStorage behind one asynchronous shape. Electron 45 deprecates the synchronous API in favour of
 * isAsyncEncryptionAvailable / encryptStringAsync / decryptStringAsync (which also report key rotation); the
 * synchronous one is used only where this Electron lacks the asynchronous one.
 */
export interface TokenCipher {
  readonly api: 'async' | 'sync';
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

type MaybeAsyncSafeStorage = Omit<
  Electron.SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> &
  Partial<Pick<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'>>;

export function safeStorageCipher(storage: MaybeAsyncSafeStorage = safeStorage): TokenCipher {
  const { isAsyncEncryptionAvailable, encryptStringAsync, decryptStringAsync } = storage;
  if (isAsyncEncryptionAvailable && encryptStringAsync && decryptStringAsync) {
    return {
      api: 'async',
      isAvailable: () => isAsyncEncryptionAvailable.call(storage),
      encrypt: (plain) => encryptStringAsync.call(storage, plain),
      decrypt: (encrypted) => decryptStringAsync.call(storage, encrypted),
    };
  }
  return {
    api: 'sync',
    isAvailable: async () => storage.isEncryptionAvailable(),
    encrypt: async (plain) => storage.encryptString(plain),
    decrypt: async (encrypted) => ({ result: storage.decryptString(encrypted), shouldReEncrypt: false }),
  };
}

/**
 * The API token at rest in `<data dir>/api-token.enc` (base64 of safeStorage's ciphertext, mode 0600).
 *
 * On Linux without a keyring (`basic_text`) Electron can only encrypt with a fixed key, which anyone who can read
 * the file can undo: the token is then written only with a supervisor's consent, and plain-text encryption is
 * switched on only at that point (or to read back a token written that way).
 */
export function safeStorageSecretStore(
  dataDir: string,
  options: { platform?: NodeJS.Platform; storage?: MaybeAsyncSafeStorage; warn?: (line: string) => void } = {},
): SecretStore {
  const platform = options.platform ?? process.platform;
  const warn = options.warn ?? ((line: string) => console.warn(line));
  const storage = options.storage ?? safeStorage;
  const cipher = safeStorageCipher(storage);
  const file = path.join(dataDir, 'api-token.enc');
  let lastLevel: SafeStorageLevel | undefined;

  const linuxBackend = (): string | undefined => {
    if (platform !== 'linux') return undefined;
    let backend: string = storage.getSelectedStorageBackend();
    // Some Electron versions pick the Linux backend lazily, on the first use of the synchronous API; ask it once
    // (only to learn the backend) rather than guess. Whatever stays unrecognised counts as obscured.
    const known = backend === 'basic_text' || LINUX_KEYRING_BACKENDS.includes(backend);
    if (!known && typeof storage.isEncryptionAvailable === 'function') {
      storage.isEncryptionAvailable();
      backend = storage.getSelectedStorageBackend();
    }
    return backend;
  };

  const assess = async (): Promise<SafeStorageLevel> => {
    const backend = linuxBackend();
    lastLevel = safeStorageLevel({ platform, linuxBackend: backend, encryptionAvailable: await cipher.isAvailable() });
    return lastLevel;
  };

  /** Electron encrypts with its fixed key on basic_text only once told to; this is the one place it is told. */
  const allowObscured = (): void => {
    if (platform === 'linux' && linuxBackend() === 'basic_text') storage.setUsePlainTextEncryption(true);
  };

  const write = async (token: string): Promise<void> => {
    const encrypted = await cipher.encrypt(token);
    await writeFileDurably(file, encrypted.toString('base64'));
    await fs.chmod(file, 0o600);
  };

  return {
    async readToken() {
      const encoded = await readFileIfExists(file);
      const level = await assess();
      if (encoded === undefined || encoded.trim() === '') return undefined;
      // The file exists, so a supervisor accepted obscured storage when it was written.
      if (level === 'obscured') allowObscured();
      if (!(await cipher.isAvailable())) {
        warn('A saved API token exists, but this computer offers no way to decrypt it now; it is ignored.');
        return undefined;
      }
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await cipher.decrypt(Buffer.from(encoded.trim(), 'base64'));
      } catch (error) {
        // Treated as no saved token rather than a failed start: a token given by flag or environment must still
        // work, and saving one in Settings replaces the unreadable file.
        warn(
          'The saved API token could not be decrypted (was the OS keyring reset?) and is ignored; give it again ' +
            `in Settings, with OPSCOM_TOKEN or with --token-file. (${error instanceof Error ? error.message : String(error)})`,
        );
        return undefined;
      }
      if (decrypted.shouldReEncrypt) {
        // The key was rotated or a better one is available: store the token under it. Best effort, the token read
        // is good either way and the next start tries again.
        await write(decrypted.result).catch(() => undefined);
      }
      return decrypted.result;
    },
    async writeToken(token, writeOptions) {
      const level = await assess();
      const verdict = writeVerdict(level, writeOptions);
      if (verdict !== 'write') throw new SecretStoreRefusal(verdict);
      if (level === 'obscured') {
        allowObscured();
        if (!(await cipher.isAvailable())) throw new SecretStoreRefusal('no-encryption');
      }
      await write(token);
    },
    async protection() {
      return tokenProtectionOf(await assess());
    },
    describe() {
      if (lastLevel !== undefined) return describeLevel(lastLevel);
      // Not yet assessed (that needs a promise): say only what is known without one.
      const backend = platform === 'linux' ? storage.getSelectedStorageBackend() : undefined;
      return describeLevel(backend === 'basic_text' ? 'obscured' : undefined);
    },
  };
}
