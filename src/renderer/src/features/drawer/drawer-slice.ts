import type { StateCreator } from 'zustand';
import type { CountResult, DayReport, DrawerStatus, MoneyReport } from '../../../../shared/money/ledger-entries';
import { formatMoney } from '../../../../shared/money/money';
import { sendToMain } from '../../app/transport/send-to-main';
import { amountDigits, centsOfDigits, clampCount, countRows } from './drawer-arithmetic';
import { catalogs } from '../../i18n/catalog';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const DRAWER_ACTIONS = [
  'drawer',
  'drawerOpen',
  'drawerMove',
  'drawerCount',
  'reportX',
  'reportZ',
  'reportDay',
] as const;
export type DrawerAction = (typeof DRAWER_ACTIONS)[number];

/** What the Shift screen has open for the drawer: a paid-out or drop form, the X-report or the day report. */
export type DrawerStep =
  | { kind: 'paid-out' | 'drop'; /** One per form: a retry of the same form is recorded once. */ requestId: string }
  | { kind: 'x-report' }
  | { kind: 'day-report' };

export type ZReport = MoneyReport & { fileName: string };
export type DayReportView = DayReport & { fileName: string };

/** The cash drawer of the open shift: its float, paid-outs and drops, the blind count, and the money reports. */
export interface DrawerSlice {
  /** The open shift's drawer, without the expected cash (main never sends it before a count). */
  drawer: DrawerStatus | null;
  /** The shift whose drawer main has answered for (or refused to): until then nothing is sold. */
  drawerLoadedFor: string | null;
  /** A shift whose float main would not take any more (cash had moved before): the step is not asked again. */
  floatWaivedFor: string | null;
  /** The float being typed, as keypad digits (cents). */
  floatDigits: string;
  drawerStep: DrawerStep | null;
  moveDigits: string;
  moveReason: string;
  /** The blind count being entered: how many of each note and coin, by cents. */
  counts: Record<number, number>;
  /** The answer to this close's count: the first time the expected cash shows. */
  countResult: CountResult | null;
  xReport: (MoneyReport & { fileName: string }) | null;
  /** The closed shift's Z-report with the file name main gives its CSV. */
  zReport: ZReport | null;
  dayReport: DayReportView | null;

  loadDrawer(): Promise<void>;
  setFloatDigits(digits: string): void;
  declareFloat(cents: number): Promise<void>;
  openDrawerStep(kind: DrawerStep['kind']): void;
  closeDrawerStep(): void;
  setMoveDigits(digits: string): void;
  setMoveReason(reason: string): void;
  /** Sends the open paid-out or drop form; true when main recorded it. */
  moveCash(): Promise<boolean>;
  setCount(cents: number, count: number): void;
  countDrawer(): Promise<void>;
  /** Back to the count's rows, as they were, to count again. */
  countAgain(): void;
  /** The X-report; with the admin PIN it shows the expected cash. True when main answered. */
  loadXReport(adminPin?: string): Promise<boolean>;
  loadZReport(shiftId: string): Promise<void>;
  loadDayReport(): Promise<void>;
  saveReport(report: { fileName: string; csv: string }, save: (fileName: string, csv: string) => void): void;
  /** The shift ended: its drawer, count and X-report go; the Z-report stays for the closed view. */
  forgetDrawer(): void;
  resetDrawer(scope: ResetScope): void;
}

/** The float step is up: a shift is open whose drawer has no float yet, on a screen that could move cash. */
export function isFloatStepShown(state: KioskState): boolean {
  const { shift, drawer } = state;
  if (!shift || !drawer || drawer.shiftId !== shift.id) return false;
  if (drawer.floatCents !== null || state.floatWaivedFor === shift.id) return false;
  return (
    state.screen === 'issue' ||
    state.screen === 'confirmation' ||
    state.screen === 'permits' ||
    state.screen === 'shift'
  );
}

/** A shift is open and main has not yet said whether its drawer has a float: nothing is sold meanwhile. */
export function isDrawerPending(state: KioskState): boolean {
  return state.shift !== null && state.drawerLoadedFor !== state.shift.id;
}

const CLEARED_COUNT = { counts: {}, countResult: null } as const;

