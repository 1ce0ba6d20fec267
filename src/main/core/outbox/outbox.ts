import type { OutboxItem, OutboxStatus, ReconcileEntry } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import { problemMessage, type Problem } from '../../../shared/errors/problems';
import { isAfter, toInstant, type Clock } from '../../../shared/time';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { fail } from '../channels/failure';
import { KioskStore } from '../storage/kiosk-store';
import { OutboxState, type DeliveryPlan, type LiveAction, type OutboxSnapshot } from './outbox-state';
import type { HandoverReason, JournalRecord, OutboxAction, PermitValues, RepeatedTicketPolicy } from './records';

const HANDOVER_DETAIL: Record<HandoverReason, string> = {
  'no-reference': 'OPSCOM holds this permit without a reference the kiosk knows: a supervisor must change it there.',
  'cancelled-after-unclear':
    'Cancelled after a push whose answer was unclear: not resent; a supervisor removes any copy in OPSCOM.',
};

/** What a permit says, in the audit log's columns (the start is in the detail of the accepted entry). */
function auditValues(values: PermitValues): Pick<AuditEntry, 'plate' | 'zone' | 'endAt' | 'amountCents' | 'currency'> {
  return {
    plate: values.plate,
    zone: values.zone,
    endAt: values.endAt,
    amountCents: values.amountCents,
    currency: values.currency,
  };
}

export interface OutboxOptions {
  /** The kiosk's database: an action's change, its ledger entry and its audit records commit together. */
  store: KioskStore;
  audit: AuditLog;
  clock: Clock;
  /** Compact once this many changes are stored beyond what the live state needs. */
  compactAfter?: number;
  /** Settled permits that ended this long ago leave the snapshot (the audit log keeps them). */
  keepEndedForMs?: number;
}

export type OutboxListener = (change: { tickets: string[] }) => void;

/**
 * The durable outbox. `accept` returns only once the action is committed; from then on the action is
 * delivered by the courier or parked for a person, never dropped. Every change is stored (table outbox_change),
 * applied to the in-memory state and audited in one transaction, and announced once it commits. A transaction
 * that fails leaves nothing: the in-memory state is read again from the database.
 */
export class Outbox {
  private readonly store: KioskStore;
  private state: OutboxState;
  private changesSinceSnapshot = 0;
  private readonly listeners = new Set<OutboxListener>();
  private readonly compactAfter: number;
  private closed = false;
  private readonly keepEndedForMs: number;

  constructor(private readonly options: OutboxOptions) {
    this.compactAfter = options.compactAfter ?? 5000;
    this.keepEndedForMs = options.keepEndedForMs ?? 24 * 60 * 60_000;
    this.store = options.store;
    this.state = this.load();
    this.store.onRollback(() => {
      this.state = this.load();
    });
    // Written down, not only concluded in memory: the next replay must count the same copies.
    for (const live of this.state.unanswered()) {
      this.store.transaction(() => {
        this.audit([
          this.entry('possible-duplicate', live.action, 'Sent before a restart and no answer was recorded.'),
        ]);
        this.recordFailed([live.action.id], { code: 'no-answer-before-restart' }, true, 'restart');
      });
    }
  }

  /** Later answers are not recorded (the next start resends); the store is closed by its owner. */
  close(): void {
    this.closed = true;
  }

  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get nextSeq(): number {
    return this.state.lastSeq + 1;
  }

  /** Durable before it returns: this is the moment the attendant may be told "confirmed". */
  accept(action: OutboxAction): Permit {
    const known = this.state.ticketOf(action.id);
    if (known === undefined) {
      this.commit([{ r: 'accept', action }], [this.entry('accepted', action)], [action.ticketNumber]);
    }
    return this.permit(known ?? action.ticketNumber) as Permit;
  }

  ticketOf(actionId: string): string | undefined {
    return this.state.ticketOf(actionId);
  }

  permit(ticketNumber: string): Permit | undefined {
    return this.state.permitView(ticketNumber);
  }

  activePermits(): Permit[] {
    const now = toInstant(this.options.clock.now());
    const active: Permit[] = [];
    for (const ticketNumber of this.state.permits.keys()) {
      const view = this.state.permitView(ticketNumber);
      if (view && view.status === 'active' && isAfter(view.endAt, now)) active.push(view);
    }
    return active.sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }

  status(connection: OutboxStatus['connection'], paused: OutboxStatus['paused']): OutboxStatus {
    return this.state.status(connection, paused);
  }

