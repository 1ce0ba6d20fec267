import { describe, expect, it } from 'vitest';
import { checkProvision, checkProvisionText, provisionableKeys } from './provision';

const HASH = 'scrypt$32768$8$1$ISU2U1HQIlOdsA8U8H8wSQ==$7pLs3cCzU1HVxw7nE0vnNlKg7XwXFsnRhQvjI1z44Tc=';
const ZONE = { name: 'Lot A', currency: 'CAD', centsPerHour: 300, maxCents: 2000, presets: [30, 60] };

describe('kiosk-provision.json', () => {
  it('takes a full file and keeps its values', () => {
    const file = {
      controllerUrl: 'https://controller.example.org',
      kioskName: 'North gate',
      zones: [ZONE],
      homeRegions: ['QC', 'ON'],
      language: 'fr-CA',
      idleResetSeconds: 120,
      outboxConcurrency: 2,
      requestSoftTimeoutMs: 5000,
      requestHardTimeoutMs: 60000,
      printerName: 'EPSON_TM_T20',
      receiptWidth: '58mm',
      metricsListen: '127.0.0.1:9464',
      pushgatewayUrl: '',
      pushIntervalSeconds: 30,
      adminPinHash: HASH,
    };
    const checked = checkProvision(file);
    expect(checked).toEqual({ ok: true, provision: file });
  });

  it('takes an empty object: every value is optional', () => {
    expect(checkProvision({})).toEqual({ ok: true, provision: {} });
  });

  it('refuses the token by name and says where it goes instead', () => {
    for (const key of ['token', 'apiToken']) {
      const checked = checkProvision({ [key]: 'ABC-123' });
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.errors).toEqual([expect.stringMatching(new RegExp(`^${key}: .*--token-file`))]);
    }
  });

  it('refuses a PIN in clear, a kiosk id and an unknown key', () => {
    const checked = checkProvision({ adminPin: '1234', kioskId: 'K1', zonez: [] });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors[0]).toMatch(/^adminPin: .*adminPinHash/);
    expect(checked.errors[1]).toMatch(/^kioskId: .*same ticket numbers/);
    expect(checked.errors[2]).toBe('zonez: This kiosk has no such setting.');
  });

  it('names the field of each problem in the catalog words', () => {
    const checked = checkProvision({
      zones: [ZONE, { ...ZONE, centsPerHour: 2.5, maxCents: 'x' }],
      language: 'de',
      adminPinHash: '1234',
      kioskName: '',
      controllerUrl: 'http://controller.example.org',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual(
      expect.arrayContaining([
        'zones[1].centsPerHour: Cents are whole numbers.',
        'zones[1].maxCents: This must be a number.',
        'language: Use one of: en-CA, fr-CA.',
        'kioskName: Give the kiosk a name.',
        expect.stringMatching(/^adminPinHash: Not a PIN hash/),
        expect.stringMatching(/^controllerUrl: The controller URL must start with https:\/\//),
      ]),
    );
    expect(checked.errors).toHaveLength(6);
  });

  it('refuses a hard timeout below the soft one', () => {
    const checked = checkProvision({ requestSoftTimeoutMs: 20000, requestHardTimeoutMs: 15000 });
    expect(checked).toEqual({
      ok: false,
      errors: ['requestHardTimeoutMs: The hard timeout cannot be shorter than the soft timeout.'],
    });
  });

  it('says when the text is not JSON or not an object', () => {
    const notJson = checkProvisionText('{ kioskName: ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.errors[0]).toMatch(/^The file is not JSON: /);
    expect(checkProvisionText('[1]')).toEqual({
      ok: false,
      errors: ['The file must hold one JSON object, { "kioskName": … }.'],
    });
  });

  it('never lets the token or the kiosk id be provisioned', () => {
    expect(provisionableKeys()).not.toContain('kioskId');
    expect(provisionableKeys()).not.toContain('apiToken');
    expect(provisionableKeys()).toContain('adminPinHash');
  });
});
