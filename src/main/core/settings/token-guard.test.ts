/**
 * The API token goes only where a supervisor sent it with the token: a PIN alone cannot point it at another
 * server, plain http is refused off this machine, and without a keyring it is kept only with consent.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { SettingsView } from '../../../shared/settings/settings-view';
import { ConfigError, resolveControllerConfig } from '../opscom/controller-config';
import { memorySecretStore, SecretStoreRefusal, type SecretStore } from '../host/secret-store';
import { startTestKiosk, TEST_TOKEN, value, type TestKiosk } from '../testing/test-kiosk';

let kiosk: TestKiosk | undefined;
const others: RunningSandbox[] = [];
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
  await Promise.all(others.splice(0).map((sandbox) => sandbox.close()));
});

/** A kiosk whose URL and token were saved on the Settings screen (no flag, no environment). */
async function savedKiosk(secrets: SecretStore = memorySecretStore(TEST_TOKEN)): Promise<TestKiosk> {
  const sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
  kiosk = await startTestKiosk({
    sandbox,
    secrets,
    settings: { controllerUrl: sandbox.url },
    core: { flags: {}, env: {} },
  });
  return kiosk;
}
const update = (k: TestKiosk, changes: Record<string, unknown>) =>
  k.core.dispatch('settings:update', { adminPin: '1234', changes });

describe('the stored token and a new controller address', () => {
  it('is refused with the PIN alone; Test connection never reaches the new host', async () => {
    const k = await savedKiosk();
    const thief = await startSandbox({ port: 0, tokens: ['SOMETHING-ELSE'] });
    others.push(thief);
    const moved = await update(k, { controllerUrl: thief.url });
    expect(moved).toMatchObject({
      ok: false,
      error: {
        code: 'not-allowed',
        field: 'changes.apiToken',
        message: expect.stringContaining(new URL(thief.url).host),
      },
    });
    expect(value<{ ok: boolean }>(await k.core.dispatch('settings:test-connection', { adminPin: '1234' })).ok).toBe(
      true,
    );
    expect(thief.requestLog()).toEqual([]);
    // Confirming another host than the one named is no confirmation.
    expect(await update(k, { controllerUrl: thief.url, useStoredTokenFor: 'elsewhere.example' })).toMatchObject({
      ok: false,
    });
    expect(thief.requestLog()).toEqual([]);
  });

  it('goes to the new host once the supervisor confirms that host, or types the token again', async () => {
    const k = await savedKiosk();
    const next = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
    others.push(next);
    const confirmed = await update(k, { controllerUrl: next.url, useStoredTokenFor: new URL(next.url).host });
    expect(value<SettingsView>(confirmed).controllerUrl).toBe(next.url);
    await k.core.dispatch('settings:test-connection', { adminPin: '1234' });
    expect(next.requestLog().length).toBeGreaterThan(0);

    const third = await startSandbox({ port: 0, tokens: ['ANOTHER-TOKEN-1'] });
    others.push(third);
    expect(await update(k, { controllerUrl: third.url, apiToken: 'ANOTHER-TOKEN-1' })).toMatchObject({ ok: true });
    // A new path on the same server needs neither.
    expect(await update(k, { controllerUrl: `${third.url}/opscom` })).toMatchObject({ ok: true });
  });

  it('plain http is refused except for this machine, on the screen and at start-up', async () => {
    const k = await savedKiosk();
    const refused = await update(k, { controllerUrl: 'http://controller.example', apiToken: 'T-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'changes.controllerUrl' } });
    expect(() =>
      resolveControllerConfig({ flags: { url: 'http://10.1.2.3', token: 'T' }, env: {}, stored: {} }),
    ).toThrow(ConfigError);
    expect(
      resolveControllerConfig({ flags: { url: 'http://127.0.0.1:18080', token: 'T' }, env: {}, stored: {} }),
    ).toMatchObject({ mode: 'controller' });
  });
});

describe('a computer without a keyring', () => {
  function obscuredStore(): SecretStore & { saved: string | undefined } {
    const store = {
      saved: TEST_TOKEN as string | undefined,
      readToken: async () => store.saved,
      writeToken: async (token: string, options?: { obscuredConsent?: boolean }) => {
        if (!options?.obscuredConsent) throw new SecretStoreRefusal('obscured-needs-consent');
        store.saved = token;
      },
      protection: async () => 'obscured' as const,
      describe: () => 'obscured only',
    };
    return store;
  }

  it('keeps a new token only after a supervisor accepts it is merely obscured, and says which state it is in', async () => {
    const store = obscuredStore();
    const k = await savedKiosk(store);
    const view = value<SettingsView>(await k.core.dispatch('settings:get', { adminPin: '1234' }));
    expect(view.tokenProtection).toBe('obscured');
    expect(await update(k, { apiToken: 'NEW-TOKEN-1' })).toMatchObject({
      ok: false,
      error: { code: 'not-allowed', field: 'changes.acceptObscuredToken' },
    });
    expect(store.saved).toBe(TEST_TOKEN);
    expect(await update(k, { apiToken: 'NEW-TOKEN-1', acceptObscuredToken: true })).toMatchObject({ ok: true });
    expect(store.saved).toBe('NEW-TOKEN-1');
  });
});
