/**
 * The command line of both hosts, read by one parser from one table of flags and their rules. The flags here are
 * the ones the Electron app and the browser station share; the station adds its own (station/station-flags.ts),
 * Electron none. `--token` works but shows in `ps` and /proc to every local user, so it earns a warning;
 * `--token-file` reads the token from a file (or standard input with `-`, core/host/token-source.ts). Plain
 * functions, testable without Electron or a process.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readTokenFile, TOKEN_FLAG_WARNING } from './token-source';

export { TOKEN_FLAG_WARNING, TokenFileError } from './token-source';

/** A wrong flag or a wrong combination of flags, said in plain words. */
export class LaunchFlagError extends Error {
  override name = 'LaunchFlagError';
}

/** One flag's rules. */
export type FlagRule =
  | {
      /** On when present; takes no value. */
      kind: 'switch';
      /** How the usage line shows it; absent: left out of the usage line. */
      usage?: string;
    }
  | {
      /** Takes a value: the next word, or `--flag=value`. */
      kind: 'value';
      usage?: string;
      /** Said when the value is missing (the flag is last, or the next word is another flag). */
      missing: string;
      /** Why the value is wrong, in plain words; undefined when it is right. */
      check?: (value: string) => string | undefined;
    };

export type FlagTable = Readonly<Record<string, FlagRule>>;

/** What the command line held: a switch that was given is `true`, a value flag its value; the rest is absent. */
export type FlagValues<T extends FlagTable> = {
  -readonly [K in keyof T]?: T[K] extends { kind: 'switch' } ? true : string;
};

/** The flags both hosts take. Each one's meaning is in LaunchFlags below. */
export const LAUNCH_FLAGS = {
  kiosk: { kind: 'switch', usage: '--kiosk' },
  url: { kind: 'value', usage: '--url <controller>', missing: '--url needs the controller’s address.' },
  token: {
    kind: 'value',
    missing: '--token needs a value (better: use --token-file or OPSCOM_TOKEN).',
  },
  'token-file': {
    kind: 'value',
    usage: '--token-file <file>|-',
    missing: '--token-file needs a path, or - to read the token from standard input.',
  },
  'data-dir': { kind: 'value', usage: '--data-dir <dir>', missing: '--data-dir needs a folder.' },
  provision: {
    kind: 'value',
    usage: '--provision <kiosk-provision.json>',
    missing: '--provision needs the path of a kiosk-provision.json.',
  },
  'metrics-listen': {
    kind: 'value',
    usage: '--metrics-listen <ip:port>',
    missing: '--metrics-listen needs an address, such as 127.0.0.1:9464.',
  },
  'pushgateway-url': {
    kind: 'value',
    usage: '--pushgateway-url <url>',
    missing: '--pushgateway-url needs the Pushgateway’s address.',
  },
  'push-interval': {
    kind: 'value',
    usage: '--push-interval <seconds>',
    missing: '--push-interval needs a number of seconds.',
  },
} as const satisfies FlagTable;

/**
 * Reads `args` by `table`. Flags that are not in the table, and words that follow no flag, are refused
 * (`others: 'refuse'`, the station's own command line) or passed over (`'ignore'`: Electron and Chromium add
 * switches of their own, and the app's folder comes as a word). A flag given twice counts once, the last time.
 */
export function readFlags<T extends FlagTable>(
  args: readonly string[],
  table: T,
  others: 'refuse' | 'ignore',
): FlagValues<T> {
  const { tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(
      Object.entries(table).map(([name, rule]) => [name, { type: rule.kind === 'switch' ? 'boolean' : 'string' }]),
    ),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const values: Record<string, string | true> = {};
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (others === 'refuse') {
        throw new LaunchFlagError(`Unexpected "${token.value}": every value follows its flag, as in --data-dir <dir>.`);
      }
      continue;
    }
    const rule = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (!rule) {
      if (others === 'refuse') throw new LaunchFlagError(`Unknown flag ${token.rawName}.`);
      continue;
    }
    if (rule.kind === 'switch') {
      if (token.value !== undefined) throw new LaunchFlagError(`${token.rawName} takes no value.`);
      values[token.name] = true;
      continue;
    }
    // parseArgs takes the next word even when it is a flag: `--url --kiosk` is a missing URL, not the URL "--kiosk".
    // A lone "-" is a value (standard input).
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.length > 1 && value.startsWith('-'))) {
      throw new LaunchFlagError(rule.missing);
    }
    const wrong = rule.check?.(value);
    if (wrong !== undefined) throw new LaunchFlagError(wrong);
    values[token.name] = value;
  }
  return values as FlagValues<T>;
}

