import type { StateCreator } from 'zustand';
import type { ResponseOf } from '../../../../shared/contract';
import type { OutboxItem, OutboxStatus, ReconcileEntry } from '../../../../shared/outbox/outbox-view';
import type { Result } from '../../../../shared/errors/kiosk-error';
import { normalisePlate } from '../../../../shared/plates/plate';
import { sendToMain } from '../../app/transport/send-to-main';
import { catalogs } from '../../i18n/catalog';
import { onScreen, run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export type AuditFile = ResponseOf<'audit:export-csv'>;
export const OUTBOX_ACTIONS = [
  'outbox',
  'queue',
  'flush',
  'export',
  'reconcile',
  'reconcileExport',
  'reconcileClear',
] as const;
export type OutboxAction = (typeof OUTBOX_ACTIONS)[number];
/** The one inline field open on the queue screen (a corrected plate or the admin PIN). */
export interface QueueStep {
  kind: 'correct' | 'discard';
  actionId: string;
}
/** The queue action being sent to main; one at a time, so the row can say "Retrying…". */
export interface QueueWork {
  kind: 'retry' | 'correct' | 'discard';
  actionId: string;
}

/** What waits to go to OPSCOM (status, queue, attention actions), the audit export and the reconciliation list. */
export interface OutboxSlice {
  outbox: OutboxStatus | null;
  queue: OutboxItem[];
  queueLoaded: boolean;
  queueStep: QueueStep | null;
  queueWork: QueueWork | null;
  /** Permits whose copies in OPSCOM the kiosk cannot vouch for; loaded with the queue. */
  reconciliation: ReconcileEntry[];
  reconciliationLoaded: boolean;
  /** The ticket whose "Done in OPSCOM" step is open (one at a time). */
  reconcileStep: string | null;

  loadOutbox(): Promise<void>;
  /** For `outbox:changed` events. */
  applyOutbox(status: OutboxStatus): void;
  loadQueue(): Promise<void>;
  flush(reason: 'online' | 'manual'): Promise<void>;
  retry(actionId: string): Promise<void>;
  openQueueStep(step: QueueStep): void;
  closeQueueStep(): void;
  /** Resolves true when main took the correction, so the field can close. */
  correctPlate(actionId: string, plate: string): Promise<boolean>;
  discard(actionId: string, adminPin: string): Promise<boolean>;
  /** `save` does the download; kept out of the store so it runs without a DOM in tests. */
  exportAudit(save: (file: AuditFile) => void): Promise<void>;
  loadReconciliation(): Promise<void>;
  openReconcileStep(ticketNumber: string): void;
  closeReconcileStep(): void;
  /** A supervisor did it in OPSCOM's portal; resolves true when main took the PIN. */
  clearReconciliation(ticketNumber: string, adminPin: string, note: string): Promise<boolean>;
  exportReconciliation(save: (file: AuditFile) => void): Promise<void>;
  /** Any reset closes the open queue field and the open "Done in OPSCOM" step. */
  resetQueue(scope: ResetScope): void;
}

export const createOutboxSlice: StateCreator<KioskState, [], [], OutboxSlice> = (set, get) => {
  const words = () => catalogs[get().language];
  // Status answers carry no timestamp: one that left before the latest event may be older than it, so it loses.
  let eventsSeen = 0;
  const answer = (status: OutboxStatus, seenAtRequest: number) => {
    if (eventsSeen === seenAtRequest) set({ outbox: status });
  };
  // Changes can come in bursts while a list is on its way; one more load after it catches them all.
  let reloadQueue = false;

  /** Like `run`, with the row's work as the busy marker, so the row can say what it is doing. */
  const runQueueAction = async (work: QueueWork, send: () => Promise<Result<unknown>>): Promise<boolean> => {
    if (get().queueWork) return false;
    set({ queueWork: work, error: null, notice: null });
    const raisedOn = get().screen;
    const result = await send();
    set(result.ok ? { queueWork: null } : { queueWork: null, ...onScreen(get, raisedOn, { error: result.error }) });
    if (result.ok) void get().loadQueue();
    return result.ok;
  };

  /** Fetches a CSV from main and hands it to `save`; the notice names the file, a failure says so. */
  const exportFile = async (
    action: 'export' | 'reconcileExport',
    fetchFile: () => Promise<Result<AuditFile>>,
    save: (file: AuditFile) => void,
    savedNotice: (file: AuditFile) => string,
    notSaved: string = words().fileNotSaved,
  ) => {
    await run(set, get, action, fetchFile, {
      start: { error: null, notice: null },
      onOk: (file) => {
        try {
          save(file);
          return { notice: savedNotice(file) };
        } catch {
          return { error: { code: 'internal', message: notSaved } };
        }
      },
    });
  };

  return {
    outbox: null,
    queue: [],
    queueLoaded: false,
    queueStep: null,
    queueWork: null,
    reconciliation: [],
    reconciliationLoaded: false,
    reconcileStep: null,

    async loadOutbox() {
      const seen = eventsSeen;
      const result = await run(set, get, 'outbox', () => sendToMain('outbox:status', {}));
      if (result?.ok) answer(result.value, seen);
    },

    applyOutbox(status) {
      eventsSeen += 1;
      const before = get().outbox;
      set({ outbox: status });
      if (get().screen === 'queue') {
        void get().loadQueue();
        // The list changes far less often than the queue: only when its counts say so.
        if (before?.reconcile !== status.reconcile || before.attention !== status.attention) {
          void get().loadReconciliation();
        }
      }
      get().refreshShiftSummary();
    },

    async loadQueue() {
      const result = await run(set, get, 'queue', () => sendToMain('outbox:list', {}), {
        onOk: (value) => ({ queue: value.items, queueLoaded: true }),
      });
      if (result === null) {
        reloadQueue = true;
        return;
      }
      if (reloadQueue) {
        reloadQueue = false;
        await get().loadQueue();
      }
    },

    async flush(reason) {
      const seen = eventsSeen;
      const send = () => sendToMain('outbox:flush', { reason });
      // The network hint is background work: no flag, and its failure is not the attendant's business.
      const result =
        reason === 'manual'
          ? await run(set, get, 'flush', send, { start: { error: null, notice: null } })
          : await send();
      if (result?.ok) answer(result.value, seen);
    },

    async retry(actionId) {
      await runQueueAction({ kind: 'retry', actionId }, () => sendToMain('outbox:retry', { actionId }));
    },

    openQueueStep(step) {
      set({ queueStep: step, notice: null });
    },

    closeQueueStep() {
      set({ queueStep: null });
    },

    async correctPlate(actionId, plate) {
      const corrected = normalisePlate(plate);
      if (!corrected) return false;
      const ok = await runQueueAction({ kind: 'correct', actionId }, () =>
        sendToMain('outbox:correct-plate', { actionId, plate: corrected }),
      );
      if (ok) set({ queueStep: null, notice: words().noticePlateCorrected(corrected) });
      return ok;
    },

    async discard(actionId, adminPin) {
      if (!adminPin) return false;
      let discarded = 0;
      const ok = await runQueueAction({ kind: 'discard', actionId }, async () => {
        const result = await sendToMain('outbox:discard', { actionId, adminPin });
        if (result.ok) discarded = result.value.discarded.length;
        return result;
      });
      if (ok) set({ queueStep: null, notice: words().noticeDiscarded(discarded) });
      return ok;
    },

    async exportAudit(save) {
      await exportFile(
        'export',
        () => sendToMain('audit:export-csv', {}),
        save,
        (file) => words().noticeAuditSaved(file.fileName),
        words().auditNotSaved,
      );
    },

    async loadReconciliation() {
      await run(set, get, 'reconcile', () => sendToMain('reconcile:list', {}), {
        onOk: (value) => ({ reconciliation: value.entries, reconciliationLoaded: true }),
      });
    },

    openReconcileStep(ticketNumber) {
      set({ reconcileStep: ticketNumber, notice: null });
    },

    closeReconcileStep() {
      set({ reconcileStep: null });
    },

    async clearReconciliation(ticketNumber, adminPin, note) {
      if (!adminPin) return false;
      const result = await run(
        set,
        get,
        'reconcileClear',
        () => sendToMain('reconcile:clear', { ticketNumber, adminPin, note }),
        {
          start: { error: null, notice: null },
          onOk: (value) => ({
            reconciliation: value.entries,
            reconcileStep: null,
            notice: words().noticeReconcileCleared(ticketNumber),
          }),
        },
      );
      return result?.ok === true;
    },

    async exportReconciliation(save) {
      await exportFile(
        'reconcileExport',
        () => sendToMain('reconcile:export-csv', {}),
        save,
        (file) => words().noticeReconcileSaved(file.fileName),
      );
    },

    resetQueue() {
      set({ queueStep: null, reconcileStep: null });
    },
  };
};
