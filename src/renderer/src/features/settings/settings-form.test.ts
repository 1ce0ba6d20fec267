import { describe, expect, it } from 'vitest';
import { catalogs } from '../../i18n/catalog';
import { buildChanges, draftFrom, emptyZoneDraft, parseMinutes, toggleRegion } from './settings-form';
import { settingsView } from '../../testing/fixtures';

const t = catalogs['en-CA'];
const view = settingsView({ adminPinIsDemo: true });

describe('settings form', () => {
  it('starts from the view with the token and new PIN empty (write-only)', () => {
    const draft = draftFrom(view);
    expect(draft).toMatchObject({ apiToken: '', newAdminPin: '', outboxConcurrency: '4', idleResetSeconds: '120' });
    expect(draft.zones[0]).toMatchObject({ centsPerHour: '450', maxCents: '2400', presets: '30 60' });
  });

  it('sends nothing for an untouched form', () => {
    expect(buildChanges(view, draftFrom(view), t)).toEqual({ changes: {}, errors: {} });
  });

  it('sends only what changed', () => {
    const draft = {
      ...draftFrom(view),
      kioskName: ' Gate 2 ',
      apiToken: 'abc-123',
      timeMode: 'local' as const,
      idleResetSeconds: ' 0 ',
    };
    expect(buildChanges(view, draft, t)).toEqual({
      changes: { kioskName: 'Gate 2', apiToken: 'abc-123', timeMode: 'local', idleResetSeconds: 0 },
      errors: {},
    });
  });

  it('sends the whole zone list when a rate changes', () => {
    const draft = draftFrom(view);
    draft.zones[0] = { ...draft.zones[0]!, centsPerHour: '500', presets: '30, 60 120' };
    expect(buildChanges(view, draft, t).changes.zones).toEqual([
      { name: 'Lot A', currency: 'CAD', centsPerHour: 500, maxCents: 2400, presets: [30, 60, 120] },
    ]);
  });

  it('names every field to fix, with main’s own rules, before sending', () => {
    const draft = {
      ...draftFrom(view),
      controllerUrl: 'ftp://x',
      kioskId: 'k-1',
      outboxConcurrency: '2.5',
      newAdminPin: '12',
      zones: [...draftFrom(view).zones, emptyZoneDraft('Lot B')],
    };
    const { errors } = buildChanges(view, draft, t);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'controllerUrl',
        'kioskId',
        'newAdminPin',
        'outboxConcurrency',
        'zones.1.centsPerHour',
        'zones.1.maxCents',
        'zones.1.presets',
      ].sort(),
    );
    expect(errors.outboxConcurrency).toBe(t.wholeNumber);
    expect(errors.newAdminPin).toBe('A PIN is 4 to 8 digits.');
  });

  it('sends request timeouts in milliseconds and the repeated-ticket answer, and refuses a hard below the soft', () => {
    const draft = {
      ...draftFrom(view),
      requestSoftTimeoutSeconds: '15',
      requestHardTimeoutSeconds: '120',
      repeatedTicketRefused: 'yes' as const,
    };
    expect(draftFrom(view)).toMatchObject({ requestSoftTimeoutSeconds: '10', requestHardTimeoutSeconds: '90' });
    expect(buildChanges(view, draft, t)).toEqual({
      changes: { requestSoftTimeoutMs: 15_000, requestHardTimeoutMs: 120_000, repeatedTicketRefused: 'yes' },
      errors: {},
    });
    const backwards = { ...draftFrom(view), requestSoftTimeoutSeconds: '60', requestHardTimeoutSeconds: '30' };
    expect(buildChanges(view, backwards, t).errors).toEqual({ requestHardTimeoutMs: t.hardBelowSoft });
    const tooLong = { ...draftFrom(view), requestHardTimeoutSeconds: '900' };
    expect(buildChanges(view, tooLong, t).errors).toEqual({
      requestHardTimeoutMs: t.problem({ code: 'hard-timeout-range' }),
    });
    expect(t.problem({ code: 'hard-timeout-range' })).toBe('From 1 second to 10 minutes.');
  });

  it('names the host before the stored token goes to a new controller, and asks consent for an obscured token', () => {
    const moved = { ...draftFrom(view), controllerUrl: 'https://new.example:8443/api' };
    expect(buildChanges(view, moved, t).changes).toEqual({ controllerUrl: 'https://new.example:8443/api' });
    expect(buildChanges(view, { ...moved, useStoredToken: true }, t).changes).toEqual({
      controllerUrl: 'https://new.example:8443/api',
      useStoredTokenFor: 'new.example:8443',
    });
    const obscured = settingsView({ tokenProtection: 'obscured' });
    const typed = { ...draftFrom(obscured), apiToken: 'NEW-1' };
    expect(buildChanges(obscured, typed, t).errors).toEqual({ acceptObscuredToken: t.obscuredTokenNeedsConsent });
    expect(buildChanges(obscured, { ...typed, acceptObscuredToken: true }, t)).toEqual({
      changes: { apiToken: 'NEW-1', acceptObscuredToken: true },
      errors: {},
    });
  });

  it('reads durations as whole minutes', () => {
    expect(parseMinutes('30 60;90')).toEqual([30, 60, 90]);
    expect(parseMinutes('30 1.5')).toBeNull();
    expect(parseMinutes('')).toEqual([]);
  });
});

