import { describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract';
import { SettingsRepository } from './stored-settings';
import { startTestKiosk } from '../testing/test-kiosk';

const changes = channels['settings:update'].request.shape.changes;

describe('the receipt and printer settings', () => {
  it('default to an 80 mm roll and no printer chosen (the print dialog)', () => {
    const settings = new SettingsRepository({ store: {} }).read();
    expect(settings).toMatchObject({ receiptWidth: '80mm', printerName: '', plateFixWindowMinutes: 15 });
  });

  it('keep a supervisor’s roll and printer', () => {
    const repository = new SettingsRepository({ store: {} });
    repository.update({ receiptWidth: '58mm', printerName: 'POS-58' });
    expect(repository.read()).toMatchObject({ receiptWidth: '58mm', printerName: 'POS-58' });
  });

  it('refuse a roll the kiosk cannot lay out, and an overlong printer name, with problem codes', () => {
    const wide = changes.safeParse({ receiptWidth: '110mm' });
    expect(wide.success).toBe(false);
    expect(wide.error?.issues[0]?.message).toBe('receipt-width-unknown');
    const long = changes.safeParse({ printerName: 'P'.repeat(201) });
    expect(long.error?.issues[0]?.message).toBe('printer-name-too-long');
    expect(changes.safeParse({ receiptWidth: '58mm', printerName: '' }).success).toBe(true);
  });

  it('fall back to the defaults for a hand-edited file with a bad roll', () => {
    expect(new SettingsRepository({ store: { receiptWidth: 'A4' } }).read().receiptWidth).toBe('80mm');
  });

  it('fall back for each bad value alone, keeping the admin PIN hash and the controller beside it', () => {
    const adminPinHash = 'scrypt$32768$8$1$ISU2U1HQIlOdsA8U8H8wSQ==$7pLs3cCzU1HVxw7nE0vnNlKg7XwXFsnRhQvjI1z44Tc=';
    const settings = new SettingsRepository({
      store: {
        kioskName: 'Gate\u200b 1', // saved before zero-width characters were refused
        receiptWidth: 'A4',
        adminPinHash,
        controllerUrl: 'https://controller.example.org',
        printerName: 'POS-58',
      },
    }).read();
    expect(settings).toMatchObject({
      kioskName: 'Permit kiosk',
      receiptWidth: '80mm',
      adminPinHash,
      controllerUrl: 'https://controller.example.org',
      printerName: 'POS-58',
    });
  });
});

describe('a zone saved in a currency OPSCOM does not take', () => {
  const zone = { name: 'Lot 9', currency: 'CAD', centsPerHour: 450, maxCents: 2400, presets: [60] };

  it('is set aside at start, not fatal: the shipped rates apply, the rest is kept, and the reason is given', () => {
    const repository = new SettingsRepository({
      store: { kioskName: 'Gate 1', zones: [zone, { ...zone, name: 'Lot 10', currency: 'JPY' }] },
    });
    const settings = repository.read();
    expect(settings.zones).toBeUndefined();
    expect(settings.kioskName).toBe('Gate 1');
    expect(repository.setAside).toEqual([{ key: 'zones', at: 'zones.1.currency', problem: 'currency-unsupported' }]);
  });

  it('starts the kiosk with the shipped rates, and says so in the log for IT', async () => {
    const kiosk = await startTestKiosk({ settings: { zones: [{ ...zone, currency: 'JPY' }] } });
    try {
      expect(kiosk.core.info.zones.map((z) => z.currency)).toEqual(['CAD', 'CAD', 'CAD']);
      expect(kiosk.logLines.join('\n')).toContain(
        'Settings: the saved value of zones is set aside (zones.0.currency: OPSCOM takes amounts in CAD or USD only: choose one of them.)',
      );
    } finally {
      await kiosk.close();
    }
  });

  it('is refused when a supervisor saves it, while CAD and USD are kept', () => {
    const refused = changes.safeParse({ zones: [{ ...zone, currency: 'JPY' }] });
    expect(refused.error?.issues[0]?.message).toBe('currency-unsupported');
    const repository = new SettingsRepository({ store: {} });
    repository.update({ zones: [zone, { ...zone, name: 'Lot 10', currency: 'USD' }] });
    expect(repository.read().zones?.map((z) => z.currency)).toEqual(['CAD', 'USD']);
    expect(repository.setAside).toEqual([]);
  });
});