  /** When the oldest action parked as needs attention was taken (for the fleet's metrics); null when none is. */
  oldestAttentionSince(): string | null {
    let oldest: string | null = null;
    for (const live of this.state.actions.values()) {
      if (live.state === 'attention' && (oldest === null || live.action.takenAt < oldest)) oldest = live.action.takenAt;
    }
    return oldest;
  }

  items(sending: ReadonlySet<string>): OutboxItem[] {
    return [...this.state.actions.values()].map((live) => this.state.item(live, sending.has(live.action.ticketNumber)));
  }

  /** Permits with something to send, oldest action first. */
  ticketsWithWork(): string[] {
    const tickets = new Set<string>();
    for (const live of this.state.actions.values()) {
      if (live.state === 'pending') tickets.add(live.action.ticketNumber);
    }
    return [...tickets];
  }

  plan(ticketNumber: string, policy?: RepeatedTicketPolicy): DeliveryPlan | null {
    return this.state.plan(ticketNumber, policy);
  }

  /** Whether earlier attempts of this permit's push may have stored copies the kiosk cannot reach. */
  hasOpenCopies(ticketNumber: string): boolean {
    return this.state.hasOpenCopies(ticketNumber);
  }

  /** Permits whose next action's last answer was unclear: how many tries, and when the last one went. */
  unclearHeads(): Array<{ ticketNumber: string; streak: number; lastAttemptAt: string }> {
    const heads: Array<{ ticketNumber: string; streak: number; lastAttemptAt: string }> = [];
    for (const ticketNumber of this.ticketsWithWork()) {
      const head = this.state.head(ticketNumber);
      if (head?.possibleDuplicate && head.lastAttemptAt) {
        heads.push({ ticketNumber, streak: head.attempts, lastAttemptAt: head.lastAttemptAt });
      }
    }
    return heads;
  }

  /** Every permit whose state in OPSCOM the kiosk cannot vouch for. */
  reconciliation(): ReconcileEntry[] {
    return this.state.reconciliation();
  }

  live(actionId: string): LiveAction | undefined {
    return this.state.actions.get(actionId);
  }

  // --- what the courier records --------------------------------------------------------------------------

  /** Runs several records as one transaction: all of them are stored, or none. */
  together<T>(work: () => T): T {
    return this.store.transaction(work);
  }

  recordAttempt(ids: string[], target: { sent?: PermitValues; referenceId?: string } = {}): void {
    const lives = ids.flatMap((id) => this.state.actions.get(id) ?? []);
    const to = target.referenceId ? ` to ${target.referenceId}` : '';
    const entries = lives.map((live) => this.entry('attempt', live.action, `attempt ${live.attempts + 1}${to}`));
    const repeats = lives.filter((live) => live.action.kind === 'issue' && live.possibleDuplicate);
    entries.push(
      ...repeats.map((live) =>
        this.entry('possible-duplicate', live.action, 'Sending again a push that OPSCOM may already hold.'),
      ),
    );
    this.commit([{ r: 'attempt', ids, at: this.now(), ...target }], entries, this.ticketsOf(ids));
  }

  recordDelivered(
    ids: string[],
    referenceId: string | null,
    options: { detail?: string; notStored?: boolean } = {},
  ): void {
    const lives = ids.flatMap((id) => this.state.actions.get(id) ?? []);
    const [head, ...folded] = lives;
    const entries: AuditEntry[] = head
      ? [{ ...this.entry('delivered', head.action, options.detail), referenceId }]
      : [];
    entries.push(...folded.map((live) => this.entry('coalesced', live.action, `sent within ${head?.action.id}`)));
    if (head && options.notStored && this.state.hasOpenCopies(head.action.ticketNumber)) {
      const detail =
        'OPSCOM refuses a repeated ticket number: the earlier unclear attempts cannot be stored while this copy ' +
        'stands (if it is cancelled, they are listed, as one may still arrive late).';
      entries.push(this.entry('copies-not-stored', head.action, detail));
    }
    const record: JournalRecord = { r: 'delivered', ids, at: this.now(), referenceId };
    if (options.notStored) record.notStored = true;
    this.commit([record], entries, this.ticketsOf(ids));
  }

  recordFailed(ids: string[], problem: Problem, maybeStored: boolean, reason?: string): void {
    const message = problemMessage(problem);
    const entries = ids.flatMap((id) => {
      const live = this.state.actions.get(id);
      if (!live) return [];
      const failed = this.entry('failed', live.action, message);
      // A push that may have stored a copy we cannot reach: what it sent goes on the record, for the portal.
      const copy = maybeStored && live.action.kind === 'issue' && live.sending?.sent;
      return copy
        ? [failed, { ...this.entry('copy-unreachable', live.action, message), ...auditValues(copy) }]
        : [failed];
    });
    const record: JournalRecord = { r: 'failed', ids, at: this.now(), message, problem, maybeStored };
    if (reason !== undefined) record.reason = reason;
    this.commit([record], entries, this.ticketsOf(ids));
  }

