import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../../shared/contract';
import { sendToMain } from '../../app/transport/send-to-main';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const PRINTERS_ACTIONS = ['printers'] as const;
export type PrintersAction = (typeof PRINTERS_ACTIONS)[number];
export type PrinterList = ResponseOf<'kiosk:printers'>;

/** The printers the Settings screen offers: the system's in the Electron app, none in the station's browser. */
export interface PrintersSlice {
  /** Null until asked (and again once the settings are left: printers come and go). */
  printers: PrinterList | null;
  loadPrinters(): Promise<void>;
  resetPrinters(scope: ResetScope): void;
}

export const createPrintersSlice: StateCreator<KioskState, [], [], PrintersSlice> = (set, get) => ({
  printers: null,

  async loadPrinters() {
    await run(set, get, 'printers', () => sendToMain('kiosk:printers', {}), {
      onOk: (printers) => ({ printers }),
    });
  },

  resetPrinters() {
    set({ printers: null });
  },
});
