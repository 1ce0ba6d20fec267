import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dataDirOverride,
  LAUNCH_FLAGS,
  LaunchFlagError,
  parseLaunchFlags,
  readFlags,
  TOKEN_FLAG_WARNING,
  TokenFileError,
  tokenFromFlags,
  usageLine,
  type FlagTable,
} from './launch-flags';

describe('parseLaunchFlags', () => {
  it('reads the kiosk flags among Electron’s own switches and positionals', () => {
    expect(
      parseLaunchFlags(['--no-sandbox', '.', '--kiosk', '--url', 'https://c.example', '--token-file', '-']),
    ).toEqual({ kiosk: true, url: 'https://c.example', token: undefined, tokenFile: '-' });
    expect(parseLaunchFlags(['--token=ABC-1'])).toEqual({
      kiosk: false,
      url: undefined,
      token: 'ABC-1',
      tokenFile: undefined,
    });
    // The same provisioning file the station takes (docs/provisioning.md).
    expect(parseLaunchFlags(['.', '--provision', '/etc/opscom/kiosk-provision.json']).provision).toBe(
      '/etc/opscom/kiosk-provision.json',
    );
  });
});

describe('the shared flags, one table for both hosts', () => {
  it('reads each flag the Electron app and the station share, as a separate word or after =', () => {
    expect(
      parseLaunchFlags([
        '--kiosk',
        '--url',
        'https://c.example',
        '--token',
        'ABC-1',
        '--token-file=/run/secrets/token',
        '--data-dir',
        '/srv/kiosk-data',
        '--provision',
        '/etc/opscom/kiosk-provision.json',
        '--metrics-listen',
        '127.0.0.1:9464',
        '--pushgateway-url=http://push.example:9091',
        '--push-interval',
        '30',
      ]),
    ).toStrictEqual({
      kiosk: true,
      url: 'https://c.example',
      token: 'ABC-1',
      tokenFile: '/run/secrets/token',
      dataDir: '/srv/kiosk-data',
      provision: '/etc/opscom/kiosk-provision.json',
      metricsListen: '127.0.0.1:9464',
      pushgatewayUrl: 'http://push.example:9091',
      pushInterval: '30',
    });
    expect(parseLaunchFlags([])).toStrictEqual({
      kiosk: false,
      url: undefined,
      token: undefined,
      tokenFile: undefined,
      dataDir: undefined,
      provision: undefined,
      metricsListen: undefined,
      pushgatewayUrl: undefined,
      pushInterval: undefined,
    });
    // Given twice, the last one counts; "-" is a value (standard input), not a flag.
    expect(parseLaunchFlags(['--url', 'https://a.example', '--url', 'https://b.example']).url).toBe(
      'https://b.example',
    );
    expect(parseLaunchFlags(['--token-file', '-']).tokenFile).toBe('-');
  });

  it('refuses a value flag without its value, in the table’s words', () => {
    expect(() => parseLaunchFlags(['--url'])).toThrow(new LaunchFlagError('--url needs the controller’s address.'));
    // parseArgs would take the next flag as the value; that is a missing URL, not the URL "--kiosk".
    expect(() => parseLaunchFlags(['--url', '--kiosk'])).toThrow(LAUNCH_FLAGS.url.missing);
    expect(() => parseLaunchFlags(['--token'])).toThrow(
      '--token needs a value (better: use --token-file or OPSCOM_TOKEN).',
    );
    expect(() => parseLaunchFlags(['--token-file'])).toThrow(/--token-file needs a path/);
    for (const name of Object.keys(LAUNCH_FLAGS).filter((flag) => flag !== 'kiosk')) {
      expect(() => parseLaunchFlags([`--${name}`]), name).toThrow(LaunchFlagError);
    }
  });

  it('refuses a value given to a switch', () => {
    expect(() => parseLaunchFlags(['--kiosk=yes'])).toThrow(new LaunchFlagError('--kiosk takes no value.'));
  });

  it('passes over Electron’s and Chromium’s own switches and words, which are not its to judge', () => {
    expect(parseLaunchFlags(['--no-sandbox', '--inspect=0', '-x', '.', '--kiosk', '--', '--url', 'x'])).toMatchObject({
      kiosk: true,
      // After "--" every word is a word, as parseArgs reads it.
      url: undefined,
    });
  });

  it('refuses an unknown flag or a stray word where the host says so (the station)', () => {
    expect(() => readFlags(['--kiosk', '--prot', '80'], LAUNCH_FLAGS, 'refuse')).toThrow(
      new LaunchFlagError('Unknown flag --prot.'),
    );
    expect(() => readFlags(['-k'], LAUNCH_FLAGS, 'refuse')).toThrow('Unknown flag -k.');
    expect(() => readFlags(['--data-dir', '/d', 'extra'], LAUNCH_FLAGS, 'refuse')).toThrow(
      'Unexpected "extra": every value follows its flag, as in --data-dir <dir>.',
    );
    expect(readFlags(['--kiosk', '--url=https://c.example'], LAUNCH_FLAGS, 'refuse')).toStrictEqual({
      kiosk: true,
      url: 'https://c.example',
    });
  });

  it('checks a value by the flag’s own rule, and knows no flag by an inherited name', () => {
    const table = {
      count: {
        kind: 'value',
        missing: '--count needs a number.',
        check: (value: string) => (/^\d+$/.test(value) ? undefined : `"${value}" is not a count.`),
      },
    } as const satisfies FlagTable;
    expect(readFlags(['--count', '3'], table, 'refuse')).toStrictEqual({ count: '3' });
    expect(() => readFlags(['--count', 'three'], table, 'refuse')).toThrow(
      new LaunchFlagError('"three" is not a count.'),
    );
    expect(() => readFlags(['--toString'], table, 'refuse')).toThrow('Unknown flag --toString.');
  });

  it('writes the usage line from the table, leaving out the flags it does not advertise', () => {
    expect(usageLine('kiosk', LAUNCH_FLAGS)).toBe(
      'Usage: kiosk [--kiosk] [--url <controller>] [--token-file <file>|-] [--data-dir <dir>]' +
        ' [--provision <kiosk-provision.json>] [--metrics-listen <ip:port>] [--pushgateway-url <url>]' +
        ' [--push-interval <seconds>]',
    );
  });
});

