import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../host/log';
import type { PrinterInfo, PrintJob } from '../printing/print-job';
import type { KioskServices } from '../channels/services';
import { kioskHandlers } from './handlers';

/** A handler file needs only the services it uses: no core, no sandbox, no disk. */
function services(
  parts: {
    print?: (job: PrintJob) => Promise<boolean>;
    printers?: () => Promise<PrinterInfo[]>;
    printerName?: string;
    receiptWidth?: '80mm' | '58mm';
  } = {},
): KioskServices {
  const { print, printers, printerName = '', receiptWidth = '80mm' } = parts;
  return {
    log: createLogger(() => undefined),
    settings: { current: { printerName, receiptWidth } },
    print,
    printers,
  } as unknown as KioskServices;
}

describe('kiosk:print', () => {
  it('says whether the app printed, only once it has', async () => {
    const print = vi.fn(async () => false);
    expect(await kioskHandlers(services({ print }))['kiosk:print']({ what: 'receipt' })).toEqual({
      printedBy: 'app',
      ok: false,
    });
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('prints silently to the chosen printer, on the roll’s width', async () => {
    const print = vi.fn(async (_job: PrintJob) => true);
    const k = services({ print, printerName: 'POS-58', receiptWidth: '58mm' });
    expect(await kioskHandlers(k)['kiosk:print']({ what: 'receipt' })).toEqual({ printedBy: 'app', ok: true });
    expect(print.mock.calls[0]![0]).toMatchObject({
      silent: true,
      deviceName: 'POS-58',
      pageSize: { width: 58_000 },
    });
  });

  it('with no printer chosen asks with the print dialog, as before', async () => {
    const print = vi.fn(async (_job: PrintJob) => true);
    await kioskHandlers(services({ print }))['kiosk:print']({ what: 'shift-summary' });
    expect(print.mock.calls[0]![0]).toEqual({ silent: false, printBackground: true });
  });

  it('leaves printing to the browser where the platform has no printer, claiming nothing', async () => {
    expect(await kioskHandlers(services())['kiosk:print']({ what: 'shift-summary' })).toEqual({ printedBy: 'browser' });
  });
});

describe('kiosk:printers', () => {
  it('lists the system’s printers where the app prints, with only what the screen shows', async () => {
    const printers = vi.fn(async () => [
      { name: 'TM_T88V', displayName: 'Epson TM-T88V', isDefault: false, description: 'Counter', options: {} },
      { name: 'Office', displayName: 'Office laser', isDefault: true },
    ]);
    expect(await kioskHandlers(services({ printers }))['kiosk:printers']({})).toEqual({
      source: 'app',
      printers: [
        { name: 'TM_T88V', displayName: 'Epson TM-T88V', isDefault: false },
        { name: 'Office', displayName: 'Office laser', isDefault: true },
      ],
    });
  });

  it('lists none where the browser prints (the station): it prints to the system default', async () => {
    expect(await kioskHandlers(services())['kiosk:printers']({})).toEqual({ source: 'browser', printers: [] });
  });
});
