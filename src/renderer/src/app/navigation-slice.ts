import type { StateCreator } from 'zustand';
import type { KioskError } from '../../../shared/errors/kiosk-error';
import type { ResetScope } from './store-slice';
import type { KioskState } from './store';

export type Screen = 'issue' | 'confirmation' | 'permits' | 'queue' | 'shift' | 'occupancy' | 'settings';
export type NavScreen = Exclude<Screen, 'confirmation'>;

export interface NavigationSlice {
  screen: Screen;
  /**
   * The alert over the screen that raised it: the last action's failure, in main's words. Moving to another screen
   * clears it, and an answer that comes after the screen was left shows none (see `run`).
   */
  error: KioskError | null;
  /** Plain-words outcome of the last action, so the attendant sees it happened. */
  notice: string | null;

  /** Everything the kiosk shows from the first moment: its info, the outbox, the permits and the shift. */
  start(): Promise<void>;
  /** The attendant moves to a screen: open steps and the alert close, and the screen's figures are fetched again. */
  goTo(screen: NavScreen): void;
  /** An action leads on by itself (e.g. to the confirmation): the alert goes, nothing else is closed or fetched. */
  showScreen(screen: Screen): void;
  dismissError(): void;
  /** Nobody touched the kiosk for a while: back to Issue, nothing half-typed or half-confirmed left. */
  idleReset(): void;
}

export const createNavigationSlice: StateCreator<KioskState, [], [], NavigationSlice> = (set, get) => {
  /** Every slice clears what `scope` asks; this slice writes none of their fields. */
  const resetSlices = (scope: ResetScope, settingsLeft: boolean) => {
    const state = get();
    state.resetIssue(scope);
    state.resetPermits(scope);
    state.resetQueue(scope);
    state.resetShift(scope);
    state.resetPlateFix(scope);
    // The admin PIN is forgotten as soon as the settings are left.
    if (settingsLeft) {
      state.resetSettings(scope);
      state.resetPrinters(scope);
    }
  };

  return {
    screen: 'issue',
    error: null,
    notice: null,

    async start() {
      const { loadInfo, loadOutbox, loadPermits, loadShift, loadIssueChoices } = get();
      set({ error: null });
      await Promise.all([loadInfo(), loadOutbox(), loadPermits(), loadShift(), loadIssueChoices()]);
    },

    goTo(screen) {
      const leaving = get().screen;
      set({ screen, notice: null, error: null });
      resetSlices('screen', leaving === 'settings' && screen !== 'settings');
      // Events keep the lists current; a refresh on entry also covers any the kiosk missed.
      const state = get();
      if (screen === 'permits') void state.loadPermits();
      if (screen === 'queue') {
        void state.loadQueue();
        void state.loadReconciliation();
      }
      if (screen === 'shift') void state.loadShiftSummary();
      if (screen === 'occupancy') void state.loadOccupancy(false);
    },

    showScreen(screen) {
      set({ screen, error: null });
    },

    dismissError() {
      set({ error: null });
    },

    idleReset() {
      set({ screen: 'issue', error: null, notice: null });
      resetSlices('idle', true);
    },
  };
};
