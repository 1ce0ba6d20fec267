import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readFileIfExists, writeFileDurably } from '../core/storage/durable-file';
import type { SecretStore } from '../core/host/secret-store';

/**
 * The station has no OS keyring to lean on, so the token rests in a file only this user can read (mode 0600).
 * The Electron app encrypts it with safeStorage instead; docs/security.md, "The API token at rest", says which is which.
 */
export function fileSecretStore(dataDir: string): SecretStore {
  const file = path.join(dataDir, 'api-token');
  return {
    async readToken() {
      const text = await readFileIfExists(file);
      return text?.trim() || undefined;
    },
    async writeToken(token) {
      await writeFileDurably(file, token);
      await fs.chmod(file, 0o600);
    },
    protection: async () => 'file',
    describe: () => `stored unencrypted in ${file}, readable only by this user`,
  };
}