  recordParked(id: string, problem: Problem, event: 'needs-attention' | 'duplicate' = 'needs-attention'): void {
    const live = this.state.actions.get(id);
    if (!live) return;
    const message = problemMessage(problem);
    this.commit(
      [{ r: 'parked', id, at: this.now(), message, problem }],
      [this.entry(event, live.action, message)],
      [live.action.ticketNumber],
    );
  }

  recordVoided(ids: string[]): void {
    const entries = ids.flatMap((id) => {
      const live = this.state.actions.get(id);
      return live ? [this.entry('voided-before-sync', live.action, 'cancelled before it was ever sent')] : [];
    });
    this.commit([{ r: 'voided', ids, at: this.now() }], entries, this.ticketsOf(ids));
  }

  /** 9022 to a resent push: OPSCOM holds the permit from an attempt whose answer was lost. */
  recordHeld(ids: string[], collapse: boolean): void {
    const message = problemMessage({ code: 'opscom-held' });
    const entries = ids.flatMap((id) => {
      const live = this.state.actions.get(id);
      return live ? [this.entry('held', live.action, message)] : [];
    });
    this.commit([{ r: 'held', ids, at: this.now(), message, collapse }], entries, this.ticketsOf(ids));
  }

  /** Actions that cannot be delivered without a reference: settled here, and left to a supervisor. */
  recordHandedOver(ids: string[], why: HandoverReason): void {
    const detail = HANDOVER_DETAIL[why];
    const entries = ids.flatMap((id) => {
      const live = this.state.actions.get(id);
      return live ? [this.entry('handed-to-supervisor', live.action, detail)] : [];
    });
    this.commit([{ r: 'handed', ids, at: this.now(), why }], entries, this.ticketsOf(ids));
  }

  /** Pauses and resumptions of the whole outbox are audited: nothing was sent meanwhile, and this says why. */
  recordPaused(problem: Problem): void {
    this.audit([{ at: this.now(), event: 'paused', detail: problemMessage(problem) }]);
  }

  recordResumed(why: string): void {
    this.audit([{ at: this.now(), event: 'resumed', detail: why }]);
  }

  /** A supervisor found and fixed the copies of this permit in OPSCOM's portal. Refuses a permit not listed. */
  clearReconciliation(ticketNumber: string, by: string | null, note?: string): void {
    const entry = this.state.reconciliation().find((each) => each.ticketNumber === ticketNumber);
    const permit = this.state.permits.get(ticketNumber);
    if (!entry || !permit) fail('not-allowed', 'not-on-reconciliation-list', { params: { ticket: ticketNumber } });
    const words = `${entry.instruction}; ${entry.copies.length} unreachable cop${entry.copies.length === 1 ? 'y' : 'ies'}`;
    const audit: AuditEntry = {
      at: this.now(),
      event: 'cleared',
      ticketNumber,
      ...auditValues(permit.values),
      attendant: by,
      detail: note ? `${words}: ${note}` : words,
    };
    const record: JournalRecord = { r: 'cleared', ticketNumber, at: this.now(), by };
    if (note) record.note = note;
    this.commit([record], [audit], [ticketNumber]);
  }

  // --- what a person decides on a parked action ----------------------------------------------------------

  // Each refuses (a KioskFailure) an action that does not wait for a person's decision.

  retry(actionId: string, by: string | null): void {
    const live = this.state.actions.get(actionId);
    if (live?.state !== 'attention') fail('not-allowed', 'retry-needs-attention');
    const entry = { ...this.entry('retried', live.action), attendant: by };
    this.commit([{ r: 'retry', id: actionId, at: this.now() }], [entry], [live.action.ticketNumber]);
  }

  correctPlate(actionId: string, plate: string, by: string | null): void {
    const live = this.state.actions.get(actionId);
    if (live?.state !== 'attention') fail('not-allowed', 'correct-needs-attention');
    const entry = {
      ...this.entry('corrected', live.action, `plate ${live.action.values.plate} → ${plate}`),
      attendant: by,
    };
    this.commit([{ r: 'corrected', id: actionId, at: this.now(), plate }], [entry], [live.action.ticketNumber]);
  }

