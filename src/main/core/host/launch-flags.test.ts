import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dataDirOverride,
  LaunchFlagError,
  parseLaunchFlags,
  TOKEN_FLAG_WARNING,
  TokenFileError,
  tokenFromFlags,
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
    // The same provisioning file the station takes (README, "Provisioning").
    expect(parseLaunchFlags(['.', '--provision', '/etc/opscom/kiosk-provision.json']).provision).toBe(
      '/etc/opscom/kiosk-provision.json',
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
