import type { StateCreator } from 'zustand';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../../../shared/plates/plate';
import { addMinutes, isAfter } from '../../../../shared/time';
import { sendToMain } from '../../app/transport/send-to-main';
import { catalogs, type Catalog } from '../../i18n/catalog';
import { pinDigits } from '../admin-pin/pin-digits';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const PLATE_FIX_ACTIONS = ['plateFix'] as const;
export type PlateFixAction = (typeof PLATE_FIX_ACTIONS)[number];

/** Why a plate is corrected after the sale, for the audit log: sent in English, like the cancel reasons. */
export const PLATE_FIX_REASONS = [
  { value: 'Typo at sale', label: 'plateFixReasonTypo' },
  { value: 'Driver’s correction', label: 'plateFixReasonDriver' },
  { value: 'Other', label: 'plateFixReasonOther' },
] as const satisfies readonly { value: string; label: keyof Catalog }[];
export type PlateFixReason = (typeof PLATE_FIX_REASONS)[number]['value'];

/** The window main applies when it has not said (a main older than the setting): its default. */
export const DEFAULT_PLATE_FIX_WINDOW_MINUTES = 15;

/** The open "Fix plate" step in a permit's details. */
export interface PlateFixStep {
  ticketNumber: string;
  /** The new plate, typed on the plate keys. */
  plate: string;
  reason: PlateFixReason | null;
  /** Past the window: the admin PIN is asked before sending (or main said so). */
  needsPin: boolean;
  pin: string;
  /** One id for the correction, kept across a retry (a wrong PIN, a lost answer) so main does it once. */
  requestId: string;
}

export interface PlateFixSlice {
  plateFix: PlateFixStep | null;

  startPlateFix(ticketNumber: string): void;
  typePlateFix(character: string): void;
  backspacePlateFix(): void;
  clearPlateFix(): void;
  choosePlateFixReason(reason: PlateFixReason): void;
  typePlateFixPin(digit: string): void;
  backspacePlateFixPin(): void;
  clearPlateFixPin(): void;
  /** Sends the correction; resolves true when main made it (the step closes and the notice says so). */
  confirmPlateFix(): Promise<boolean>;
  closePlateFix(): void;
  resetPlateFix(scope: ResetScope): void;
}

/**
 * Whether correcting this permit's plate now is past the window without the admin PIN (main decides the same from
 * its own clock, and says `plate-fix-needs-pin` if the page guessed wrong).
 */
export function plateFixNeedsPin(permit: Pick<Permit, 'issuedAt'>, info: KioskInfo | null, now: Date): boolean {
  const minutes = info?.plateFixWindowMinutes ?? DEFAULT_PLATE_FIX_WINDOW_MINUTES;
  return isAfter(now.toISOString(), addMinutes(permit.issuedAt, minutes));
}

export const createPlateFixSlice: StateCreator<KioskState, [], [], PlateFixSlice> = (set, get) => {
  const words = () => catalogs[get().language];
  const edit = (patch: (step: PlateFixStep) => Partial<PlateFixStep>) => {
    const step = get().plateFix;
    if (!step || get().inFlight.plateFix) return;
    set({ plateFix: { ...step, ...patch(step) } });
  };

  return {
    plateFix: null,

    startPlateFix(ticketNumber) {
      const permit = get().permits.find((p) => p.ticketNumber === ticketNumber);
      if (!permit) return;
      set({
        plateFix: {
          ticketNumber,
          plate: '',
          reason: null,
          needsPin: plateFixNeedsPin(permit, get().info, new Date()),
          pin: '',
          requestId: crypto.randomUUID(),
        },
        // No extend or cancel step stays open under it.
        pending: null,
        notice: null,
        error: null,
      });
    },

    typePlateFix(character) {
      if (!/^[A-Za-z0-9]$/.test(character)) return;
      edit((step) => ({ plate: normalisePlate(step.plate + character).slice(0, PLATE_MAX_LENGTH) }));
    },
    backspacePlateFix() {
      edit((step) => ({ plate: step.plate.slice(0, -1) }));
    },
    clearPlateFix() {
      edit(() => ({ plate: '' }));
    },
    choosePlateFixReason(reason) {
      edit(() => ({ reason }));
    },
    typePlateFixPin(digit) {
      edit((step) => ({ pin: pinDigits(step.pin + digit) }));
    },
    backspacePlateFixPin() {
      edit((step) => ({ pin: step.pin.slice(0, -1) }));
    },
    clearPlateFixPin() {
      edit(() => ({ pin: '' }));
    },

    async confirmPlateFix() {
      const step = get().plateFix;
      if (!step || !step.plate || !step.reason || (step.needsPin && !step.pin)) return false;
      const before = get().permits.find((p) => p.ticketNumber === step.ticketNumber)?.plate ?? '';
      const request = {
        requestId: step.requestId,
        ticketNumber: step.ticketNumber,
        plate: step.plate,
        reason: step.reason,
        ...(step.needsPin ? { adminPin: step.pin } : {}),
      };
      const ours = () => get().plateFix?.requestId === step.requestId;
      const result = await run(set, get, 'plateFix', () => sendToMain('permits:fix-plate', request), {
        start: { error: null, notice: null },
        onOk: (permit) => {
          get().mergePermit(permit);
          return {
            ...(ours() ? { plateFix: null } : {}),
            // The plate just replaced (a second fix replaces the first fix's plate, not the one sold).
            notice: words().plateCorrected(before || (permit.plateCorrectedFrom ?? ''), permit.plate),
          };
        },
        onError: (error) => {
          const current = get().plateFix;
          if (!current || !ours()) return { error };
          // Past the window after all (main's clock, or the window changed): ask for the PIN, keep the rest.
          if (error.problem?.code === 'plate-fix-needs-pin') {
            return { error, plateFix: { ...current, needsPin: true, pin: '' } };
          }
          // A refused PIN is cleared so the next try starts clean; main's words say why.
          if (current.needsPin && error.field === 'adminPin') return { error, plateFix: { ...current, pin: '' } };
          return { error };
        },
      });
      return result?.ok === true;
    },

    closePlateFix() {
      if (get().inFlight.plateFix) return;
      set({ plateFix: null });
    },

    resetPlateFix() {
      set({ plateFix: null });
    },
  };
};
