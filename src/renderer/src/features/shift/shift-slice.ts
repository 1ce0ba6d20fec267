import type { StateCreator } from 'zustand';
import type { Shift, ShiftSummary } from '../../../../shared/shift/shift-view';
import type { MoneyReport } from '../../../../shared/money/ledger-entries';
import { sendToMain } from '../../app/transport/send-to-main';
import { catalogs } from '../../i18n/catalog';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const SHIFT_ACTIONS = ['shift', 'shiftStart', 'shiftSummary', 'shiftClose'] as const;
export type ShiftAction = (typeof SHIFT_ACTIONS)[number];

/** What `shift:close` answers: the shift's summary and, from a main that keeps the books, its Z-report. */
export type ClosedShift = ShiftSummary & { report?: MoneyReport | undefined };

/** The same limit main enforces, so the on-screen keys stop where main would refuse. */
export const ATTENDANT_MAX_LENGTH = 60;

/** The attendant's shift: starting it, its running totals, and closing it with its summary. */
export interface ShiftSlice {
  /** The open shift; null when none is open (the kiosk then asks for one before selling). */
  shift: Shift | null;
  /** False until `shift:current` has answered once. */
  shiftLoaded: boolean;
  /** The name or badge number being typed on the Start shift screen. */
  attendantDraft: string;
  /** Running totals of the open shift, while the Shift screen shows them. */
  shiftSummary: ShiftSummary | null;
  /** The summary `shift:close` returned (with its Z-report), kept for printing and export until done with. */
  closedShift: ClosedShift | null;
  /** Closing: the blind count of the drawer, then its outcome and the close itself (drawer-slice.ts counts). */
  shiftStep: 'confirm-close' | null;

  loadShift(): Promise<void>;
  /** For `shift:changed`. */
  applyShift(shift: Shift | null): void;
  typeAttendant(text: string): void;
  attendantBackspace(): void;
  setAttendantDraft(text: string): void;
  startShift(): Promise<void>;
  loadShiftSummary(): Promise<void>;
  /** Reloads the running totals if they are on screen (after a permit or outbox change). */
  refreshShiftSummary(): void;
  /** Close shift: opens the blind count of the drawer. */
  askCloseShift(): void;
  cancelCloseShift(): void;
  /** After the count; a difference beyond the tolerance needs the admin PIN. True when the shift closed. */
  closeShift(adminPin?: string): Promise<boolean>;
  /** The attendant has printed or exported the closed shift: back to Start shift. */
  finishClosedShift(): void;
  exportShift(save: (fileName: string, csv: string) => void): void;
  /** Leaving the screen closes the close-shift question; idle also forgets a half-typed name. */
  resetShift(scope: ResetScope): void;
}

