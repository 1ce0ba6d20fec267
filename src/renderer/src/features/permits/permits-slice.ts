import type { StateCreator } from 'zustand';
import type { Permit } from '../../../../shared/permits/permit';
import type { RecordedTender, TenderInput } from '../../../../shared/money/ledger-entries';
import { sendToMain } from '../../app/transport/send-to-main';
import { formatEnd } from '../../ui/format';
import { formatMoney } from '../../../../shared/money/money';
import { catalogs } from '../../i18n/catalog';
import { normaliseSearch } from './permit-list';
import type { RefundDraft } from '../payment/tender-form';
import { cancelMoney, refundMethodOf, type CancelReason, type PendingStep } from './permit-changes';
import { requestIds } from '../../app/transport/request-ids';
import { pinDigits } from '../admin-pin/pin-digits';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const PERMITS_ACTIONS = ['permits', 'quote', 'extend', 'cancel'] as const;
export type PermitsAction = (typeof PERMITS_ACTIONS)[number];

/** The permits this kiosk issued, and extending or cancelling one of them. */
export interface PermitsSlice {
  permits: Permit[];
  pending: PendingStep | null;
  /** The plate search on Active permits, as typed on its keys or a keyboard (normalised like plates). */
  permitSearch: string;
  /** Whether the search's on-screen plate keys are shown. */
  permitSearchKeys: boolean;
  /** The permit whose details (Extend, Cancel, sync state, copies) are open over the list, by ticket number. */
  openPermit: string | null;
  /** How the open permit was paid, each sale in order, for its reprinted receipt. */
  openPermitTenders: { ticketNumber: string; tenders: RecordedTender[] } | null;

  loadPermits(): Promise<void>;
  /** For `permit:changed`. */
  applyPermit(permit: Permit): void;
  /** Puts a copy from main in the list (an older copy never wins) and returns the list's copy, the newest. */
  mergePermit(permit: Permit): Permit;
  startExtend(ticketNumber: string, minutes: number): Promise<void>;
  /** The extension's payment step was confirmed: extend, paid with this tender. */
  confirmExtend(tender: TenderInput): Promise<void>;
  startCancel(ticketNumber: string): Promise<void>;
  chooseCancelReason(reason: CancelReason): void;
  /** The cancel step's money back: refund or not, how much, by what. */
  changeRefund(patch: Partial<RefundDraft>): void;
  /** The admin PIN for a refund above the limit, typed on the step's keys. */
  setCancelPin(pin: string): void;
  confirmCancel(): Promise<void>;
  closePending(): void;
  typePermitSearch(character: string): void;
  backspacePermitSearch(): void;
  clearPermitSearch(): void;
  togglePermitSearchKeys(): void;
  /** A tap on a row: its details open, with no step left open from another permit. */
  openPermitDetails(ticketNumber: string): void;
  /** Reads how the open permit was paid, for its receipt; a failure only leaves the receipt without it. */
  loadOpenPermitTenders(): Promise<void>;
  /** Back to the list; not while an extend or cancel is on its way (its answer belongs on this view). */
  closePermitDetails(): void;
  /**
   * Any reset closes the open extend or cancel step and the details; the search stays as typed (like the Issue
   * screen's plate) until the kiosk goes idle.
   */
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
    permitSearch: '',
    permitSearchKeys: false,
    openPermit: null,
    openPermitTenders: null,

