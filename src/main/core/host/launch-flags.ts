/**
 * The Electron app's command line: `[--kiosk] [--url <controller>] [--token-file <path>|-] [--token <token>]
 * [--data-dir <dir>]`.
 * `--token` works but shows in `ps` and /proc to every local user, so it earns a warning; `--token-file` reads the
 * token from a file (or standard input with `-`) with the same reader and wording as the browser station
 * (core/token-source). Plain functions, testable without Electron.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTokenFile, TOKEN_FLAG_WARNING } from './token-source';

export { TOKEN_FLAG_WARNING, TokenFileError } from './token-source';

/** A wrong combination of flags, said in plain words. */
export class LaunchFlagError extends Error {
  override name = 'LaunchFlagError';
}

export interface LaunchFlags {
  kiosk: boolean;
  url: string | undefined;
  /** As parsed: `true` when the flag came without a value. */
  token: string | boolean | undefined;
  tokenFile: string | boolean | undefined;
  /** Fleet monitoring (#14): the `/metrics` address, the Pushgateway and its interval. */
  metricsListen: string | undefined;
  pushgatewayUrl: string | undefined;
  pushInterval: string | undefined;
  /** The data folder, like the station's `--data-dir` (a Windows kiosk keeps it under ProgramData, #13). */
  dataDir: string | undefined;
  /** kiosk-provision.json, like the station's `--provision` (README, "Provisioning"). */
  provision: string | undefined;
}

export function parseLaunchFlags(args: string[]): LaunchFlags {
  const { values } = parseArgs({
    args,
    options: {
      kiosk: { type: 'boolean', default: false },
      url: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'metrics-listen': { type: 'string' },
      'pushgateway-url': { type: 'string' },
      'push-interval': { type: 'string' },
      'data-dir': { type: 'string' },
      provision: { type: 'string' },
    },
    // Electron and Chromium add switches of their own (e.g. --no-sandbox).
    strict: false,
    allowPositionals: true,
  });
  return {
    kiosk: values.kiosk === true,
    url: typeof values.url === 'string' ? values.url : undefined,
    token: values.token,
    tokenFile: values['token-file'],
    metricsListen: asString(values['metrics-listen']),
    pushgatewayUrl: asString(values['pushgateway-url']),
    pushInterval: asString(values['push-interval']),
    dataDir: asString(values['data-dir']),
    provision: asString(values.provision),
  };
}

/** The data folder the app must use instead of Electron's `userData`: `--data-dir`, then `KIOSK_DATA_DIR`. */
export function dataDirOverride(
  flags: Pick<LaunchFlags, 'dataDir'>,
  env: Record<string, string | undefined>,
): string | undefined {
  const chosen = flags.dataDir?.trim() || env.KIOSK_DATA_DIR?.trim();
  return chosen ? path.resolve(chosen) : undefined;
}

function asString(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/**
 * The token given on the command line, if any, and the warning to print for it. Throws LaunchFlagError when the
 * flags are wrong, TokenFileError when the token file cannot be read or is empty.
 */
export async function tokenFromFlags(
  flags: Pick<LaunchFlags, 'token' | 'tokenFile'>,
  stdin?: () => AsyncIterable<Buffer | string>,
): Promise<{ token: string | undefined; warning: string | undefined }> {
  const { token, tokenFile } = flags;
  if (token === true) throw new LaunchFlagError('--token needs a value (better: use --token-file or OPSCOM_TOKEN).');
  if (tokenFile === true || tokenFile === '') {
    throw new LaunchFlagError('--token-file needs a path, or - to read the token from standard input.');
  }
  if (typeof token === 'string' && typeof tokenFile === 'string') {
    throw new LaunchFlagError('Give --token-file or --token, not both.');
  }
  if (typeof tokenFile === 'string') return { token: await readTokenFile(tokenFile, stdin), warning: undefined };
  if (typeof token === 'string') return { token, warning: TOKEN_FLAG_WARNING };
  return { token: undefined, warning: undefined };
}
