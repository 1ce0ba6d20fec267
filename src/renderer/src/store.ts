import { create } from 'zustand';
import type { ResponseOf } from '../../shared/contract';
import type { KioskError, KioskInfo, Permit } from '../../shared/domain';
import { normalisePlate, PLATE_MAX_LENGTH } from '../../shared/plate';
import { call } from './call';
import { formatEnd } from './format';
import { createOutboxSlice, type OutboxAction, type OutboxSlice } from './outbox-slice';

export type Screen = 'issue' | 'confirmation' | 'permits' | 'queue';
export type Action = 'info' | 'permits' | 'issue' | 'quote' | 'extend' | 'cancel' | OutboxAction;
export type ExtendQuote = ResponseOf<'permits:quote-extend'>;

/** The one inline confirm step open on the permits screen (only one row asks at a time). */
export type PendingStep =
  | { kind: 'quoting'; ticketNumber: string }
  | { kind: 'extend'; ticketNumber: string; minutes: number; quote: ExtendQuote }
  | { kind: 'cancel'; ticketNumber: string };

export interface KioskState extends OutboxSlice {
  info: KioskInfo | null;
  /** Kept apart from `error`: without info there is no kiosk to show, only the failure and a Retry. */
  infoError: KioskError | null;
  permits: Permit[];
  plate: string;
  zone: string | null;
  presetMinutes: number | null;
  screen: Screen;
  lastConfirmation: Permit | null;
  inFlight: Record<Action, boolean>;
  error: KioskError | null;
  pending: PendingStep | null;
  /** Plain-words outcome of the last extend or cancel, so the attendant sees it happened. */
  notice: string | null;

  start(): Promise<void>;
  loadInfo(): Promise<void>;
  loadPermits(): Promise<void>;
  applyPermit(permit: Permit): void;
  typeCharacter(character: string): void;
  backspace(): void;
  clearPlate(): void;
  selectZone(zone: string): void;
  selectPreset(minutes: number): void;
  issue(): Promise<void>;
  newPermit(): void;
  goTo(screen: 'issue' | 'permits' | 'queue'): void;
  startExtend(ticketNumber: string): Promise<void>;
  confirmExtend(): Promise<void>;
  startCancel(ticketNumber: string): void;
  confirmCancel(): Promise<void>;
  closePending(): void;
  dismissError(): void;
}

const idle: Record<Action, boolean> = {
  info: false,
  permits: false,
  issue: false,
  quote: false,
  extend: false,
  cancel: false,
  outbox: false,
  queue: false,
  flush: false,
  export: false,
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

  return {
    ...createOutboxSlice(set, get, api),
    info: null,
    infoError: null,
    permits: [],
    plate: '',
    zone: null,
    presetMinutes: null,
    screen: 'issue',
    lastConfirmation: null,
    inFlight: idle,
    error: null,
    pending: null,
    notice: null,

    async start() {
      const { loadInfo, loadOutbox, loadPermits } = get();
      set({ error: null });
      await Promise.all([loadInfo(), loadOutbox(), loadPermits()]);
    },

    async loadInfo() {
      if (get().inFlight.info) return;
      set({ ...flag('info', true), infoError: null });
      const result = await call('kiosk:info', {});
      if (!result.ok) {
        set({ ...flag('info', false), infoError: result.error });
        return;
      }
      const info = result.value;
      const { zone, presetMinutes } = get();
      // A reload may drop the chosen zone or preset; fall back rather than issue for something no longer offered.
      const nextZone = info.zones.some((z) => z.name === zone) ? zone : (info.zones[0]?.name ?? null);
      const keepPreset = presetsOf(info, nextZone).some((p) => p.minutes === presetMinutes);
      set({ ...flag('info', false), info, zone: nextZone, presetMinutes: keepPreset ? presetMinutes : null });
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
    },

    typeCharacter(character) {
      if (!/^[A-Za-z0-9]$/.test(character)) return;
      set({ plate: normalisePlate(get().plate + character).slice(0, PLATE_MAX_LENGTH) });
    },

    backspace() {
      set({ plate: get().plate.slice(0, -1) });
    },

    clearPlate() {
      set({ plate: '' });
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
      const { inFlight, plate, zone, presetMinutes, info } = get();
      // Synchronous guard: a second tap lands while the first is awaiting and must do nothing.
      if (inFlight.issue) return;
      if (!plate || !zone || presetMinutes === null) return;
      if (!presetsOf(info, zone).some((p) => p.minutes === presetMinutes)) return;
      set({ ...flag('issue', true), error: null });
      const result = await call('permits:issue', {
        requestId: crypto.randomUUID(),
        plate,
        zone,
        durationMinutes: presetMinutes,
      });
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
        // Cleared now, not on "New permit", so the header's Issue button cannot re-issue the same car by mistake.
        plate: '',
        presetMinutes: null,
        screen: 'confirmation',
      });
    },

    newPermit() {
      set({ plate: '', presetMinutes: null, screen: 'issue' });
    },

    goTo(screen) {
      set({ screen, pending: null, queueStep: null, notice: null });
      // Events keep the lists current; a refresh on entry also covers any the kiosk missed.
      if (screen === 'permits') void get().loadPermits();
      if (screen === 'queue') void get().loadQueue();
    },

    async startExtend(ticketNumber) {
      const { inFlight, info } = get();
      if (inFlight.quote || !info) return;
      const minutes = info.extendMinutes;
      const step: PendingStep = { kind: 'quoting', ticketNumber };
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
        notice: `Permit for ${permit.plate} now ends ${formatEnd(permit.endAt)}`,
      });
    },

    startCancel(ticketNumber) {
      set({ pending: { kind: 'cancel', ticketNumber }, notice: null });
    },

    async confirmCancel() {
      const { inFlight, pending } = get();
      if (inFlight.cancel || pending?.kind !== 'cancel') return;
      set({ ...flag('cancel', true), error: null });
      const result = await call('permits:cancel', {
        requestId: crypto.randomUUID(),
        ticketNumber: pending.ticketNumber,
      });
      if (!result.ok) {
        set({ ...flag('cancel', false), error: result.error });
        return;
      }
      set({
        ...withPermit(result.value),
        ...flag('cancel', false),
        pending: get().pending === pending ? null : get().pending,
        notice: `Permit for ${result.value.plate} cancelled.`,
      });
    },

    closePending() {
      set({ pending: null });
    },

    dismissError() {
      set({ error: null });
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