    async loadPermits() {
      await run(set, get, 'permits', () => sendToMain('permits:list', {}), {
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
      await run(set, get, 'quote', () => sendToMain('permits:quote-extend', { ticketNumber, minutes }), {
        start: { pending: step, notice: null, error: null },
        onOk: (quote) => (ours() ? { pending: { kind: 'extend', ticketNumber, minutes, quote } } : {}),
        onError: (error) => ({ error, ...(ours() ? { pending: null } : {}) }),
      });
    },

    async confirmExtend(tender) {
      const { pending } = get();
      if (pending?.kind !== 'extend' || get().inFlight.extend) return;
      const { ticketNumber, minutes } = pending;
      // On failure the confirm step stays open so a retry is one tap.
      await run(
        set,
        get,
        'extend',
        () =>
          requestIds.send('extend', { ticketNumber, minutes }, (requestId) =>
            sendToMain('permits:extend', { requestId, ticketNumber, minutes, tender }),
          ),
        {
          start: { error: null },
          onOk: ({ tender: _recorded, ...permit }) => {
            get().mergePermit(permit);
            // The extension's payment joins the receipt's.
            if (get().openPermit === ticketNumber) void get().loadOpenPermitTenders();
            return {
              ...closeIf(pending),
              // No full stop: the formatted time may already end in one ("a.m.").
              notice: words().noticeExtended(permit.plate, formatEnd(permit.endAt, new Date(), get().language)),
            };
          },
        },
      );
    },

    async startCancel(ticketNumber) {
      const step: PendingStep = {
        kind: 'cancel',
        ticketNumber,
        reason: null,
        payments: null,
        refund: { give: false, amountCents: null, method: 'cash' },
        adminPin: '',
      };
      set({ pending: step, notice: null });
      // What was paid decides what may go back; until it is known the step offers no refund.
      const result = await sendToMain('permits:payments', { ticketNumber });
      const now = get().pending;
      if (now?.kind !== 'cancel' || now.ticketNumber !== ticketNumber || now.payments) return;
      if (!result.ok) {
        set({ error: result.error });
        return;
      }
      const payments = result.value;
      set({
        pending: {
          ...now,
          payments,
          refund: { ...now.refund, amountCents: payments.refundableCents || null, method: refundMethodOf(payments) },
        },
      });
    },

    chooseCancelReason(reason) {
      const { pending } = get();
      if (pending?.kind !== 'cancel' || get().inFlight.cancel) return;
      set({ pending: { ...pending, reason } });
    },

    changeRefund(patch) {
      const { pending } = get();
      if (pending?.kind !== 'cancel' || get().inFlight.cancel) return;
      set({ pending: { ...pending, refund: { ...pending.refund, ...patch } } });
    },

    setCancelPin(adminPin) {
      const { pending } = get();
      if (pending?.kind !== 'cancel' || get().inFlight.cancel) return;
      set({ pending: { ...pending, adminPin: pinDigits(adminPin) } });
    },

    async confirmCancel() {
      const { pending } = get();
      if (pending?.kind !== 'cancel' || !pending.reason || get().inFlight.cancel) return;
      const { ticketNumber, reason } = pending;
      const money = cancelMoney(pending, get().info);
      if (!money.ready) return;
      const { refund, adminPin } = money;
      await run(
        set,
        get,
        'cancel',
        () =>
          requestIds.send('cancel', { ticketNumber }, (requestId) =>
            sendToMain('permits:cancel', {
              requestId,
              ticketNumber,
              reason,
              ...(refund ? { refund } : {}),
              ...(adminPin ? { adminPin } : {}),
            }),
          ),
        {
          start: { error: null },
          onOk: (permit) => {
            get().mergePermit(permit);
            get().forgetRecentPlate(permit.plate);
            // A cancelled permit leaves the list: its details close and the notice shows over the list.
            const closeDetails = get().openPermit === ticketNumber ? { openPermit: null } : {};
            const notice = refund
              ? words().noticeCancelledRefund(
                  permit.plate,
                  formatMoney(refund.amountCents, permit.currency, get().language),
                )
              : words().noticeCancelled(permit.plate);
            return { ...closeIf(pending), ...closeDetails, notice };
          },
        },
      );
    },

    closePending() {
      set({ pending: null });
    },

    typePermitSearch(character) {
      if (!/^[A-Za-z0-9]$/.test(character)) return;
      set({ permitSearch: normaliseSearch(get().permitSearch + character) });
    },

    backspacePermitSearch() {
      set({ permitSearch: get().permitSearch.slice(0, -1) });
    },

    clearPermitSearch() {
      set({ permitSearch: '' });
    },

    togglePermitSearchKeys() {
      set({ permitSearchKeys: !get().permitSearchKeys });
    },

    openPermitDetails(ticketNumber) {
      const { pending } = get();
      set({
        openPermit: ticketNumber,
        openPermitTenders: null,
        notice: null,
        ...(pending && pending.ticketNumber !== ticketNumber ? { pending: null } : {}),
      });
      void get().loadOpenPermitTenders();
    },

    async loadOpenPermitTenders() {
      const ticketNumber = get().openPermit;
      if (!ticketNumber) return;
      const result = await sendToMain('permits:payments', { ticketNumber });
      if (!result.ok || get().openPermit !== ticketNumber) return;
      const tenders = result.value.entries.flatMap((entry) => (entry.type === 'sale' ? [entry.tender] : []));
      set({ openPermitTenders: { ticketNumber, tenders } });
    },

    closePermitDetails() {
      const { inFlight } = get();
      if (inFlight.extend || inFlight.cancel) return;
      set({ openPermit: null, pending: null });
    },

    resetPermits(scope) {
      set({
        pending: null,
        openPermit: null,
        openPermitTenders: null,
        ...(scope === 'idle' ? { permitSearch: '', permitSearchKeys: false } : {}),
      });
    },
  };
};
