import type { OutboxItem, OutboxStatus, Permit } from '../../../shared/domain';
import type { JournalRecord, OutboxAction, PermitValues } from './records';

/** An action not yet settled: waiting to be sent, or parked until a person decides. */
export interface LiveAction {
  action: OutboxAction;
  state: 'pending' | 'attention';
  attempts: number;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** Sent before, and OPSCOM may have stored it without our knowing (no answer, a timeout, a 5xx). */
  possibleDuplicate: boolean;
  /** Between an `attempt` record and its outcome (true after a crash mid-send). */
  awaitingAnswer: boolean;
}

export interface PermitEntry {
  ticketNumber: string;
  values: PermitValues;
  referenceId: string | null;
  cancelled: boolean;
  /** Its issue was discarded by an admin: it never reaches OPSCOM and is not shown as active. */
  discarded: boolean;
  issuedAt: string;
  updatedAt: string;
  /** Goes up with every change, so a screen can tell the newer of two copies even within one second. */
  revision: number;
  /** Unsettled action ids, oldest first: they are delivered in this order. */
  pending: string[];
}

export interface OutboxSnapshot {
  version: 1;
  generation: number;
  lastSeq: number;
  permits: PermitEntry[];
  actions: LiveAction[];
}

/** The next request for one permit, with every action it settles. */
export type DeliveryPlan =
  | { kind: 'void'; ids: string[] }
  | { kind: 'push'; ids: string[]; values: PermitValues }
  | { kind: 'update'; ids: string[]; values: PermitValues; referenceId: string }
  | { kind: 'delete'; ids: string[]; referenceId: string }
  | { kind: 'blocked'; id: string; message: string };

/**
 * The outbox as data: permits, their unsettled actions, and the rules for what to send next. No I/O here, so
 * the same code replays the journal at start-up and applies each new record while running.
 */
export class OutboxState {
  generation = 0;
  lastSeq = 0;
  readonly permits = new Map<string, PermitEntry>();
  /** Insertion order is the order actions were taken, so the first pending one is the oldest. */
  readonly actions = new Map<string, LiveAction>();
  private attentionCount = 0;
  /** Settled action ids seen lately, so a repeated request id is recognised after it is delivered. */
  private readonly settled = new Map<string, string>();

  static fromSnapshot(snapshot: OutboxSnapshot | undefined): OutboxState {
    const state = new OutboxState();
    if (!snapshot) return state;
    state.generation = snapshot.generation;
    state.lastSeq = snapshot.lastSeq;
    for (const permit of snapshot.permits) state.permits.set(permit.ticketNumber, permit);
    for (const live of snapshot.actions) {
      state.actions.set(live.action.id, live);
      if (live.state === 'attention') state.attentionCount += 1;
    }
    return state;
  }

  toSnapshot(): OutboxSnapshot {
    return {
      version: 1,
      generation: this.generation,
      lastSeq: this.lastSeq,
      permits: [...this.permits.values()],
      actions: [...this.actions.values()],
    };
  }

  /** Which permit an action id belongs to, whether it is still live or settled lately. */
  ticketOf(actionId: string): string | undefined {
    return this.actions.get(actionId)?.action.ticketNumber ?? this.settled.get(actionId);
  }

  apply(record: JournalRecord): void {
    const touched = this.ticketsTouchedBy(record);
    this.applyRecord(record);
    for (const ticket of touched) {
      const permit = this.permits.get(ticket);
      if (permit) permit.revision += 1;
    }
  }

  private ticketsTouchedBy(record: JournalRecord): string[] {
    switch (record.r) {
      case 'header':
        return [];
      case 'accept':
        return [record.action.ticketNumber];
      case 'parked':
      case 'retry':
      case 'corrected':
        return this.ticketsOfIds([record.id]);
      default:
        return this.ticketsOfIds(record.ids);
    }
  }

  private ticketsOfIds(ids: string[]): string[] {
    return [...new Set(ids.flatMap((id) => this.actions.get(id)?.action.ticketNumber ?? []))];
  }