/** The usage line of a program taking `table`'s flags, in the table's order. */
export function usageLine(program: string, table: FlagTable): string {
  const shown = Object.values(table).flatMap((rule) => (rule.usage ? [`[${rule.usage}]`] : []));
  return `Usage: ${[program, ...shown].join(' ')}`;
}

export interface LaunchFlags {
  kiosk: boolean;
  url: string | undefined;
  token: string | undefined;
  tokenFile: string | undefined;
  /** Fleet monitoring (#14): the `/metrics` address, the Pushgateway and its interval. */
  metricsListen: string | undefined;
  pushgatewayUrl: string | undefined;
  pushInterval: string | undefined;
  /** The data folder (a Windows kiosk keeps it under ProgramData, #13); else KIOSK_DATA_DIR, else the host's own. */
  dataDir: string | undefined;
  /** kiosk-provision.json (docs/provisioning.md); else the one in the data folder, if any. */
  provision: string | undefined;
}

/** The shared flags by name, from what readFlags read with LAUNCH_FLAGS (and perhaps a host's own flags). */
export function launchFlagsFrom(values: FlagValues<typeof LAUNCH_FLAGS>): LaunchFlags {
  return {
    kiosk: values.kiosk === true,
    url: values.url,
    token: values.token,
    tokenFile: values['token-file'],
    metricsListen: values['metrics-listen'],
    pushgatewayUrl: values['pushgateway-url'],
    pushInterval: values['push-interval'],
    dataDir: values['data-dir'],
    provision: values.provision,
  };
}

/** The Electron app's command line: the shared flags among Electron's and Chromium's own switches. */
export function parseLaunchFlags(args: readonly string[]): LaunchFlags {
  return launchFlagsFrom(readFlags(args, LAUNCH_FLAGS, 'ignore'));
}

/** The data folder named by `--data-dir`, then `KIOSK_DATA_DIR`; undefined leaves the choice to the host. */
export function dataDirOverride(
  flags: Pick<LaunchFlags, 'dataDir'>,
  env: Record<string, string | undefined>,
): string | undefined {
  const chosen = flags.dataDir?.trim() || env.KIOSK_DATA_DIR?.trim();
  return chosen ? path.resolve(chosen) : undefined;
}

/**
 * The token given on the command line, if any, and the warning to print for it. Throws LaunchFlagError when the
 * flags are wrong, TokenFileError when the token file cannot be read or is empty. (`true` is a flag given without
 * its value, as a lenient reader of the command line would return it.)
 */
export async function tokenFromFlags(
  flags: { token: string | boolean | undefined; tokenFile: string | boolean | undefined },
  stdin?: () => AsyncIterable<Buffer | string>,
): Promise<{ token: string | undefined; warning: string | undefined }> {
  const { token, tokenFile } = flags;
  if (token === true) throw new LaunchFlagError(LAUNCH_FLAGS.token.missing);
  if (tokenFile === true || tokenFile === '') throw new LaunchFlagError(LAUNCH_FLAGS['token-file'].missing);
  if (typeof token === 'string' && typeof tokenFile === 'string') {
    throw new LaunchFlagError('Give --token-file or --token, not both.');
  }
  if (typeof tokenFile === 'string') return { token: await readTokenFile(tokenFile, stdin), warning: undefined };
  if (typeof token === 'string') return { token, warning: TOKEN_FLAG_WARNING };
  return { token: undefined, warning: undefined };
}
