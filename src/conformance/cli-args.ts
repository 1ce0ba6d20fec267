/** Turns `npm run conformance` flags into run options, or a plain-words reason they are wrong. */
import { parseArgs } from 'node:util';
import { CASES, selectCases, type ConformanceCase } from './cases';
import { zoneNames } from '../sandbox/validation';
import { DEFAULT_ZONES } from './runner';

export const USAGE = `Usage: npm run conformance -- --url <controller> --token <token> [options]
Checks that an OPSCOM controller answers the Permits API as documented.
  --url U              the controller, e.g. https://controller.operationscommander.io (for an integration
                       test, the preview system's address); default: the OPSCOM_URL environment variable
  --token T            the API token OPSCOM issued for that controller (never printed); default: the
                       OPSCOM_TOKEN environment variable, which keeps it out of shell history and npm's echo
  --allow-writes       also run the cases that create, change or delete permits; every test permit is
                       deleted at the end (plates start with CONF, ticket numbers with CONF-)
  --zones "Lot 1,Lot 2"  zone names that exist on that controller (default "${DEFAULT_ZONES.join(',')}")
  --only P             run only the cases whose id starts with P (repeatable), e.g. --only push.alias
  --help               show this help
Exit status: 0 nothing failed, 1 something failed, 2 the command line is wrong.`;

export interface ConformanceArgs {
  url: string;
  token: string;
  allowWrites: boolean;
  zones: string[];
  cases: ConformanceCase[];
}

export type ArgsParse = { kind: 'run'; args: ConformanceArgs } | { kind: 'help' } | { kind: 'error'; message: string };

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'allow-writes': { type: 'boolean' },
      zones: { type: 'string' },
      only: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

/** Hosts to which a token may travel over plain http: this machine only. */
function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** `env` supplies OPSCOM_URL and OPSCOM_TOKEN when the flags are not given (the kiosk reads the same names). */
export function parseConformanceArgs(
  argv: string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ArgsParse {
  let values: ReturnType<typeof readFlags>;
  try {
    values = readFlags(argv);
  } catch (error) {
    // parseArgs quotes what it did not understand, which may be a token typed after a misspelt flag.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'error', message: hideValues(message, argv) };
  }
  if (values.help === true) return { kind: 'help' };

  const rawUrl = (values.url ?? env.OPSCOM_URL ?? '').trim();
  if (rawUrl === '')
    return {
      kind: 'error',
      message: 'Say which controller to check: --url https://… (its base address), or set OPSCOM_URL.',
    };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return {
      kind: 'error',
      message: `--url must be a web address such as https://controller.example, not "${rawUrl}".`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      kind: 'error',
      message: `--url must start with https:// (or http:// for this machine), not ${url.protocol}//.`,
    };
  if (url.protocol === 'http:' && !isLocalHost(url.hostname))
    return {
      kind: 'error',
      message: `--url uses plain http to ${url.hostname}: the API token would cross the network unencrypted. Use https://.`,
    };
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return {
      kind: 'error',
      message: '--url must be the bare controller address, without ?query, #fragment or user:password@.',
    };

  const token = values.token ?? env.OPSCOM_TOKEN ?? '';
  if (token === '')
    return {
      kind: 'error',
      message: 'Say which API token to use: --token <token>, or set OPSCOM_TOKEN (it is never printed).',
    };

  let zones = [...DEFAULT_ZONES];
  if (values.zones !== undefined) {
    zones = zoneNames(values.zones);
    if (zones.length === 0)
      return { kind: 'error', message: '--zones must name at least one zone, e.g. --zones "Lot 1,Lot 2".' };
  }

  const prefixes = values.only ?? [];
  const cases = selectCases(prefixes, CASES);
  const unmatched = prefixes.filter((prefix) => selectCases([prefix], CASES).length === 0);
  if (unmatched.length > 0)
    return {
      kind: 'error',
      message: `No case id starts with ${unmatched.map((p) => `"${p}"`).join(', ')}. Ids start with push., update., delete. or stats.`,
    };

  return {
    kind: 'run',
    args: {
      url: url.href.replace(/\/+$/, ''),
      token,
      allowWrites: values['allow-writes'] === true,
      zones,
      cases,
    },
  };
}

/**
 * parseArgs quotes what it did not understand ('…'); hides any quoted value that is not a flag name, so a
 * token typed after a misspelt flag (`--tokn SECRET`) is not echoed.
 */
function hideValues(message: string, argv: readonly string[]): string {
  let out = message;
  for (const arg of argv) {
    if (/^--?[A-Za-z-]*$/.test(arg)) continue;
    out = out.split(`'${arg}'`).join("'[value hidden]'");
  }
  return out;
}