  /** Returns every action discarded with this one (those that depended on it). */
  discard(actionId: string, by: string | null): string[] {
    const live = this.state.actions.get(actionId);
    if (live?.state !== 'attention') fail('not-allowed', 'discard-needs-attention');
    const ids = this.state.discardSet(actionId);
    const entries = ids.flatMap((id) => {
      const each = this.state.actions.get(id);
      return each ? [{ ...this.entry('discarded', each.action, `discarded with ${actionId}`), attendant: by }] : [];
    });
    this.commit([{ r: 'discarded', ids, at: this.now() }], entries, [live.action.ticketNumber]);
    return ids;
  }

  // --- internals -----------------------------------------------------------------------------------------

  private commit(records: JournalRecord[], entries: AuditEntry[], tickets: string[]): void {
    // A late answer after shutdown must not be written anywhere: the next start resends that action.
    if (this.closed) throw new Error('The outbox is closed.');
    this.store.transaction(() => {
      const insert = this.store.sql('INSERT INTO outbox_change (body, crc) VALUES (?, ?)');
      for (const record of records) {
        const { body, crc } = KioskStore.sealed(JSON.stringify(record));
        insert.run(body, crc);
        this.state.apply(record);
        this.changesSinceSnapshot += 1;
      }
      this.audit(entries);
      this.maybeCompact();
    });
    this.store.onCommit(() => {
      // Each listener on its own: one that fails (the courier) must not keep the news from the next (the page).
      for (const listener of this.listeners) {
        try {
          listener({ tickets });
        } catch (error) {
          console.error('An outbox listener failed', error);
        }
      }
    });
  }

  private audit(entries: AuditEntry[]): void {
    this.options.audit.append(...entries);
  }

  /** The live state: the last snapshot, and every change stored since, each checked against its checksum. */
  private load(): OutboxState {
    const snapshotRow = this.store.sql('SELECT body, crc FROM outbox_snapshot WHERE id = 1').get();
    const snapshot = snapshotRow
      ? (JSON.parse(this.store.opened('outbox_snapshot', 1, snapshotRow.body, snapshotRow.crc)) as OutboxSnapshot)
      : undefined;
    const state = OutboxState.fromSnapshot(snapshot);
    let changes = 0;
    for (const row of this.store.sql('SELECT seq, body, crc FROM outbox_change ORDER BY seq').iterate()) {
      const record = JSON.parse(this.store.opened('outbox_change', row.seq as number, row.body, row.crc));
      state.apply(record as JournalRecord);
      changes += 1;
    }
    this.changesSinceSnapshot = changes;
    return state;
  }

  private maybeCompact(): void {
    // Unsettled actions are in the snapshot anyway; compact when the changes hold that much and more.
    if (this.changesSinceSnapshot < this.compactAfter + 2 * this.state.actions.size) return;
    this.pruneSettledPermits();
    this.state.generation += 1;
    const { body, crc } = KioskStore.sealed(JSON.stringify(this.state.toSnapshot()));
    this.store
      .sql(
        'INSERT INTO outbox_snapshot (id, body, crc) VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET body = ?, crc = ?',
      )
      .run(body, crc, body, crc);
    this.store.sql('DELETE FROM outbox_change').run();
    this.changesSinceSnapshot = 0;
  }

  private pruneSettledPermits(): void {
    const cutoff = toInstant(new Date(this.options.clock.now().getTime() - this.keepEndedForMs));
    for (const [ticketNumber, permit] of this.state.permits) {
      // A cancelled permit stays as long after its cancel as an ended one after its end, so it can still be
      // looked up (and a repeated request id recognised) for a day.
      const lastDay = permit.cancelled || permit.discarded ? permit.updatedAt : permit.values.endAt;
      const over = !isAfter(lastDay, cutoff);
      // A permit a supervisor still has to see to stays, however old: the list must not forget it.
      const listed = this.state.isOnReconciliationList(ticketNumber);
      if (permit.pending.length === 0 && over && !listed) this.state.permits.delete(ticketNumber);
    }
  }

  private ticketsOf(ids: string[]): string[] {
    return [...new Set(ids.flatMap((id) => this.state.ticketOf(id) ?? []))];
  }

  private entry(event: AuditEntry['event'], action: OutboxAction, detail?: string): AuditEntry {
    const entry: AuditEntry = {
      at: this.now(),
      event,
      actionId: action.id,
      ticketNumber: action.ticketNumber,
      kind: action.kind,
      ...auditValues(action.values),
      attendant: action.attendant,
    };
    if (event === 'accepted' && action.chargedCents !== undefined) entry.chargedCents = action.chargedCents;
    const words = detail ?? (event === 'accepted' ? action.note : undefined);
    if (words !== undefined) entry.detail = words;
    return entry;
  }

  private now(): string {
    return toInstant(this.options.clock.now());
  }
}