  private applyRecord(record: JournalRecord): void {
    switch (record.r) {
      case 'header':
        return;
      case 'accept':
        return this.accept(record.action);
      case 'attempt':
        for (const live of this.liveAll(record.ids)) {
          live.attempts += 1;
          live.lastAttemptAt = record.at;
          if (live.awaitingAnswer) live.possibleDuplicate = true;
          live.awaitingAnswer = true;
        }
        return;
      case 'delivered': {
        const first = this.actions.get(record.ids[0] ?? '');
        const permit = first && this.permits.get(first.action.ticketNumber);
        if (permit && record.referenceId) permit.referenceId = record.referenceId;
        return this.settle(record.ids);
      }
      case 'failed':
        for (const live of this.liveAll(record.ids)) {
          live.awaitingAnswer = false;
          live.lastError = record.message;
          if (record.maybeStored) live.possibleDuplicate = true;
        }
        return;
      case 'parked': {
        const live = this.actions.get(record.id);
        if (!live) return;
        live.awaitingAnswer = false;
        live.lastError = record.message;
        if (live.state !== 'attention') this.attentionCount += 1;
        live.state = 'attention';
        return;
      }
      case 'retry':
        return this.unpark(record.id);
      case 'corrected': {
        const live = this.actions.get(record.id);
        const permit = live && this.permits.get(live.action.ticketNumber);
        if (!live || !permit) return;
        permit.values = { ...permit.values, plate: record.plate };
        for (const id of permit.pending) {
          const other = this.actions.get(id);
          if (other) other.action = { ...other.action, values: { ...other.action.values, plate: record.plate } };
        }
        return this.unpark(record.id);
      }
      case 'voided':
        return this.settle(record.ids);
      case 'discarded': {
        const first = this.actions.get(record.ids[0] ?? '');
        const permit = first && this.permits.get(first.action.ticketNumber);
        if (permit && first.action.kind === 'issue') permit.discarded = true;
        return this.settle(record.ids);
      }
    }
  }

  /** After replay: an attempt with no recorded answer may have reached OPSCOM. */
  markUnansweredAsPossibleDuplicates(): void {
    for (const live of this.actions.values()) {
      if (live.awaitingAnswer) {
        live.possibleDuplicate = true;
        live.awaitingAnswer = false;
      }
    }
  }

  /**
   * What to send next for a permit, coalescing what has not been sent: a pending issue takes the values of the
   * extends behind it; an issue never sent followed by a cancel sends nothing; consecutive extends merge.
   */
  plan(ticketNumber: string): DeliveryPlan | null {
    const permit = this.permits.get(ticketNumber);
    const head = permit && this.actions.get(permit.pending[0] ?? '');
    if (!permit || !head || head.state === 'attention') return null;
    const following = this.followingExtends(permit, 1);
    const last = following.at(-1) ?? head;
    switch (head.action.kind) {
      case 'issue': {
        const after = this.actions.get(permit.pending[1 + following.length] ?? '');
        // Only a push that certainly never reached OPSCOM may be dropped; one that might have can't be undone.
        const neverReached = !head.possibleDuplicate && !head.awaitingAnswer;
        if (after?.action.kind === 'cancel' && after.state === 'pending' && neverReached) {
          return { kind: 'void', ids: [head, ...following, after].map((live) => live.action.id) };
        }
        return { kind: 'push', ids: [head, ...following].map((live) => live.action.id), values: last.action.values };
      }
      case 'extend':
        if (!permit.referenceId) return this.unknownReference(head, 'extended');
        return {
          kind: 'update',
          ids: [head, ...following].map((live) => live.action.id),
          values: last.action.values,
          referenceId: permit.referenceId,
        };
      case 'cancel':
        if (!permit.referenceId) return this.unknownReference(head, 'cancelled');
        return { kind: 'delete', ids: [head.action.id], referenceId: permit.referenceId };
    }
  }

  /** Every pending action of this permit from `actionId` on (what a discard of an issue takes with it). */
  discardSet(actionId: string): string[] {
    const live = this.actions.get(actionId);
    const permit = live && this.permits.get(live.action.ticketNumber);
    if (!live || !permit) return [];
    return live.action.kind === 'issue' ? [...permit.pending] : [actionId];
  }

