import { create } from 'zustand';
import type { ResponseOf } from '../../shared/contract';
import type { KioskError, KioskInfo, Language, Permit } from '../../shared/domain';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../shared/plate';
import { createAdminSlice, type AdminAction, type AdminSlice } from './admin-slice';
import { call } from './call';
import { formatEnd } from './format';
import { catalogs, type Catalog } from './i18n/catalog';
import { createOutboxSlice, type OutboxAction, type OutboxSlice } from './outbox-slice';
import { findActivePermit, hasLookAlikes, rememberPlate } from './plate-checks';
import { createShiftSlice, type ShiftAction, type ShiftSlice } from './shift-slice';

export type Screen = 'issue' | 'confirmation' | 'permits' | 'queue' | 'shift' | 'occupancy' | 'settings';
export type NavScreen = Exclude<Screen, 'confirmation'>;
export type Action =
  | 'info'
  | 'permits'
  | 'issue'
  | 'quote'
  | 'extend'
  | 'cancel'
  | 'language'
  | 'print'
  | OutboxAction
  | ShiftAction
  | AdminAction;
export type ExtendQuote = ResponseOf<'permits:quote-extend'>;

/** Why a permit is cancelled, for the audit log. Sent in English whatever the screen's language, so reports agree. */
export const CANCEL_REASONS = [
  { value: 'Driver left', label: 'reasonDriverLeft' },
  { value: 'Wrong plate', label: 'reasonWrongPlate' },
  { value: 'Duplicate', label: 'reasonDuplicate' },
  { value: 'Other', label: 'reasonOther' },
] as const satisfies readonly { value: string; label: keyof Catalog }[];
export type CancelReason = (typeof CANCEL_REASONS)[number]['value'];

/** The one inline confirm step open on the permits screen (only one row asks at a time). */
export type PendingStep =
  | { kind: 'quoting'; ticketNumber: string; minutes: number }
  | { kind: 'extend'; ticketNumber: string; minutes: number; quote: ExtendQuote }
  | { kind: 'cancel'; ticketNumber: string; reason: CancelReason | null };

/** A check between the Issue tap and the permit: look-alike characters first, then a permit already running. */
export type IssueStep =
  { kind: 'look-alike'; plate: string } | { kind: 'already-active'; plate: string; permit: Permit };

export interface KioskState extends OutboxSlice, ShiftSlice, AdminSlice {
  info: KioskInfo | null;
  /** Kept apart from `error`: without info there is no kiosk to show, only the failure and a Retry. */
  infoError: KioskError | null;
  /** The screen's language: follows `info.language`, and switches at once when tapped. */
  language: Language;
  permits: Permit[];
  plate: string;
  zone: string | null;
  presetMinutes: number | null;
  /** Plates issued by this session, newest first, for one-tap repeat customers. */
  recentPlates: string[];
  issueStep: IssueStep | null;
  screen: Screen;
  lastConfirmation: Permit | null;
  inFlight: Record<Action, boolean>;
  error: KioskError | null;
  pending: PendingStep | null;
  /** Plain-words outcome of the last action, so the attendant sees it happened. */
  notice: string | null;

  start(): Promise<void>;
  loadInfo(): Promise<void>;
  /** For `kiosk:changed` and the answer to a language switch. */
  applyInfo(info: KioskInfo): void;
  setLanguage(language: Language): Promise<void>;
  toggleLanguage(): Promise<void>;
  loadPermits(): Promise<void>;
  applyPermit(permit: Permit): void;
  typeCharacter(character: string): void;
  backspace(): void;
  clearPlate(): void;
  pickPlate(plate: string): void;
  selectZone(zone: string): void;
  selectPreset(minutes: number): void;
  /** The Issue tap: runs the plate checks, and issues when none needs a look. */
  issue(): Promise<void>;
  /** "Plate is correct" on the look-alike step. */
  confirmPlate(): Promise<void>;
  /** "Issue anyway" on the already-active step. */
  issueAnyway(): Promise<void>;
  /** "Fix plate" or "Back": the plate and choices stay. */
  closeIssueStep(): void;
  newPermit(): void;
  goTo(screen: NavScreen): void;
  startExtend(ticketNumber: string, minutes: number): Promise<void>;
  confirmExtend(): Promise<void>;
  startCancel(ticketNumber: string): void;
  chooseCancelReason(reason: CancelReason): void;
  confirmCancel(): Promise<void>;
  closePending(): void;
  dismissError(): void;
  /**
   * Prints the receipt or shift summary on screen: the Electron app prints through main; the station (and an
   * older main) leave it to `windowPrint`, the page's own print dialog.
   */
  print(what: 'receipt' | 'shift-summary', windowPrint: () => void): Promise<void>;
  /** Nobody touched the kiosk for a while: back to Issue, nothing half-typed or half-confirmed left. */
  idleReset(): void;
}