export const createDrawerSlice: StateCreator<KioskState, [], [], DrawerSlice> = (set, get) => {
  const money = (cents: number, currency: string) => formatMoney(cents, currency, get().language);

  return {
    drawer: null,
    drawerLoadedFor: null,
    floatWaivedFor: null,
    floatDigits: '',
    drawerStep: null,
    moveDigits: '',
    moveReason: '',
    counts: {},
    countResult: null,
    xReport: null,
    zReport: null,
    dayReport: null,

    async loadDrawer() {
      const shiftId = get().shift?.id;
      if (!shiftId) return;
      await run(set, get, 'drawer', () => sendToMain('drawer:status', {}), {
        onOk: (drawer) => (get().shift?.id === drawer.shiftId ? { drawer, drawerLoadedFor: drawer.shiftId } : {}),
        // Main could not say: selling goes on (main's own rules still hold), and the alert says why.
        onError: (error) => ({ error, drawerLoadedFor: shiftId }),
      });
    },

    setFloatDigits(digits) {
      set({ floatDigits: amountDigits(digits) });
    },

    async declareFloat(cents) {
      const shiftId = get().shift?.id;
      if (!shiftId) return;
      await run(set, get, 'drawerOpen', () => sendToMain('drawer:open', { floatCents: cents }), {
        start: { error: null },
        onOk: (drawer) => ({ drawer, floatDigits: '' }),
        onError: (error) => {
          // Cash already moved this shift (a shift from before the float step): main keeps it without a float.
          if (error.problem?.code === 'drawer-open-too-late') return { error, floatWaivedFor: shiftId };
          return { error };
        },
      });
      // Someone else declared it (another window): take main's drawer as it is.
      if (get().error?.problem?.code === 'drawer-already-open') await get().loadDrawer();
    },

    openDrawerStep(kind) {
      if (!get().shift && kind !== 'day-report') return;
      const step: DrawerStep =
        kind === 'paid-out' || kind === 'drop' ? { kind, requestId: crypto.randomUUID() } : { kind };
      set({ drawerStep: step, moveDigits: '', moveReason: '', shiftStep: null, notice: null, error: null });
      if (kind === 'x-report') {
        set({ xReport: null });
        void get().loadXReport();
      }
      if (kind === 'day-report') {
        set({ dayReport: null });
        void get().loadDayReport();
      }
    },

    closeDrawerStep() {
      if (get().inFlight.drawerMove) return;
      set({ drawerStep: null, moveDigits: '', moveReason: '', xReport: null, dayReport: null });
    },

    setMoveDigits(digits) {
      set({ moveDigits: amountDigits(digits) });
    },

    setMoveReason(reason) {
      set({ moveReason: reason.slice(0, 200) });
    },

    async moveCash() {
      const step = get().drawerStep;
      if (step?.kind !== 'paid-out' && step?.kind !== 'drop') return false;
      const amountCents = centsOfDigits(get().moveDigits);
      const reason = get().moveReason.trim();
      if (amountCents <= 0 || !reason) return false;
      const channel = step.kind === 'paid-out' ? 'drawer:paid-out' : 'drawer:drop';
      const result = await run(
        set,
        get,
        'drawerMove',
        () => sendToMain(channel, { requestId: step.requestId, amountCents, reason }),
        {
          start: { error: null, notice: null },
          onOk: (drawer) => {
            const t = catalogs[get().language];
            const amount = money(amountCents, drawer.currency);
            return {
              drawer,
              drawerStep: null,
              moveDigits: '',
              moveReason: '',
              notice: step.kind === 'paid-out' ? t.noticePaidOut(amount, reason) : t.noticeDrop(amount),
            };
          },
        },
      );
      if (result?.ok) void get().loadShiftSummary();
      return result?.ok ?? false;
    },

    setCount(cents, count) {
      set({ counts: { ...get().counts, [cents]: clampCount(count) } });
    },

    async countDrawer() {
      const drawer = get().drawer;
      if (!drawer || get().shiftStep !== 'confirm-close') return;
      const counts = countRows(drawer.denominations, get().counts);
      await run(set, get, 'drawerCount', () => sendToMain('drawer:count', { counts }), {
        start: { error: null, notice: null },
        onOk: (countResult) => ({ countResult, drawer: { ...drawer, lastCount: countResult } }),
      });
    },

    countAgain() {
      if (get().inFlight.shiftClose) return;
      set({ countResult: null, error: null });
    },

    async loadXReport(adminPin) {
      const result = await run(
        set,
        get,
        'reportX',
        () => sendToMain('reports:x', adminPin === undefined ? {} : { adminPin }),
        { start: { error: null }, onOk: (xReport) => ({ xReport }) },
      );
      return result?.ok ?? false;
    },

    async loadZReport(shiftId) {
      await run(set, get, 'reportZ', () => sendToMain('reports:z', { shiftId }), {
        onOk: (zReport) => ({ zReport }),
      });
    },

    async loadDayReport() {
      await run(set, get, 'reportDay', () => sendToMain('reports:day', {}), {
        start: { error: null },
        onOk: (dayReport) => ({ dayReport }),
      });
    },

    saveReport(report, save) {
      try {
        save(report.fileName, report.csv);
        set({ notice: catalogs[get().language].noticeReportSaved(report.fileName) });
      } catch {
        set({ error: { code: 'internal', message: catalogs[get().language].fileNotSaved } });
      }
    },

    forgetDrawer() {
      set({
        drawer: null,
        drawerLoadedFor: null,
        floatDigits: '',
        drawerStep: null,
        moveDigits: '',
        moveReason: '',
        xReport: null,
        ...CLEARED_COUNT,
      });
    },

    resetDrawer(scope) {
      // Leaving the screen closes the drawer's forms; a half-typed amount or reason goes with them.
      set({ drawerStep: null, moveDigits: '', moveReason: '', xReport: null, dayReport: null, ...CLEARED_COUNT });
      if (scope === 'idle') set({ floatDigits: '' });
    },
  };
};