  status(connection: OutboxStatus['connection'], paused: OutboxStatus['paused']): OutboxStatus {
    let oldest: string | null = null;
    for (const live of this.actions.values()) {
      if (live.state === 'pending') {
        oldest = live.action.takenAt;
        break;
      }
    }
    return {
      connection,
      waiting: this.actions.size - this.attentionCount,
      attention: this.attentionCount,
      oldestWaitingSince: oldest,
      paused,
    };
  }

  permitView(ticketNumber: string): Permit | undefined {
    const permit = this.permits.get(ticketNumber);
    if (!permit) return undefined;
    let sync: Permit['sync'] = 'sent';
    let syncMessage: string | null = null;
    for (const id of permit.pending) {
      const live = this.actions.get(id);
      if (live?.state === 'attention') {
        sync = 'attention';
        syncMessage = live.lastError;
        break;
      }
      sync = 'waiting';
    }
    return {
      ticketNumber,
      ...permit.values,
      referenceId: permit.referenceId,
      status: permit.cancelled || permit.discarded ? 'cancelled' : 'active',
      issuedAt: permit.issuedAt,
      updatedAt: permit.updatedAt,
      revision: permit.revision,
      sync,
      syncMessage,
    };
  }

  item(live: LiveAction, sending: boolean): OutboxItem {
    return {
      actionId: live.action.id,
      ticketNumber: live.action.ticketNumber,
      plate: live.action.values.plate,
      zone: live.action.values.zone,
      kind: live.action.kind,
      state: live.state === 'attention' ? 'attention' : sending ? 'sending' : 'waiting',
      takenAt: live.action.takenAt,
      attempts: live.attempts,
      lastError: live.lastError,
      lastAttemptAt: live.lastAttemptAt,
      possibleDuplicate: live.possibleDuplicate,
    };
  }

  private accept(action: OutboxAction): void {
    if (this.actions.has(action.id) || this.settled.has(action.id)) return;
    this.lastSeq = Math.max(this.lastSeq, action.seq);
    const existing = this.permits.get(action.ticketNumber);
    const permit: PermitEntry = existing ?? {
      ticketNumber: action.ticketNumber,
      values: action.values,
      referenceId: null,
      cancelled: false,
      discarded: false,
      issuedAt: action.takenAt,
      updatedAt: action.takenAt,
      revision: 0,
      pending: [],
    };
    permit.values = action.values;
    permit.updatedAt = action.takenAt;
    if (action.kind === 'cancel') permit.cancelled = true;
    permit.pending.push(action.id);
    this.permits.set(action.ticketNumber, permit);
    this.actions.set(action.id, {
      action,
      state: 'pending',
      attempts: 0,
      lastAttemptAt: null,
      lastError: null,
      possibleDuplicate: false,
      awaitingAnswer: false,
    });
  }

  private settle(ids: string[]): void {
    for (const id of ids) {
      const live = this.actions.get(id);
      if (!live) continue;
      if (live.state === 'attention') this.attentionCount -= 1;
      this.actions.delete(id);
      const permit = this.permits.get(live.action.ticketNumber);
      if (permit) permit.pending = permit.pending.filter((pendingId) => pendingId !== id);
      this.settled.set(id, live.action.ticketNumber);
      if (this.settled.size > 2000) this.settled.delete(this.settled.keys().next().value ?? '');
    }
  }

  private unpark(id: string): void {
    const live = this.actions.get(id);
    if (!live || live.state !== 'attention') return;
    live.state = 'pending';
    this.attentionCount -= 1;
  }

  private liveAll(ids: string[]): LiveAction[] {
    return ids.flatMap((id) => this.actions.get(id) ?? []);
  }

  private followingExtends(permit: PermitEntry, from: number): LiveAction[] {
    const result: LiveAction[] = [];
    for (const id of permit.pending.slice(from)) {
      const live = this.actions.get(id);
      if (!live || live.action.kind !== 'extend' || live.state !== 'pending') break;
      result.push(live);
    }
    return result;
  }

  private unknownReference(head: LiveAction, done: string): DeliveryPlan {
    return {
      kind: 'blocked',
      id: head.action.id,
      message: `OPSCOM never confirmed this permit, so it cannot be ${done} from the kiosk. Check it in OPSCOM.`,
    };
  }
}
