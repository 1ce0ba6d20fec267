import { describe, expect, it } from 'vitest';
import { checkProvision, checkProvisionText, provisionableKeys } from './provisioning-file';

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

  it('bounds the PIN hash’s scrypt parameters and names the one out of bounds', () => {
    const [, , , , salt, key] = HASH.split('$');
    const hash = (N: number, r: number, p: number, s = salt, k = key) => `scrypt$${N}$${r}$${p}$${s}$${k}`;
    const refusal = (adminPinHash: string) => {
      const checked = checkProvision({ adminPinHash });
      return checked.ok ? 'accepted' : checked.errors;
    };
    expect(refusal(hash(2 ** 20, 8, 1))).toEqual([
      'adminPinHash: This PIN hash is refused: its scrypt N is 1048576, and must be from 16384 to 131072, a power of two. Make one with npm run provision -- --hash-pin.',
    ]);
    expect(refusal(hash(30_000, 8, 1))).toEqual([expect.stringMatching(/scrypt N is 30000, .*a power of two/)]);
    expect(refusal(hash(2 ** 15, 17, 1))).toEqual([
      expect.stringMatching(/scrypt r is 17, and must be from 1 to 16\./),
    ]);
    expect(refusal(hash(2 ** 15, 8, 5))).toEqual([expect.stringMatching(/scrypt p is 5, and must be from 1 to 4\./)]);
    expect(refusal(hash(2 ** 15, 8, 1, 'AAAA'))).toEqual([expect.stringMatching(/salt length in bytes is 3, /)]);
    const longKey = 'A'.repeat(4000);
    expect(refusal(hash(2 ** 15, 8, 1, salt, longKey))).toEqual([
      expect.stringMatching(/key length in bytes is 3000, /),
    ]);
    // What this project writes, and the largest values allowed.
    expect(refusal(HASH)).toBe('accepted');
    expect(refusal(hash(2 ** 14, 8, 1))).toBe('accepted');
    expect(refusal(hash(2 ** 17, 16, 4))).toBe('accepted');
  });

  it('refuses __proto__, constructor and prototype by name, wherever they stand', () => {
    const text = `{
      "kioskName": "North gate",
      "__proto__": { "isAdmin": true },
      "zones": [{ "name": "Lot A", "currency": "CAD", "centsPerHour": 300, "maxCents": 2000, "presets": [30],
                  "constructor": { "prototype": { "polluted": true } } }],
      "homeRegions": ["QC"],
      "language": "fr-CA",
      "prototype": 1
    }`;
    const checked = checkProvisionText(text);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    const words =
      'This name is refused anywhere in the file: __proto__, constructor and prototype can change how the kiosk reads everything else.';
    expect(checked.errors).toEqual([`__proto__: ${words}`, `prototype: ${words}`, `zones[0].constructor: ${words}`]);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a zone in a currency OPSCOM does not take, naming the zone, in words IT can act on', () => {
    const zone = { name: 'Lot A', centsPerHour: 300, maxCents: 2000, presets: [30] };
    const checked = checkProvision({
      zones: [
        { ...zone, currency: 'CAD' },
        { ...zone, currency: 'JPY' },
      ],
    });
    expect(checked).toEqual({
      ok: false,
      errors: ['zones[1].currency: OPSCOM takes amounts in CAD or USD only: choose one of them.'],
    });
    expect(checkProvision({ zones: [{ ...zone, currency: 'USD' }] }).ok).toBe(true);
  });

  it('walks a deeply nested file without overflowing', () => {
    const deep = `{"zones": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const checked = checkProvisionText(deep);
    expect(checked.ok).toBe(false);
  });

  it('never lets the token or the kiosk id be provisioned', () => {
    expect(provisionableKeys()).not.toContain('kioskId');
    expect(provisionableKeys()).not.toContain('apiToken');
    expect(provisionableKeys()).toContain('adminPinHash');
  });
});
