import type { StateCreator } from 'zustand';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import type { RecordedTender, TenderInput } from '../../../../shared/money/ledger-entries';
import { normalisePlate, PLATE_MAX_LENGTH, rememberPlate } from '../../../../shared/plates/plate';
import { sendToMain } from '../../app/transport/send-to-main';
import { plateStep } from '../../../../shared/plates/plate-check';
import { missingForIssue } from './issue-readiness';
import { findActivePermit } from './issue-checks';
import { requestIds } from '../../app/transport/request-ids';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const ISSUE_ACTIONS = ['issue'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/**
 * A check between the Issue tap and the permit: the plate first (src/shared/plates/plate-check.ts, against the kiosk's
 * home regions), then a permit already running.
 *   - look-alike: the plate fits a home format only once look-alikes are swapped; `suggestions` are those plates,
 *     each a one-tap choice;
 *   - read-back: it fits no home format and has look-alike characters: shown large, each one named.
 */
export type IssueStep =
  | { kind: 'look-alike'; plate: string; suggestions: string[] }
  | { kind: 'read-back'; plate: string }
  | { kind: 'already-active'; plate: string; permit: Permit }
  /** The last step: how the driver pays the price of the chosen duration. */
  | { kind: 'tender'; plate: string; amountCents: number; currency: string };

/** Selling a permit: the plate being typed, the zone and duration chosen, the checks, and the permit just issued. */
export interface IssueSlice {
  plate: string;
  zone: string | null;
  presetMinutes: number | null;
  /** Plates issued by this session, newest first, for one-tap repeat customers. */
  recentPlates: string[];
  issueStep: IssueStep | null;
  /** The permit on the confirmation screen, kept in step with the list (`followPermit`). */
  lastConfirmation: Permit | null;
  /** How that permit was paid, as main's ledger recorded it (cash with its change), for the screen and receipt. */
  lastTender: RecordedTender | null;

  typeCharacter(character: string): void;
  backspace(): void;
  clearPlate(): void;
  pickPlate(plate: string): void;
  selectZone(zone: string): void;
  selectPreset(minutes: number): void;
  /** At start: the zone, duration and recent plates main remembered from before a restart. */
  loadIssueChoices(): Promise<void>;
  /** A cancelled permit's plate was most often the wrong one: it is no longer offered. */
  forgetRecentPlate(plate: string): void;
  /** The Issue tap: runs the plate checks, and issues when none needs a look. */
  issue(): Promise<void>;
  /** "Plate is correct" on the read-back step, or "Keep … as typed" on the look-alike step. */
  confirmPlate(): Promise<void>;
  /** A correction tapped on the look-alike step: it becomes the plate, and is sold (after the already-active check). */
  choosePlate(plate: string): Promise<void>;
  /** "Issue anyway" on the already-active step: on to the payment. */
  issueAnyway(): void;
  /** "Confirm payment" on the tender step: the permit is issued with this tender. */
  payAndIssue(tender: TenderInput): Promise<void>;
  /** "Fix plate" or "Back": the plate and choices stay. */
  closeIssueStep(): void;
  newPermit(): void;
  /** New kiosk info: a reload may drop the chosen zone or preset; fall back rather than sell what is gone. */
  fitChoices(info: KioskInfo): void;
  /** A newer copy of a permit: the confirmation follows it, e.g. when the OPSCOM reference arrives. */
  followPermit(permit: Permit): void;
  /** Leaving the screen closes the open check; idle also forgets the half-typed plate (never zone or duration). */
  resetIssue(scope: ResetScope): void;
}

function presetsOf(info: KioskInfo | null, zone: string | null) {
  return info?.zones.find((z) => z.name === zone)?.presets ?? [];
}

export const createIssueSlice: StateCreator<KioskState, [], [], IssueSlice> = (set, get) => {
  /** Everything the Issue tap needs, or null when a choice is missing. */
  const issueInput = () => {
    const state = get();
    const { plate, zone, presetMinutes } = state;
    if (missingForIssue(state).length > 0 || zone === null || presetMinutes === null) return null;
    return { plate, zone, durationMinutes: presetMinutes };
  };

  /** After the plate check: warn about a permit already running for this plate, else on to the payment. */
  const checkActiveThenIssue = (plate: string) => {
    const existing = findActivePermit(get().permits, plate);
    if (existing) {
      set({ issueStep: { kind: 'already-active', plate, permit: existing } });
      return;
    }
    askTender(plate);
  };

  /** The price of the chosen zone and duration, to be paid before the permit is issued. */
  const askTender = (plate: string) => {
    const { info, zone, presetMinutes } = get();
    const offer = info?.zones.find((z) => z.name === zone);
    const preset = offer?.presets.find((p) => p.minutes === presetMinutes);
    if (!offer || !preset) return;
    set({ issueStep: { kind: 'tender', plate, amountCents: preset.cents, currency: offer.currency }, error: null });
  };

  /** Zone and duration survive a restart; a lost write only means choosing again, so no error is shown. */
  const rememberChoices = () => {
    const { zone, presetMinutes } = get();
    void sendToMain('issue:remember', { zone, minutes: presetMinutes });
  };

  const sendIssue = async (tender: TenderInput) => {
    const input = issueInput();
    if (!input) return;
    // `run` is the synchronous guard: a second tap lands while the first is awaiting and does nothing.
    // On failure the typed plate and choices stay so the attendant can fix one thing and try again.
    const result = await run(
      set,
      get,
      'issue',
      // A retry after a lost answer carries the same id, so main answers it from what it recorded (#19).
      () =>
        requestIds.send('issue', input, (requestId) => sendToMain('permits:issue', { requestId, ...input, tender })),
      {
        start: { issueStep: null, error: null },
        onOk: ({ tender: recorded, ...permit }) => ({
          // The newest copy: a "sent" event can overtake the answer to the issue itself.
          lastConfirmation: get().mergePermit(permit),
          lastTender: recorded ?? null,
          recentPlates: rememberPlate(get().recentPlates, permit.plate),
          // Only the plate is cleared (now, so the Issue button cannot sell the same car twice); zone and duration
          // stay for the next car, which is most often the same sale.
          plate: '',
        }),
      },
    );
    if (result?.ok) get().showScreen('confirmation');
  };

  return {
    plate: '',
    zone: null,
    presetMinutes: null,
    recentPlates: [],
    issueStep: null,
    lastConfirmation: null,
    lastTender: null,

    typeCharacter(character) {
      if (!/^[A-Za-z0-9]$/.test(character) || get().issueStep) return;
      set({ plate: normalisePlate(get().plate + character).slice(0, PLATE_MAX_LENGTH) });
    },

    backspace() {
      if (get().issueStep) return;
      set({ plate: get().plate.slice(0, -1) });
    },

    clearPlate() {
      if (get().issueStep) return;
      set({ plate: '' });
    },

    pickPlate(plate) {
      if (get().issueStep) return;
      set({ plate: normalisePlate(plate).slice(0, PLATE_MAX_LENGTH) });
    },

    selectZone(zone) {
      const { info, presetMinutes } = get();
      const keepPreset = presetsOf(info, zone).some((p) => p.minutes === presetMinutes);
      set({ zone, presetMinutes: keepPreset ? presetMinutes : null });
      rememberChoices();
    },

    selectPreset(minutes) {
      set({ presetMinutes: minutes });
      rememberChoices();
    },

    async loadIssueChoices() {
      const result = await sendToMain('issue:choices', {});
      // Nothing remembered is no failure: the attendant chooses again.
      if (!result.ok) return;
      const { zone, minutes, recentPlates } = result.value;
      set({ recentPlates, ...(zone ? { zone, presetMinutes: minutes } : {}) });
      const { info } = get();
      if (info) get().fitChoices(info);
    },

    forgetRecentPlate(plate) {
      set({ recentPlates: get().recentPlates.filter((each) => each !== plate) });
    },

    async issue() {
      const { inFlight, issueStep } = get();
      // An open step answers for itself; a tap or Enter behind it must not start another.
      if (inFlight.issue || issueStep) return;
      const input = issueInput();
      if (!input) return;
      // No home regions known yet (no kiosk info): the check knows no format, so look-alikes get the read-back.
      const check = plateStep(input.plate, get().info?.homeRegions ?? []);
      if (check.kind === 'look-alike') {
        set({ issueStep: { kind: 'look-alike', plate: input.plate, suggestions: check.suggestions }, error: null });
        return;
      }
      if (check.kind === 'read-back') {
        set({ issueStep: { kind: 'read-back', plate: input.plate }, error: null });
        return;
      }
      checkActiveThenIssue(input.plate);
    },

    async confirmPlate() {
      const step = get().issueStep;
      // Only from a plate step: a second tap on the same spot must not pass the next step too.
      if ((step?.kind !== 'look-alike' && step?.kind !== 'read-back') || get().inFlight.issue) return;
      set({ issueStep: null });
      checkActiveThenIssue(step.plate);
    },

    async choosePlate(plate) {
      const step = get().issueStep;
      // Only a correction the open step offered; a second tap finds the step closed and does nothing.
      if (step?.kind !== 'look-alike' || !step.suggestions.includes(plate) || get().inFlight.issue) return;
      set({ issueStep: null, plate });
      checkActiveThenIssue(plate);
    },

    issueAnyway() {
      const step = get().issueStep;
      if (step?.kind !== 'already-active') return;
      askTender(step.plate);
    },

    async payAndIssue(tender) {
      // Only from the open payment step, once: the step closes as the issue starts.
      if (get().issueStep?.kind !== 'tender' || get().inFlight.issue) return;
      await sendIssue(tender);
    },

    closeIssueStep() {
      set({ issueStep: null });
    },

    newPermit() {
      set({ plate: '', issueStep: null });
      get().showScreen('issue');
    },

    fitChoices(info) {
      const { zone, presetMinutes } = get();
      const nextZone = info.zones.some((z) => z.name === zone) ? zone : (info.zones[0]?.name ?? null);
      const keepPreset = presetsOf(info, nextZone).some((p) => p.minutes === presetMinutes);
      set({ zone: nextZone, presetMinutes: keepPreset ? presetMinutes : null });
    },

    followPermit(permit) {
      if (get().lastConfirmation?.ticketNumber === permit.ticketNumber) set({ lastConfirmation: permit });
    },

    resetIssue(scope) {
      set(scope === 'idle' ? { plate: '', issueStep: null } : { issueStep: null });
    },
  };
};