const idle: Record<Action, boolean> = {
  info: false,
  permits: false,
  issue: false,
  quote: false,
  extend: false,
  cancel: false,
  language: false,
  print: false,
  outbox: false,
  queue: false,
  flush: false,
  export: false,
  reconcile: false,
  reconcileExport: false,
  reconcileClear: false,
  shift: false,
  shiftStart: false,
  shiftSummary: false,
  shiftClose: false,
  occupancy: false,
  settings: false,
  settingsSave: false,
  settingsTest: false,
  firstPin: false,
};

/** Events and answers can arrive in either order; main's `revision` says which copy is newer. */
function upsert(list: Permit[], permit: Permit): Permit[] {
  const index = list.findIndex((p) => p.ticketNumber === permit.ticketNumber);
  const current = list[index];
  if (index === -1 || !current) return [...list, permit];
  if (permit.revision < current.revision) return list;
  const next = list.slice();
  next[index] = permit;
  return next;
}

function presetsOf(info: KioskInfo | null, zone: string | null) {
  return info?.zones.find((z) => z.name === zone)?.presets ?? [];
}

export const useKiosk = create<KioskState>()((set, get, api) => {
  const flag = (action: Action, value: boolean) => ({ inFlight: { ...get().inFlight, [action]: value } });
  const words = () => catalogs[get().language];

  /** Keeps the confirmation in step with the list, e.g. when the OPSCOM reference arrives after issuing. */
  const withPermit = (permit: Permit) => {
    const { permits, lastConfirmation } = get();
    const next = upsert(permits, permit);
    const fresh = next.find((p) => p.ticketNumber === permit.ticketNumber) ?? permit;
    return {
      permits: next,
      lastConfirmation: lastConfirmation?.ticketNumber === permit.ticketNumber ? fresh : lastConfirmation,
    };
  };

  /** Everything the Issue tap needs, or null when a choice is missing. */
  const issueInput = () => {
    const { plate, zone, presetMinutes, info, shift } = get();
    if (!plate || !zone || presetMinutes === null || !shift) return null;
    if (!presetsOf(info, zone).some((p) => p.minutes === presetMinutes)) return null;
    return { plate, zone, durationMinutes: presetMinutes };
  };

  /** After the look-alike check: warn about a permit already running for this plate, else issue. */
  const checkActiveThenIssue = async (plate: string) => {
    const existing = findActivePermit(get().permits, plate);
    if (existing) {
      set({ issueStep: { kind: 'already-active', plate, permit: existing } });
      return;
    }
    await sendIssue();
  };

  const sendIssue = async () => {
    const input = issueInput();
    // Synchronous guard: a second tap lands while the first is awaiting and must do nothing.
    if (get().inFlight.issue || !input) return;
    set({ ...flag('issue', true), issueStep: null, error: null });
    const result = await call('permits:issue', { requestId: crypto.randomUUID(), ...input });
    if (!result.ok) {
      // The typed plate and choices stay so the attendant can fix one thing and try again.
      set({ ...flag('issue', false), error: result.error });
      return;
    }
    const merged = withPermit(result.value);
    set({
      ...merged,
      ...flag('issue', false),
      // The newest copy: a "sent" event can overtake the answer to the issue itself.
      lastConfirmation: merged.permits.find((p) => p.ticketNumber === result.value.ticketNumber) ?? result.value,
      recentPlates: rememberPlate(get().recentPlates, result.value.plate),
      // Only the plate is cleared (now, so the Issue button cannot sell the same car twice); zone and duration
      // stay for the next car, which is most often the same sale.
      plate: '',
      screen: 'confirmation',
    });
  };

  return {
    ...createOutboxSlice(set, get, api),
    ...createShiftSlice(set, get, api),
    ...createAdminSlice(set, get, api),
    info: null,
    infoError: null,
    language: 'en-CA',
    permits: [],
    plate: '',
    zone: null,
    presetMinutes: null,
    recentPlates: [],
    issueStep: null,
    screen: 'issue',
    lastConfirmation: null,
    inFlight: idle,
    error: null,
    pending: null,
    notice: null,

    async start() {
      const { loadInfo, loadOutbox, loadPermits, loadShift } = get();
      set({ error: null });
      await Promise.all([loadInfo(), loadOutbox(), loadPermits(), loadShift()]);
    },

    async loadInfo() {
      if (get().inFlight.info) return;
      set({ ...flag('info', true), infoError: null });
      const result = await call('kiosk:info', {});
      if (!result.ok) {
        set({ ...flag('info', false), infoError: result.error });
        return;
      }
      set(flag('info', false));
      get().applyInfo(result.value);
    },

    applyInfo(info) {
      const { zone, presetMinutes, inFlight } = get();
      // A reload may drop the chosen zone or preset; fall back rather than issue for something no longer offered.
      const nextZone = info.zones.some((z) => z.name === zone) ? zone : (info.zones[0]?.name ?? null);
      const keepPreset = presetsOf(info, nextZone).some((p) => p.minutes === presetMinutes);
      set({
        info,
        zone: nextZone,
        presetMinutes: keepPreset ? presetMinutes : null,
        // While a switch is on its way, the tapped language wins over an answer that may predate it.
        ...(inFlight.language ? {} : { language: info.language }),
      });
    },

    async setLanguage(language) {
      const previous = get().language;
      if (get().inFlight.language || language === previous) return;
      // Switch at once; main stores it and tells every window through kiosk:changed.
      set({ ...flag('language', true), language });
      const result = await call('kiosk:set-language', { language });
      set(flag('language', false));
      if (!result.ok) {
        set({ language: previous, error: result.error });
        return;
      }
      get().applyInfo(result.value);
    },

    async toggleLanguage() {
      await get().setLanguage(get().language === 'fr-CA' ? 'en-CA' : 'fr-CA');
    },

    async loadPermits() {
      if (get().inFlight.permits) return;
      set(flag('permits', true));
      const result = await call('permits:list', {});
      if (!result.ok) {
        set({ ...flag('permits', false), error: result.error });
        return;
      }
      // Merge rather than replace: a permit:changed event may have landed while the list was on its way.
      const permits = get().permits.reduce(upsert, result.value.permits);
      set({ ...flag('permits', false), permits });
    },

    applyPermit(permit) {
      set(withPermit(permit));
      get().refreshShiftSummary();
    },

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
    },

    selectPreset(minutes) {
      set({ presetMinutes: minutes });
    },

    async issue() {
      const { inFlight, issueStep } = get();
      // An open step answers for itself; a tap or Enter behind it must not start another.
      if (inFlight.issue || issueStep) return;
      const input = issueInput();
      if (!input) return;
      if (hasLookAlikes(input.plate)) {
        set({ issueStep: { kind: 'look-alike', plate: input.plate }, error: null });
        return;
      }
      await checkActiveThenIssue(input.plate);
    },

    async confirmPlate() {
      const step = get().issueStep;
      // Only from the look-alike step: a second tap on the same spot must not pass the next step too.
      if (step?.kind !== 'look-alike' || get().inFlight.issue) return;
      set({ issueStep: null });
      await checkActiveThenIssue(step.plate);
    },

    async issueAnyway() {
      if (get().issueStep?.kind !== 'already-active') return;
      await sendIssue();
    },

    closeIssueStep() {
      set({ issueStep: null });
    },

    newPermit() {
      set({ plate: '', issueStep: null, screen: 'issue' });
    },

    goTo(screen) {
      const leaving = get().screen;
      set({
        screen,
        pending: null,
        queueStep: null,
        reconcileStep: null,
        issueStep: null,
        shiftStep: null,
        notice: null,
        // The admin PIN is forgotten as soon as the settings are left.
        ...(leaving === 'settings' && screen !== 'settings' ? { settings: null, settingsTest: null } : {}),
      });
      // Events keep the lists current; a refresh on entry also covers any the kiosk missed.
      if (screen === 'permits') void get().loadPermits();
      if (screen === 'queue') {
        void get().loadQueue();
        void get().loadReconciliation();
      }
      if (screen === 'shift') void get().loadShiftSummary();
      if (screen === 'occupancy') void get().loadOccupancy(false);
    },

    async startExtend(ticketNumber, minutes) {
      const { inFlight, info } = get();
      if (inFlight.quote || !info) return;
      const step: PendingStep = { kind: 'quoting', ticketNumber, minutes };
      set({ ...flag('quote', true), pending: step, notice: null, error: null });
      const result = await call('permits:quote-extend', { ticketNumber, minutes });
      // Only touch the step this call opened; the attendant may have moved on to another row meanwhile.
      const stillOurs = get().pending === step;
      if (!result.ok) {
        set({ ...flag('quote', false), error: result.error, pending: stillOurs ? null : get().pending });
        return;
      }
      set({
        ...flag('quote', false),
        pending: stillOurs ? { kind: 'extend', ticketNumber, minutes, quote: result.value } : get().pending,
      });
    },

    async confirmExtend() {
      const { inFlight, pending } = get();
      if (inFlight.extend || pending?.kind !== 'extend') return;
      set({ ...flag('extend', true), error: null });
      const result = await call('permits:extend', {
        requestId: crypto.randomUUID(),
        ticketNumber: pending.ticketNumber,
        minutes: pending.minutes,
      });
      if (!result.ok) {
        // The confirm step stays open so a retry is one tap.
        set({ ...flag('extend', false), error: result.error });
        return;
      }
      const permit = result.value;
      set({
        ...withPermit(permit),
        ...flag('extend', false),
        pending: get().pending === pending ? null : get().pending,
        // No full stop: the formatted time may already end in one ("a.m.").
        notice: words().noticeExtended(permit.plate, formatEnd(permit.endAt, new Date(), get().language)),
      });
    },

    startCancel(ticketNumber) {
      set({ pending: { kind: 'cancel', ticketNumber, reason: null }, notice: null });
    },

    chooseCancelReason(reason) {
      const { pending } = get();
      if (pending?.kind !== 'cancel' || get().inFlight.cancel) return;
      set({ pending: { ...pending, reason } });
    },

    async confirmCancel() {
      const { inFlight, pending } = get();
      if (inFlight.cancel || pending?.kind !== 'cancel' || !pending.reason) return;
      set({ ...flag('cancel', true), error: null });
      const result = await call('permits:cancel', {
        requestId: crypto.randomUUID(),
        ticketNumber: pending.ticketNumber,
        reason: pending.reason,
      });
      if (!result.ok) {
        set({ ...flag('cancel', false), error: result.error });
        return;
      }
      set({
        ...withPermit(result.value),
        ...flag('cancel', false),
        pending: get().pending === pending ? null : get().pending,
        notice: words().noticeCancelled(result.value.plate),
      });
    },

    closePending() {
      set({ pending: null });
    },

    dismissError() {
      set({ error: null });
    },

    async print(what, windowPrint) {
      if (get().inFlight.print) return;
      set(flag('print', true));
      const result = await call('kiosk:print', { what });
      set(flag('print', false));
      // 'app' printed (or the attendant cancelled its dialog, which needs no alert); anything else prints here.
      if (result.ok && result.value.printedBy === 'app') return;
      windowPrint();
    },

    idleReset() {
      set({
        screen: 'issue',
        plate: '',
        issueStep: null,
        pending: null,
        queueStep: null,
        reconcileStep: null,
        shiftStep: null,
        attendantDraft: '',
        settings: null,
        settingsTest: null,
        error: null,
        notice: null,
      });
    },
  };
});

/** Active permits, newest first, for the permits screen; `plateQuery` keeps those whose plate contains it. */
export function activePermits(permits: Permit[], plateQuery = ''): Permit[] {
  const query = normalisePlate(plateQuery);
  return permits
    .filter((p) => p.status === 'active' && p.plate.includes(query))
    .sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
}

/** The kiosk's default extension first, then the zone's own durations, each once. */
export function extendChoices(info: KioskInfo, zone: string): number[] {
  const presets = info.zones.find((z) => z.name === zone)?.presets.map((p) => p.minutes) ?? [];
  return [...new Set([info.extendMinutes, ...presets])];
}
