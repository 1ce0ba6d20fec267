import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../core/host/log';
import { printJob } from '../core/printing/print-job';
import { listPrinters, printKioskWindow } from './window-printing';
import { BrowserWindow, resetFakeElectron } from './testing/fake-electron';

vi.mock('electron', () => import('./testing/fake-electron'));

type PrintCallback = (ok: boolean, failureReason: string) => void;

beforeEach(() => resetFakeElectron());

describe('printing the kiosk window', () => {
  it('hands Electron the silent job for the chosen printer, on the roll’s width, and says it printed', async () => {
    const window = new BrowserWindow({});
    window.webContents.print.mockImplementation((_options: unknown, callback: PrintCallback) => callback(true, ''));
    const job = printJob({ printerName: 'TM_T88V', receiptWidth: '80mm' });
    expect(await printKioskWindow(job)).toBe(true);
    expect(window.webContents.print).toHaveBeenCalledTimes(1);
    expect(window.webContents.print.mock.calls[0]![0]).toEqual({
      silent: true,
      printBackground: true,
      deviceName: 'TM_T88V',
      pageSize: { width: 80_000, height: 297_000 },
      margins: { marginType: 'none' },
    });
  });

  it('keeps the dialog when no printer is chosen, and a cancelled dialog is no failure in the log', async () => {
    const window = new BrowserWindow({});
    window.webContents.print.mockImplementation((_options: unknown, callback: PrintCallback) =>
      callback(false, 'cancelled'),
    );
    const lines: string[] = [];
    const log = createLogger((_level, line) => lines.push(line));
    expect(await printKioskWindow(printJob({ printerName: '', receiptWidth: '58mm' }), log)).toBe(false);
    expect(window.webContents.print.mock.calls[0]![0]).toEqual({ silent: false, printBackground: true });
    expect(lines).toEqual([]);
  });

  it('logs why a silent print failed (a printer that is gone)', async () => {
    const window = new BrowserWindow({});
    window.webContents.print.mockImplementation((_options: unknown, callback: PrintCallback) =>
      callback(false, 'Invalid deviceName provided'),
    );
    const lines: string[] = [];
    const log = createLogger((_level, line) => lines.push(line));
    expect(await printKioskWindow(printJob({ printerName: 'Gone', receiptWidth: '80mm' }), log)).toBe(false);
    expect(lines.join('\n')).toContain('Invalid deviceName provided');
  });

  it('prints nothing, and says so, without a window', async () => {
    expect(await printKioskWindow(printJob({ printerName: 'TM_T88V', receiptWidth: '80mm' }))).toBe(false);
  });
});

describe('listing the printers', () => {
  it('gives the name Electron prints to, the name people read, and the default', async () => {
    const window = new BrowserWindow({});
    window.webContents.getPrintersAsync.mockResolvedValue([
      { name: 'TM_T88V', displayName: 'Epson TM-T88V', description: '', isDefault: true, options: {} },
      { name: 'lp0', displayName: '', description: '', isDefault: false, options: {} },
    ]);
    expect(await listPrinters()).toEqual([
      { name: 'TM_T88V', displayName: 'Epson TM-T88V', isDefault: true },
      { name: 'lp0', displayName: 'lp0', isDefault: false },
    ]);
  });

  it('lists none without a window', async () => {
    expect(await listPrinters()).toEqual([]);
  });
});
