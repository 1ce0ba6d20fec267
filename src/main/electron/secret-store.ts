import { promises as fs } from 'node:fs';
import path from 'node:path';
import { safeStorage } from 'electron';
import { readFileIfExists, writeFileDurably } from '../core/durable-file';
import type { SecretStore } from '../core/secrets';

/** The API token at rest, encrypted with the OS keyring through safeStorage. */
export function safeStorageSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'api-token.enc');
  return {
    async readToken() {
      const encoded = await readFileIfExists(file);
      if (!encoded || !safeStorage.isEncryptionAvailable()) return undefined;
      return safeStorage.decryptString(Buffer.from(encoded.trim(), 'base64'));
    },
    async writeToken(token) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new Error('This computer offers no way to encrypt the API token; it was not saved.');
      }
      await writeFileDurably(file, safeStorage.encryptString(token).toString('base64'));
      await fs.chmod(file, 0o600);
    },
    describe() {
      // On Linux without a keyring, Electron falls back to a fixed password: say so rather than claim safety.
      if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
        return 'obscured only: no OS keyring was found on this computer';
      }
      return 'encrypted with the operating system keyring';
    },
  };
}
