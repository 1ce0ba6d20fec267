/** Where the API token is kept at rest: `safeStorage` in Electron, a private file in the station. */
export interface SecretStore {
  readToken(): Promise<string | undefined>;
  writeToken(token: string): Promise<void>;
  /** One line for the settings screen and logs, e.g. "encrypted with the OS keyring". */
  describe(): string;
}

/** For tests and for a token given on the command line or in the environment: held in memory only. */
export function memorySecretStore(initial?: string): SecretStore {
  let token = initial;
  return {
    readToken: async () => token,
    writeToken: async (value) => {
      token = value;
    },
    describe: () => 'held in memory only',
  };
}
