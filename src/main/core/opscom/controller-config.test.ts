import { describe, expect, it } from 'vitest';
import { ConfigError, resolveControllerConfig } from './controller-config';
import { SettingsRepository } from '../settings/stored-settings';

const none = { flags: {}, env: {}, stored: {} };

describe('controller configuration', () => {
  it('runs in demo mode when nothing is configured', () => {
    expect(resolveControllerConfig(none)).toEqual({ mode: 'demo' });
  });

  it('prefers flags, then the environment, then stored settings', () => {
    const config = resolveControllerConfig({
      flags: { token: 'FLAG-TOKEN' },
      env: { OPSCOM_URL: 'https://env.example', OPSCOM_TOKEN: 'ENV-TOKEN' },
      stored: { url: 'https://stored.example', token: 'STORED' },
    });
    expect(config).toEqual({
      mode: 'controller',
      url: 'https://env.example',
      token: 'FLAG-TOKEN',
      source: { url: 'environment', token: 'flag' },
    });
    expect(resolveControllerConfig({ ...none, stored: { url: 'http://127.0.0.1:1', token: 'T' } })).toMatchObject({
      source: { url: 'settings', token: 'settings' },
    });
  });

  it('says plainly what is missing or wrong', () => {
    expect(() => resolveControllerConfig({ ...none, env: { OPSCOM_URL: 'https://x.example' } })).toThrow(
      /no API token/,
    );
    expect(() => resolveControllerConfig({ ...none, env: { OPSCOM_TOKEN: 'T' } })).toThrow(/no controller URL/);
    expect(() => resolveControllerConfig({ ...none, flags: { url: 'ftp://x', token: 'T' } })).toThrow(ConfigError);
    expect(() =>
      resolveControllerConfig({ ...none, flags: { url: 'https://x.example', token: 'bad token!' } }),
    ).toThrow(/letters, digits and dashes/);
  });
});

describe('stored settings', () => {
  it('read the single request timeout of older versions as the soft one', () => {
    const repo = new SettingsRepository({ store: { requestTimeoutMs: 15_000 } });
    expect(repo.read()).toMatchObject({ requestSoftTimeoutMs: 15_000, requestHardTimeoutMs: 90_000 });
  });
});