describe('home regions', () => {
  it('toggles a region on at the end of the list, or off', () => {
    expect(toggleRegion(['ON'], 'QC')).toEqual(['ON', 'QC']);
    expect(toggleRegion(['ON', 'QC'], 'ON')).toEqual(['QC']);
  });

  it('sends the regions when they change, in the order tapped', () => {
    const draft = { ...draftFrom(view), homeRegions: toggleRegion(draftFrom(view).homeRegions, 'QC') };
    expect(buildChanges(view, draft, t)).toEqual({ changes: { homeRegions: ['ON', 'QC'] }, errors: {} });
  });

  it('refuses none at all, in the supervisor’s language', () => {
    const draft = { ...draftFrom(view), homeRegions: [] };
    expect(buildChanges(view, draft, t).errors).toEqual({
      homeRegions: 'Choose at least one region for the plate check.',
    });
    expect(buildChanges(view, draft, catalogs['fr-CA']).errors).toEqual({
      homeRegions: 'Choisissez au moins une région pour la vérification des plaques.',
    });
  });
});

describe('money and printing settings', () => {
  const money = settingsView({
    refundPinAboveCents: 2000,
    drawerToleranceCents: 500,
    plateFixWindowMinutes: 15,
    receiptWidth: '80mm',
    printerName: '',
  });

  it('starts from main’s values and sends nothing when untouched', () => {
    const draft = draftFrom(money);
    expect(draft).toMatchObject({
      refundPinAboveCents: '2000',
      drawerToleranceCents: '500',
      plateFixWindowMinutes: '15',
      receiptWidth: '80mm',
      printerName: '',
    });
    expect(buildChanges(money, draft, t)).toEqual({ changes: {}, errors: {} });
  });

  it('sends the changed limits as whole cents and minutes, the roll and the chosen printer', () => {
    const draft = {
      ...draftFrom(money),
      refundPinAboveCents: '5000',
      drawerToleranceCents: ' 0 ',
      plateFixWindowMinutes: '0',
      receiptWidth: '58mm' as const,
      printerName: 'TM_T88V',
    };
    expect(buildChanges(money, draft, t)).toEqual({
      changes: {
        refundPinAboveCents: 5000,
        drawerToleranceCents: 0,
        plateFixWindowMinutes: 0,
        receiptWidth: '58mm',
        printerName: 'TM_T88V',
      },
      errors: {},
    });
  });

  it('refuses what main would, in words, on the field', () => {
    const draft = {
      ...draftFrom(money),
      refundPinAboveCents: '12.50',
      drawerToleranceCents: '100001',
      plateFixWindowMinutes: '1441',
      printerName: 'P'.repeat(201),
    };
    expect(buildChanges(money, draft, t).errors).toEqual({
      refundPinAboveCents: t.wholeNumber,
      drawerToleranceCents: 'A drawer tolerance is from 0 to 1000.00, in cents.',
      plateFixWindowMinutes: 'From 0 to 1440 minutes (one day).',
      printerName: 'A printer name is at most 200 characters.',
    });
    expect(buildChanges(money, draftFrom(money), catalogs['fr-CA']).errors).toEqual({});
    const fr = buildChanges(money, { ...draftFrom(money), plateFixWindowMinutes: '2000' }, catalogs['fr-CA']);
    expect(fr.errors.plateFixWindowMinutes).toBe('De 0 à 1440 minutes (un jour).');
  });

  it('changes none of them where main sent none (a main older than them)', () => {
    expect(buildChanges(view, draftFrom(view), t)).toEqual({ changes: {}, errors: {} });
  });
});