/** One character an attendant's name or badge number may hold (the kiosk keys offer only these). */
export const ATTENDANT_CHARACTER = /^[\p{L}\p{N} .'-]$/u;

/** Letters, digits and single spaces; what badge scanners and people type, nothing a file name chokes on later. */
export function cleanAttendant(raw: string): string {
  return raw
    .replace(/[^\p{L}\p{N} .'-]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^ /, '')
    .slice(0, ATTENDANT_MAX_LENGTH);
}

/** `shift-<attendant>-<local date>.csv`, with the name reduced to characters every file system accepts. */
export function shiftFileName(summary: ShiftSummary): string {
  const at = new Date(summary.closedAt ?? summary.shift.startedAt);
  const date = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  const who =
    summary.shift.attendant
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'attendant';
  return `shift-${who}-${date}.csv`;
}

export const createShiftSlice: StateCreator<KioskState, [], [], ShiftSlice> = (set, get) => {
  // Totals can change in bursts (a flush sends ten actions); one more load after the current one covers them.
  let reloadSummary = false;

  return {
    shift: null,
    shiftLoaded: false,
    attendantDraft: '',
    shiftSummary: null,
    closedShift: null,
    shiftStep: null,

    async loadShift() {
      const result = await run(set, get, 'shift', () => sendToMain('shift:current', {}), {
        onOk: () => ({ shiftLoaded: true }),
      });
      if (result?.ok) get().applyShift(result.value);
    },

    applyShift(shift) {
      const previous = get().shift;
      if (previous?.id !== shift?.id) get().forgetDrawer();
      set({
        shift,
        shiftLoaded: true,
        // A shift started or ended: the old running totals belong to another shift.
        ...(previous?.id !== shift?.id ? { shiftSummary: null, shiftStep: null } : {}),
        ...(shift ? { closedShift: null } : {}),
      });
      if (shift && get().screen === 'shift') void get().loadShiftSummary();
      // A new shift: whether its drawer has a float yet decides if the float step comes before selling.
      if (shift && get().drawerLoadedFor !== shift.id) void get().loadDrawer();
    },

    typeAttendant(text) {
      set({ attendantDraft: cleanAttendant(get().attendantDraft + text) });
    },

    attendantBackspace() {
      set({ attendantDraft: get().attendantDraft.slice(0, -1) });
    },

    setAttendantDraft(text) {
      set({ attendantDraft: cleanAttendant(text) });
    },

    async startShift() {
      const attendant = get().attendantDraft.trim();
      if (!attendant) return;
      const result = await run(set, get, 'shiftStart', () => sendToMain('shift:start', { attendant }), {
        start: { error: null },
        onOk: () => ({ attendantDraft: '' }),
      });
      if (!result?.ok) return;
      get().showScreen('issue');
      get().applyShift(result.value);
    },

    async loadShiftSummary() {
      if (!get().shift) return;
      const result = await run(set, get, 'shiftSummary', () => sendToMain('shift:summary', {}), {
        // Only the totals of the shift still open: one may have closed while they were on their way.
        onOk: (summary) => (get().shift?.id === summary.shift.id ? { shiftSummary: summary } : {}),
      });
      if (result === null) {
        reloadSummary = true;
        return;
      }
      if (reloadSummary) {
        reloadSummary = false;
        await get().loadShiftSummary();
      }
    },

    refreshShiftSummary() {
      if (get().screen === 'shift' && get().shift) void get().loadShiftSummary();
    },

    askCloseShift() {
      if (!get().shift) return;
      // A fresh, blind count each time: nothing typed or answered for an earlier try shows.
      set({ shiftStep: 'confirm-close', drawerStep: null, counts: {}, countResult: null, notice: null, error: null });
      if (!get().drawer) void get().loadDrawer();
    },

    cancelCloseShift() {
      if (!get().inFlight.shiftClose) set({ shiftStep: null, counts: {}, countResult: null });
    },

    async closeShift(adminPin) {
      if (get().shiftStep !== 'confirm-close') return false;
      const request = adminPin === undefined ? {} : { adminPin };
      const result = await run(set, get, 'shiftClose', () => sendToMain('shift:close', request), {
        start: { error: null },
        onOk: (closedShift) => ({ shiftStep: null, shift: null, shiftSummary: null, closedShift, zReport: null }),
      });
      if (!result?.ok) return false;
      get().forgetDrawer();
      get().showScreen('shift');
      // The Z-report's CSV is saved under the name main gives it.
      if (result.value.report) void get().loadZReport(result.value.report.shift.id);
      return true;
    },

    finishClosedShift() {
      set({ closedShift: null, zReport: null, dayReport: null, drawerStep: null, notice: null });
      get().showScreen('issue');
    },

    exportShift(save) {
      const summary = get().closedShift ?? get().shiftSummary;
      if (!summary) return;
      const fileName = shiftFileName(summary);
      try {
        save(fileName, summary.csv);
        set({ notice: catalogs[get().language].noticeShiftSaved(fileName) });
      } catch {
        set({ error: { code: 'internal', message: catalogs[get().language].fileNotSaved } });
      }
    },

    resetShift(scope) {
      set(scope === 'idle' ? { shiftStep: null, attendantDraft: '' } : { shiftStep: null });
      get().resetDrawer(scope);
    },
  };
};
