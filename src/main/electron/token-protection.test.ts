import { describe, expect, it } from 'vitest';
import { describeLevel, safeStorageLevel, tokenProtectionOf, writeVerdict } from './token-protection';

describe('safeStorageLevel', () => {
  it('is keyring on macOS and Windows whenever encryption is available', () => {
    expect(safeStorageLevel({ platform: 'darwin', encryptionAvailable: true })).toBe('keyring');
    expect(safeStorageLevel({ platform: 'win32', encryptionAvailable: true })).toBe('keyring');
    expect(safeStorageLevel({ platform: 'win32', encryptionAvailable: false })).toBe('none');
  });

  it('is obscured on Linux basic_text, available or not (Electron enables it only on request)', () => {
    for (const encryptionAvailable of [true, false]) {
      expect(safeStorageLevel({ platform: 'linux', linuxBackend: 'basic_text', encryptionAvailable })).toBe('obscured');
    }
  });

  it('is keyring on Linux only with a keyring backend, and obscured for a backend it cannot vouch for', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(safeStorageLevel({ platform: 'linux', linuxBackend, encryptionAvailable: true })).toBe('keyring');
    }
    expect(safeStorageLevel({ platform: 'linux', linuxBackend: 'unknown', encryptionAvailable: true })).toBe(
      'obscured',
    );
    expect(safeStorageLevel({ platform: 'linux', linuxBackend: 'gnome_libsecret', encryptionAvailable: false })).toBe(
      'none',
    );
  });
});

describe('writeVerdict', () => {
  it('writes under a keyring, with or without consent', () => {
    expect(writeVerdict('keyring', undefined)).toBe('write');
    expect(writeVerdict('keyring', { obscuredConsent: false })).toBe('write');
  });

  it('needs explicit consent for obscured storage', () => {
    expect(writeVerdict('obscured', undefined)).toBe('obscured-needs-consent');
    expect(writeVerdict('obscured', {})).toBe('obscured-needs-consent');
    expect(writeVerdict('obscured', { obscuredConsent: false })).toBe('obscured-needs-consent');
    expect(writeVerdict('obscured', { obscuredConsent: true })).toBe('write');
  });

  it('never writes without encryption, consent or not', () => {
    expect(writeVerdict('none', { obscuredConsent: true })).toBe('no-encryption');
  });
});

describe('reporting', () => {
  it('maps levels to the core’s TokenProtection and to one line', () => {
    expect(tokenProtectionOf('keyring')).toBe('keyring');
    expect(tokenProtectionOf('obscured')).toBe('obscured');
    expect(tokenProtectionOf('none')).toBe('memory');
    expect(describeLevel('obscured')).toMatch(/obscured only/);
    expect(describeLevel('none')).toMatch(/not stored/);
    expect(describeLevel('keyring')).toMatch(/keyring/);
  });
});
