import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../shared/contract';
import type { KioskInfo, Permit } from '../../shared/domain';
import { normalisePlate } from '../../shared/plate';
import { call } from './call';
import { formatEnd } from './format';
import { catalogs, type Catalog } from './i18n/catalog';
import { run, type ResetScope } from './slice';
import type { KioskState } from './store';

export const PERMITS_ACTIONS = ['permits', 'quote', 'extend', 'cancel'] as const;
export type PermitsAction = (typeof PERMITS_ACTIONS)[number];
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

/** The permits this kiosk issued, and extending or cancelling one of them. */
export interface PermitsSlice {
  permits: Permit[];
  pending: PendingStep | null;

  loadPermits(): Promise<void>;
  /** For `permit:changed`. */
  applyPermit(permit: Permit): void;
  /** Puts a copy from main in the list (an older copy never wins) and returns the list's copy, the newest. */
  mergePermit(permit: Permit): Permit;
  startExtend(ticketNumber: string, minutes: number): Promise<void>;
  confirmExtend(): Promise<void>;
  startCancel(ticketNumber: string): void;
  chooseCancelReason(reason: CancelReason): void;
  confirmCancel(): Promise<void>;
  closePending(): void;
  /** Any reset closes the open extend or cancel step. */
  resetPermits(scope: ResetScope): void;
}

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

export const createPermitsSlice: StateCreator<KioskState, [], [], PermitsSlice> = (set, get) => {
  const words = () => catalogs[get().language];
  /** The step closes once done, unless the attendant already opened another one meanwhile. */
  const closeIf = (step: PendingStep) => (get().pending === step ? { pending: null } : {});

  return {
    permits: [],
    pending: null,

    async loadPermits() {
      await run(set, get, 'permits', () => call('permits:list', {}), {
        // Merge rather than replace: a permit:changed event may have landed while the list was on its way.
        onOk: (value) => ({ permits: get().permits.reduce(upsert, value.permits) }),
      });
    },

    applyPermit(permit) {
      get().mergePermit(permit);
      get().refreshShiftSummary();
    },

    mergePermit(permit) {
      const permits = upsert(get().permits, permit);
      const fresh = permits.find((p) => p.ticketNumber === permit.ticketNumber) ?? permit;
      set({ permits });
      get().followPermit(fresh);
      return fresh;
    },

    async startExtend(ticketNumber, minutes) {
      if (!get().info) return;
      const step: PendingStep = { kind: 'quoting', ticketNumber, minutes };
      // Only touch the step this call opened; the attendant may have moved on to another row meanwhile.
      const ours = () => get().pending === step;
      await run(set, get, 'quote', () => call('permits:quote-extend', { ticketNumber, minutes }), {
        start: { pending: step, notice: null, error: null },
        onOk: (quote) => (ours() ? { pending: { kind: 'extend', ticketNumber, minutes, quote } } : {}),
        onError: (error) => ({ error, ...(ours() ? { pending: null } : {}) }),
      });
    },

    async confirmExtend() {
      const { pending } = get();
      if (pending?.kind !== 'extend') return;
      const { ticketNumber, minutes } = pending;
      // On failure the confirm step stays open so a retry is one tap.
      await run(
        set,
        get,
        'extend',
        () => call('permits:extend', { requestId: crypto.randomUUID(), ticketNumber, minutes }),
        {
          start: { error: null },
          onOk: (permit) => {
            get().mergePermit(permit);
            return {
              ...closeIf(pending),
              // No full stop: the formatted time may already end in one ("a.m.").
              notice: words().noticeExtended(permit.plate, formatEnd(permit.endAt, new Date(), get().language)),
            };
          },
        },
      );
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
      const { pending } = get();
      if (pending?.kind !== 'cancel' || !pending.reason) return;
      const { ticketNumber, reason } = pending;
      await run(
        set,
        get,
        'cancel',
        () => call('permits:cancel', { requestId: crypto.randomUUID(), ticketNumber, reason }),
        {
          start: { error: null },
          onOk: (permit) => {
            get().mergePermit(permit);
            get().forgetRecentPlate(permit.plate);
            return { ...closeIf(pending), notice: words().noticeCancelled(permit.plate) };
          },
        },
      );
    },

    closePending() {
      set({ pending: null });
    },

    resetPermits() {
      set({ pending: null });
    },
  };
};

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
