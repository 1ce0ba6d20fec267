import { describe, expect, it } from 'vitest';
import { printJob } from './print-job';

describe('the print job from the settings', () => {
  it('prints silently to the chosen printer on a page as wide as the 80 mm roll', () => {
    expect(printJob({ printerName: 'TM-T88V', receiptWidth: '80mm' })).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'TM-T88V',
      pageSize: { width: 80_000, height: 297_000 },
      margins: { marginType: 'none' },
    });
  });

  it('sizes the page for a 58 mm roll', () => {
    expect(printJob({ printerName: 'POS-58', receiptWidth: '58mm' }).pageSize).toEqual({
      width: 58_000,
      height: 297_000,
    });
  });

  it('with no printer chosen keeps the print dialog, on no forced page size', () => {
    expect(printJob({ printerName: '', receiptWidth: '58mm' })).toEqual({ silent: false, printBackground: true });
    // Spaces alone are no printer's name.
    expect(printJob({ printerName: '   ', receiptWidth: '80mm' }).silent).toBe(false);
  });

  it('names the printer as the system does, without the spaces around it', () => {
    expect(printJob({ printerName: '  Star TSP100 ', receiptWidth: '80mm' }).deviceName).toBe('Star TSP100');
  });
});
