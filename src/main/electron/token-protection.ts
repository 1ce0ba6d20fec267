import type { SecretStoreRefusal, TokenProtection } from '../core/host/secret-store';

/**
 * How well safeStorage can protect the API token on this computer, decided from plain facts so it can be tested
 * without Electron:
 * - keyring: the OS keyring holds the key (Keychain, DPAPI, libsecret, KWallet);
 * - obscured: Linux with no keyring, where Electron encrypts with a fixed, public key (`basic_text`) — or a Linux
 *   backend we do not recognise, which we cannot vouch for either;
 * - none: no encryption at all.
 */
export type SafeStorageLevel = 'keyring' | 'obscured' | 'none';

export const LINUX_KEYRING_BACKENDS: readonly string[] = ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'];

export function safeStorageLevel(facts: {
  platform: NodeJS.Platform;
  /** `safeStorage.getSelectedStorageBackend()`, Linux only. */
  linuxBackend?: string | undefined;
  encryptionAvailable: boolean;
}): SafeStorageLevel {
  const linux = facts.platform === 'linux';
  // basic_text first: Electron reports no encryption there until plain-text encryption is switched on, which we
  // only do once a supervisor has accepted it.
  if (linux && facts.linuxBackend === 'basic_text') return 'obscured';
  if (!facts.encryptionAvailable) return 'none';
  if (linux && !LINUX_KEYRING_BACKENDS.includes(facts.linuxBackend ?? '')) return 'obscured';
  return 'keyring';
}

/** What the core's SecretStore reports: a token that cannot be encrypted is never written, only held in memory. */
export function tokenProtectionOf(level: SafeStorageLevel): TokenProtection {
  return level === 'none' ? 'memory' : level;
}

/** Whether writeToken may go ahead, or the refusal it must throw. */
export function writeVerdict(
  level: SafeStorageLevel,
  options: { obscuredConsent?: boolean } | undefined,
): 'write' | SecretStoreRefusal['code'] {
  if (level === 'none') return 'no-encryption';
  if (level === 'obscured' && options?.obscuredConsent !== true) return 'obscured-needs-consent';
  return 'write';
}

/** The settings screen's one line. */
export function describeLevel(level: SafeStorageLevel | undefined): string {
  switch (level) {
    case 'obscured':
      return 'obscured only: no OS keyring was found on this computer';
    case 'none':
      return 'not stored: this computer offers no way to encrypt it';
    default:
      return 'encrypted with the operating system keyring';
  }
}
