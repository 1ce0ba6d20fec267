import { BrowserWindow } from 'electron';
import type { PrinterInfo, PrintJob } from '../core/printing/print-job';
import type { Logger } from '../core/host/log';

/**
 * The Electron side of printing: the kiosk window prints itself with the job the core decided
 * (src/main/core/printing/print-job.ts), and lists the system's printers for the Settings screen.
 */

/** Resolves true when Electron sent the page to the printer; false when it failed or the dialog was cancelled. */
export function printKioskWindow(job: PrintJob, log?: Logger): Promise<boolean> {
  return new Promise<boolean>((done) => {
    const window = BrowserWindow.getAllWindows()[0];
    if (!window || window.isDestroyed()) return done(false);
    window.webContents.print(job, (ok, failureReason) => {
      // "cancelled" is the attendant's choice in the dialog; anything else (a printer name that no longer
      // exists, a printer offline) is worth a line in the log.
      if (!ok && failureReason && failureReason !== 'cancelled') log?.warn(`Printing failed: ${failureReason}`);
      done(ok);
    });
  });
}

/** The system's printers as the kiosk window sees them; none when there is no window. */
export async function listPrinters(): Promise<PrinterInfo[]> {
  const window = BrowserWindow.getAllWindows()[0];
  if (!window || window.isDestroyed()) return [];
  const printers = await window.webContents.getPrintersAsync();
  // Electron before 22 said which printer is the system's default (`isDefault`); later ones do not, so a printer
  // is marked default only where Electron still says so.
  return printers.map((printer) => ({
    name: printer.name,
    displayName: printer.displayName || printer.name,
    isDefault: (printer as { isDefault?: unknown }).isDefault === true,
  }));
}