describe('fleet monitoring settings', () => {
  const monitoring = settingsView({
    metricsListen: '',
    pushgatewayUrl: '',
    pushIntervalSeconds: 15,
    metricsFrom: 'settings',
  });

  it('sends nothing untouched, and the address, Pushgateway and interval once typed', () => {
    expect(buildChanges(monitoring, draftFrom(monitoring), t)).toEqual({ changes: {}, errors: {} });
    const draft = {
      ...draftFrom(monitoring),
      metricsListen: ' 192.168.1.20:9464 ',
      pushgatewayUrl: 'http://pushgateway.example:9091',
      pushIntervalSeconds: '30',
    };
    expect(buildChanges(monitoring, draft, t)).toEqual({
      changes: {
        metricsListen: '192.168.1.20:9464',
        pushgatewayUrl: 'http://pushgateway.example:9091',
        pushIntervalSeconds: 30,
      },
      errors: {},
    });
  });

  it('refuses what main would, in words, on the field, in either language', () => {
    const draft = {
      ...draftFrom(monitoring),
      metricsListen: 'kiosk.local',
      pushgatewayUrl: 'pushgateway:9091',
      pushIntervalSeconds: '2',
    };
    const { errors } = buildChanges(monitoring, draft, t);
    expect(Object.keys(errors).sort()).toEqual(['metricsListen', 'pushIntervalSeconds', 'pushgatewayUrl']);
    expect(errors.pushIntervalSeconds).toBe('From 5 to 3600 seconds.');
    expect(buildChanges(monitoring, draft, catalogs['fr-CA']).errors.pushIntervalSeconds).toBe('De 5 à 3600 secondes.');
  });
});

describe('update settings', () => {
  const updates = settingsView({ updateFeedUrl: '', maintenanceHour: null });

  it('sends the feed and the hour once typed, and an emptied hour as none', () => {
    expect(buildChanges(updates, draftFrom(updates), t)).toEqual({ changes: {}, errors: {} });
    const draft = { ...draftFrom(updates), updateFeedUrl: 'https://updates.example.org/kiosk', maintenanceHour: '3' };
    expect(buildChanges(updates, draft, t).changes).toEqual({
      updateFeedUrl: 'https://updates.example.org/kiosk',
      maintenanceHour: 3,
    });
    const at3 = settingsView({ updateFeedUrl: '', maintenanceHour: 3 });
    expect(buildChanges(at3, { ...draftFrom(at3), maintenanceHour: ' ' }, t).changes).toEqual({
      maintenanceHour: null,
    });
  });

  it('refuses an hour past 23 and a feed that is not https, in words', () => {
    const draft = { ...draftFrom(updates), updateFeedUrl: 'http://updates.example.org', maintenanceHour: '24' };
    const { errors } = buildChanges(updates, draft, t);
    expect(Object.keys(errors).sort()).toEqual(['maintenanceHour', 'updateFeedUrl']);
    expect(errors.maintenanceHour).toBe('A maintenance hour is from 0 to 23, or none.');
  });
});