describe('tokenFromFlags', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-flags-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const stdinOf = (text: string) => () =>
    (async function* () {
      yield Buffer.from(text);
    })();
  const noStdin = () => {
    throw new Error('stdin must not be read');
  };

  it('reads and trims the token file, without a warning', async () => {
    const file = path.join(dir, 'token');
    await fs.writeFile(file, '  SECRET-TOKEN-1\n\n', { mode: 0o600 });
    await expect(tokenFromFlags({ token: undefined, tokenFile: file }, noStdin)).resolves.toEqual({
      token: 'SECRET-TOKEN-1',
      warning: undefined,
    });
  });

  it('reads standard input for "-"', async () => {
    await expect(tokenFromFlags({ token: undefined, tokenFile: '-' }, stdinOf('FROM-STDIN\n'))).resolves.toEqual({
      token: 'FROM-STDIN',
      warning: undefined,
    });
  });

  it('says clearly when the file cannot be read or is empty', async () => {
    const missing = path.join(dir, 'missing');
    const attempt = tokenFromFlags({ token: undefined, tokenFile: missing }, noStdin);
    await expect(attempt).rejects.toBeInstanceOf(TokenFileError);
    await expect(attempt).rejects.toThrow(`Could not read the API token from ${missing} (ENOENT).`);
    await expect(tokenFromFlags({ token: undefined, tokenFile: dir }, noStdin)).rejects.toThrow(/EISDIR/);
    const empty = path.join(dir, 'empty');
    await fs.writeFile(empty, ' \n');
    await expect(tokenFromFlags({ token: undefined, tokenFile: empty }, noStdin)).rejects.toThrow(
      `${empty} holds no API token.`,
    );
    await expect(tokenFromFlags({ token: undefined, tokenFile: '-' }, stdinOf(''))).rejects.toThrow(
      'Standard input holds no API token.',
    );
  });

  it('refuses a missing path, a valueless --token and both flags at once', async () => {
    await expect(tokenFromFlags({ token: undefined, tokenFile: true }, noStdin)).rejects.toThrow(LaunchFlagError);
    await expect(tokenFromFlags({ token: undefined, tokenFile: '' }, noStdin)).rejects.toThrow(/needs a path/);
    await expect(tokenFromFlags({ token: true, tokenFile: undefined }, noStdin)).rejects.toThrow(/needs a value/);
    await expect(tokenFromFlags({ token: 'A', tokenFile: path.join(dir, 'x') }, noStdin)).rejects.toThrow(
      'Give --token-file or --token, not both.',
    );
  });

  it('accepts --token with the one-line warning the station prints too', async () => {
    await expect(tokenFromFlags({ token: 'ABC-1', tokenFile: undefined }, noStdin)).resolves.toEqual({
      token: 'ABC-1',
      warning: TOKEN_FLAG_WARNING,
    });
    expect(TOKEN_FLAG_WARNING).toContain(
      '--token is visible to every local user (ps, /proc); prefer --token-file or OPSCOM_TOKEN.',
    );
    expect(TOKEN_FLAG_WARNING).not.toContain('\n');
  });

  it('gives nothing when neither flag is there', async () => {
    await expect(tokenFromFlags({ token: undefined, tokenFile: undefined }, noStdin)).resolves.toEqual({
      token: undefined,
      warning: undefined,
    });
  });
});

describe('dataDirOverride', () => {
  it('takes --data-dir first, then KIOSK_DATA_DIR, and otherwise leaves Electron’s userData alone', () => {
    const flags = parseLaunchFlags(['.', '--kiosk', '--data-dir', '/srv/kiosk-data']);
    expect(flags.dataDir).toBe('/srv/kiosk-data');
    expect(dataDirOverride(flags, { KIOSK_DATA_DIR: '/elsewhere' })).toBe(path.resolve('/srv/kiosk-data'));
    expect(dataDirOverride(parseLaunchFlags(['.']), { KIOSK_DATA_DIR: ' /elsewhere ' })).toBe(
      path.resolve('/elsewhere'),
    );
    expect(dataDirOverride(parseLaunchFlags(['.']), {})).toBeUndefined();
    expect(dataDirOverride(parseLaunchFlags(['--data-dir=']), { KIOSK_DATA_DIR: '' })).toBeUndefined();
  });
});
