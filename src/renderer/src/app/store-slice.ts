import type { StoreApi } from 'zustand';
import type { KioskError, Result } from '../../../shared/errors/kiosk-error';
import { pinLockEnd } from '../features/admin-pin/pin-lock';
import type { Action, KioskState } from './store';

/**
 * What every slice of the store shares: how it reads and writes the one store, how its `reset…` is asked to
 * clear, and `run`, the one way a slice sends a channel call.
 */

export type Patch = Partial<KioskState>;
export type SetState = StoreApi<KioskState>['setState'];
export type GetState = StoreApi<KioskState>['getState'];

/**
 * Why a slice's `reset…` runs: `screen` when the attendant moves to another screen (open steps and confirm
 * questions close), `idle` when nobody touched the kiosk for a while (also anything half-typed or unlocked).
 */
export type ResetScope = 'screen' | 'idle';

/** The busy flags with `action`'s set to `value`, every other flag as it is now. */
function busy(get: GetState, action: Action, value: boolean): Pick<KioskState, 'inFlight'> {
  return { inFlight: { ...get().inFlight, [action]: value } };
}

export interface RunOptions<T> {
  /** Fields set with the busy flag, before the call: e.g. `{ error: null }` to clear the last alert. */
  start?: Patch;
  /** Fields set with the flag cleared when main answers; it may read the store (after the wait) to decide. */
  onOk?: (value: T) => Patch | void;
  /** Fields set with the flag cleared when main refuses. Without it the error is shown (`error`). */
  onError?: (error: KioskError) => Patch | void;
}

const showError = (error: KioskError): Patch => ({ error });

/**
 * One channel call with its busy bookkeeping: nothing at all while `action` is already on its way (a double tap
 * or a second load), else the flag goes up (with `start`), the call is sent at once (synchronously, before any
 * wait), and the flag comes down in the same update as `onOk`'s or `onError`'s fields.
 *
 * Resolves to main's answer, for what comes after the flag is down, or to null when the action was already on
 * its way and nothing was sent.
 */
export async function run<T>(
  set: SetState,
  get: GetState,
  action: Action,
  send: () => Promise<Result<T>>,
  options: RunOptions<T> = {},
): Promise<Result<T> | null> {
  if (get().inFlight[action]) return null;
  set({ ...busy(get, action, true), ...options.start });
  const raisedOn = get().screen;
  const result = await send();
  const patch = result.ok ? options.onOk?.(result.value) : (options.onError ?? showError)(result.error);
  set({ ...busy(get, action, false), ...onScreen(get, raisedOn, patch) });
  return result;
}

/**
 * A banner belongs to the screen that raised it: an alert that answers a screen the attendant has already left is
 * dropped (the rest of the patch still applies), so it never lands on the next screen.
 *
 * A PIN lock-out is main's, not the screen's: its end is kept (`pinLockedUntil`) whether or not the banner stays,
 * so every PIN prompt counts down to it and keeps its keys off until then.
 */
export function onScreen(get: GetState, raisedOn: KioskState['screen'], patch: Patch | void): Patch | void {
  const lockedUntil = pinLockEnd(patch?.error);
  const kept: Patch | void = lockedUntil ? { ...patch, pinLockedUntil: lockedUntil } : patch;
  if (!kept?.error || get().screen === raisedOn) return kept;
  const { error: _dropped, ...rest } = kept;
  return rest;
}
