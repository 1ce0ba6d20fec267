/**
 * How well the API token is protected at rest:
 * - keyring: encrypted with the operating system's keyring (Keychain, DPAPI, libsecret/kwallet);
 * - obscured: encrypted with a fixed key because Linux has no keyring here (Electron's `basic_text`): anyone who
 *   can read the file can recover it, so it is only kept with a supervisor's explicit consent;
 * - file: a private file (mode 0600) in the data folder, the browser station's way;
 * - memory: never written (tests, or a token given on the command line or in the environment).
 */
export type TokenProtection = 'keyring' | 'obscured' | 'file' | 'memory';

/** Where the API token is kept at rest: `safeStorage` in Electron, a private file in the station. */
export interface SecretStore {
  readToken(): Promise<string | undefined>;
  /**
   * Keeps the token. Where protection is only `obscured`, refuses with SecretStoreRefusal('obscured-needs-consent')
   * unless `obscuredConsent` says a supervisor accepted that on the Settings screen.
   */
  writeToken(token: string, options?: { obscuredConsent?: boolean }): Promise<void>;
  protection(): Promise<TokenProtection>;
  /** One line for the settings screen and logs, e.g. "encrypted with the OS keyring". */
  describe(): string;
}

/** Why a secret store would not keep the token; the core turns the code into the screen's words. */
export class SecretStoreRefusal extends Error {
  override name = 'SecretStoreRefusal';
  constructor(readonly code: 'obscured-needs-consent' | 'no-encryption') {
    super(
      code === 'obscured-needs-consent'
        ? 'No keyring on this computer: the token would only be obscured. A supervisor must accept that first.'
        : 'This computer offers no way to encrypt the API token; it was not saved.',
    );
  }
}

/** For tests and for a token given on the command line or in the environment: held in memory only. */
export function memorySecretStore(initial?: string): SecretStore {
  let token = initial;
  return {
    readToken: async () => token,
    writeToken: async (value) => {
      token = value;
    },
    protection: async () => 'memory',
    describe: () => 'held in memory only',
  };
}
