import type { StateCreator } from 'zustand';
import { sendToMain } from '../../app/transport/send-to-main';
import { run } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const ADMIN_PIN_ACTIONS = ['firstPin'] as const;
export type AdminPinAction = (typeof ADMIN_PIN_ACTIONS)[number];

/** The admin PIN itself: the first one a new kiosk is given, and main's lock-out after too many wrong ones. */
export interface AdminPinSlice {
  /**
   * When main's PIN lock-out ends (an instant), as main last said; null when no lock-out was seen. Set by any
   * refusal that says so (see `onScreen`), kept across screens; every PIN pad counts down to it.
   */
  pinLockedUntil: string | null;

  /** The first admin PIN on a kiosk that has none; resolves true when main kept it. */
  setFirstPin(pin: string): Promise<boolean>;
}

export const createAdminPinSlice: StateCreator<KioskState, [], [], AdminPinSlice> = (set, get) => ({
  pinLockedUntil: null,

  async setFirstPin(pin) {
    if (!pin) return false;
    const result = await run(set, get, 'firstPin', () => sendToMain('settings:set-first-pin', { newAdminPin: pin }), {
      start: { error: null, notice: null },
    });
    if (!result?.ok) return false;
    get().applyInfo(result.value);
    return true;
  },
});
