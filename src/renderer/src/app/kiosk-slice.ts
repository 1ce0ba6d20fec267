import type { StateCreator } from 'zustand';
import type { KioskError } from '../../../shared/errors/kiosk-error';
import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { Language } from '../../../shared/language';
import { sendToMain } from './transport/send-to-main';
import { run } from './store-slice';
import type { KioskState } from './store';

export const KIOSK_ACTIONS = ['info', 'language', 'print'] as const;
export type KioskAction = (typeof KIOSK_ACTIONS)[number];

/** The kiosk itself: what main says about it (zones, name, PIN state), the screen's language, and printing. */
export interface KioskSlice {
  info: KioskInfo | null;
  /** Kept apart from `error`: without info there is no kiosk to show, only the failure and a Retry. */
  infoError: KioskError | null;
  /** The screen's language: follows `info.language`, and switches at once when tapped. */
  language: Language;

  loadInfo(): Promise<void>;
  /** For `kiosk:changed` and the answer to a language switch. */
  applyInfo(info: KioskInfo): void;
  setLanguage(language: Language): Promise<void>;
  toggleLanguage(): Promise<void>;
  /**
   * Prints the receipt or shift summary on screen: the Electron app prints through main; the station (and an
   * older main) leave it to `windowPrint`, the page's own print dialog.
   */
  print(what: 'receipt' | 'shift-summary', windowPrint: () => void): Promise<void>;
}

export const createKioskSlice: StateCreator<KioskState, [], [], KioskSlice> = (set, get) => ({
  info: null,
  infoError: null,
  language: 'en-CA',

  async loadInfo() {
    const result = await run(set, get, 'info', () => sendToMain('kiosk:info', {}), {
      start: { infoError: null },
      onError: (infoError) => ({ infoError }),
    });
    if (result?.ok) get().applyInfo(result.value);
  },

  applyInfo(info) {
    // While a switch is on its way, the tapped language wins over an answer that may predate it.
    set({ info, ...(get().inFlight.language ? {} : { language: info.language }) });
    get().fitChoices(info);
  },

  async setLanguage(language) {
    const previous = get().language;
    if (language === previous) return;
    // Switch at once; main stores it and tells every window through kiosk:changed.
    const result = await run(set, get, 'language', () => sendToMain('kiosk:set-language', { language }), {
      start: { language },
      onError: (error) => ({ language: previous, error }),
    });
    if (result?.ok) get().applyInfo(result.value);
  },

  async toggleLanguage() {
    await get().setLanguage(get().language === 'fr-CA' ? 'en-CA' : 'fr-CA');
  },

  async print(what, windowPrint) {
    // A failed call needs no alert: the page's own dialog prints instead.
    const result = await run(set, get, 'print', () => sendToMain('kiosk:print', { what }), { onError: () => ({}) });
    if (result === null) return;
    // 'app' printed (or the attendant cancelled its dialog, which needs no alert); anything else prints here.
    if (result.ok && result.value.printedBy === 'app') return;
    windowPrint();
  },
});
