import type { ReceiptWidth } from '../../../shared/settings/settings-view';

/**
 * How the Electron app prints, decided from the settings alone (no Electron here, so it is tested as a plain
 * function): src/main/electron/window-printing.ts hands the result to `webContents.print`.
 */

/** A printer as the Settings screen lists it (Electron's PrinterInfo, the parts the screen shows). */
export interface PrinterInfo {
  /** The system's name for it: what `deviceName` takes. */
  name: string;
  displayName: string;
  isDefault: boolean;
}

/** The subset of Electron's `WebContentsPrintOptions` the kiosk sets. */
export interface PrintJob {
  /** No dialog: the kiosk is unattended. Only with a chosen printer; otherwise the dialog asks where. */
  silent: boolean;
  printBackground: boolean;
  deviceName?: string;
  /** Microns, as Electron takes a custom page size: the roll's width, and a length the driver cuts short. */
  pageSize?: { width: number; height: number };
  /** The page's CSS (@page margin) sets the margins on the roll; the driver adds none. */
  margins?: { marginType: 'none' };
}

/** Receipt rolls' widths in microns (1 mm = 1000 µm), as Electron's `pageSize` takes them. */
export const ROLL_WIDTH_MICRONS: Record<ReceiptWidth, number> = { '80mm': 80_000, '58mm': 58_000 };

/**
 * A roll has no page length: the page is as long as an A4 sheet (297 mm), which holds a receipt or a shift
 * summary whole, and roll printers' drivers feed and cut after the last printed line, not the page's end.
 */
export const ROLL_PAGE_LENGTH_MICRONS = 297_000;

/**
 * The print job for the kiosk's settings: with a chosen printer, silently to it on a page the roll's width;
 * with none (''), as before any printer was chosen: the print dialog, where the attendant chooses.
 */
export function printJob(settings: { printerName: string; receiptWidth: ReceiptWidth }): PrintJob {
  const printer = settings.printerName.trim();
  if (!printer) return { silent: false, printBackground: true };
  return {
    silent: true,
    printBackground: true,
    deviceName: printer,
    pageSize: { width: ROLL_WIDTH_MICRONS[settings.receiptWidth], height: ROLL_PAGE_LENGTH_MICRONS },
    margins: { marginType: 'none' },
  };
}
