import type { SettingsView } from '../../../shared/settings/settings-view';
import { controllerOrigin } from '../../../shared/settings/controller-url';
import { DEMO_ADMIN_PIN } from '../../../shared/demo';
import { hashPin } from './admin-pin';
import { provisionedAfterEdit } from './provisioning';
import type { Handlers } from '../channels/dispatch';
import { fail } from '../channels/failure';
import { SecretStoreRefusal } from '../host/secret-store';
import type { KioskServices } from '../channels/services';

type SettingsChannels = 'settings:get' | 'settings:set-first-pin' | 'settings:update' | 'settings:test-connection';

/** The supervisor's screen: everything behind the admin PIN, the token write-only. */
export function settingsHandlers(k: KioskServices): Pick<Handlers, SettingsChannels> {
  return {
    'settings:get': async ({ adminPin }) => {
      await k.pin.require(adminPin);
      return settingsView(k);
    },
    'settings:set-first-pin': async ({ newAdminPin }) => {
      if (k.pin.isDemo) fail('not-allowed', 'pin-demo', { params: { pin: DEMO_ADMIN_PIN } });
      if (k.pin.isSet) fail('not-allowed', 'pin-already-set');
      k.settings.update({ adminPinHash: await hashPin(newAdminPin) });
      k.log.info('The first admin PIN was set.');
      k.events.emit('kiosk:changed', k.info());
      return k.info();
    },
    'settings:update': async ({ adminPin, changes }) => {
      await k.pin.require(adminPin);
      const { apiToken, newAdminPin, useStoredTokenFor, acceptObscuredToken, ...stored } = changes;
      if (stored.controllerUrl !== undefined && apiToken === undefined) {
        await requireTokenConsent(k, stored.controllerUrl, useStoredTokenFor);
      }
      const current = k.settings.current;
      const soft = stored.requestSoftTimeoutMs ?? current.requestSoftTimeoutMs;
      const hard = stored.requestHardTimeoutMs ?? current.requestHardTimeoutMs;
      if (hard < soft) fail('invalid-request', 'hard-below-soft', { field: 'changes.requestHardTimeoutMs' });
      if (apiToken !== undefined) await writeToken(k, apiToken, acceptObscuredToken === true);
      const next = k.settings.update({
        ...stored,
        ...(newAdminPin !== undefined ? { adminPinHash: await hashPin(newAdminPin) } : {}),
      });
      const provisioned = provisionedAfterEdit(current, next);
      if (provisioned) k.settings.update({ provisioned });
      if (stored.outboxConcurrency !== undefined) k.courier.setConcurrency(next.outboxConcurrency);
      const controllerTouched =
        apiToken !== undefined ||
        stored.controllerUrl !== undefined ||
        stored.timeMode !== undefined ||
        stored.requestSoftTimeoutMs !== undefined ||
        stored.requestHardTimeoutMs !== undefined;
      if (controllerTouched) {
        const client = await k.controller.reapply();
        if (client) k.courier.useClient(client);
      }
      if (
        stored.metricsListen !== undefined ||
        stored.pushgatewayUrl !== undefined ||
        stored.pushIntervalSeconds !== undefined
      ) {
        k.metricsExport.reload();
      }
      k.events.emit('kiosk:changed', k.info());
      return settingsView(k);
    },
    'settings:test-connection': async ({ adminPin }) => {
      await k.pin.require(adminPin);
      const outcome = await k.controller.client.stats();
      k.connection.observe(outcome);
      if (outcome.kind === 'success')
        return { ok: true, problem: { code: 'connected-to', params: { host: k.controller.host } } };
      return { ok: false, problem: outcome.problem };
    },
  };
}

/**
 * The stored token goes to a new server only if the supervisor typed it again in the same save, or confirmed
 * sending it to that host (which the screen shows): a PIN alone must not be enough to redirect it.
 */
async function requireTokenConsent(k: KioskServices, url: string, confirmedHost: string | undefined): Promise<void> {
  if (!(await k.secrets.readToken())) return; // no stored token to send anywhere
  const before = k.settings.current.controllerUrl;
  if (before !== undefined && controllerOrigin(before) === controllerOrigin(url)) return;
  if (confirmedHost === new URL(url).host) return;
  fail('not-allowed', 'token-new-host', { params: { host: new URL(url).host }, field: 'changes.apiToken' });
}

async function writeToken(k: KioskServices, token: string, obscuredConsent: boolean): Promise<void> {
  try {
    await k.secrets.writeToken(token, { obscuredConsent });
  } catch (error) {
    if (!(error instanceof SecretStoreRefusal)) throw error;
    if (error.code === 'obscured-needs-consent') {
      fail('not-allowed', 'token-obscured-consent', { field: 'changes.acceptObscuredToken' });
    }
    fail('not-allowed', 'token-no-encryption', { field: 'changes.apiToken' });
  }
}

/** What the settings screen shows; the token itself never leaves main, only whether one is set and its end. */
export async function settingsView(k: KioskServices): Promise<SettingsView> {
  const { controller } = k.controller;
  const settings = k.settings.current;
  const demo = controller.source === 'demo';
  const token = demo ? await k.secrets.readToken() : controller.token;
  return {
    controllerUrl: demo ? (settings.controllerUrl ?? null) : controller.url,
    controllerSource: controller.source,
    tokenSet: Boolean(token),
    tokenLast4: token ? token.slice(-4) : null,
    tokenStorage: k.secrets.describe(),
    tokenProtection: await k.secrets.protection(),
    kioskId: settings.kioskId ?? '',
    kioskName: settings.kioskName,
    zones: k.rates().zones,
    extendMinutes: k.rates().extendMinutes,
    timeMode: settings.timeMode,
    language: settings.language,
    outboxConcurrency: settings.outboxConcurrency,
    requestSoftTimeoutMs: settings.requestSoftTimeoutMs,
    requestHardTimeoutMs: settings.requestHardTimeoutMs,
    repeatedTicketRefused: settings.repeatedTicketRefused,
    idleResetSeconds: settings.idleResetSeconds,
    homeRegions: settings.homeRegions,
    refundPinAboveCents: settings.refundPinAboveCents,
    drawerToleranceCents: settings.drawerToleranceCents,
    plateFixWindowMinutes: settings.plateFixWindowMinutes,
    receiptWidth: settings.receiptWidth,
    printerName: settings.printerName,
    metricsListen: settings.metricsListen,
    pushgatewayUrl: settings.pushgatewayUrl,
    pushIntervalSeconds: settings.pushIntervalSeconds,
    metricsFrom: k.metricsExport.current.source,
    updateFeedUrl: settings.updateFeedUrl,
    maintenanceHour: settings.maintenanceHour,
    provisioned: settings.provisioned ?? [],
    adminPinIsDemo: k.pin.isDemo,
    demoMode: demo,
  };
}
