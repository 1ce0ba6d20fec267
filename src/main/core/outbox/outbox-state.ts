import type {
  OutboxItem,
  OutboxStatus,
  ReconcileEntry,
  ReconcileInstruction,
} from '../../../shared/outbox/outbox-view';
import type { Permit, UnreachableCopy } from '../../../shared/permits/permit';
import type { Problem } from '../../../shared/errors/problems';
import {
  isUpdate,
  type HandoverReason,
  type JournalRecord,
  type OutboxAction,
  type PermitValues,
  type RepeatedTicketPolicy,
} from './records';

/** An action not yet settled: waiting to be sent, or parked until a person decides. */
export interface LiveAction {
  action: OutboxAction;
  state: 'pending' | 'attention';
  attempts: number;
  lastAttemptAt: string | null;
  lastError: string | null;
  /** What went wrong last, for the screen to word; journals written before codes only have `lastError`. */
  lastProblem?: Problem;
  /** Sent before, and OPSCOM may have stored it without our knowing (no answer, a timeout, a 5xx). */
  possibleDuplicate: boolean;
  /** Between an `attempt` record and its outcome (true after a crash mid-send). */
  awaitingAnswer: boolean;
  /** What the attempt in progress sent: a push's values, or the reference an update or delete went to. */
  sending?: { at: string; sent?: PermitValues; referenceId?: string };
  /** A push that OPSCOM may already hold is resent with exactly these values, never with later changes. */
  frozen?: PermitValues;
  /** The references this update or delete has reached; it settles once it has reached all of the permit's. */
  reached?: string[];
}

/** A copy that an unclear attempt may have stored; see UnreachableCopy. `cleared` once a supervisor saw to it. */
export interface CopyRecord {
  at: string;
  sent: PermitValues;
  why: string;
  cleared: boolean;
  /**
   * OPSCOM refuses repeated ticket numbers and accepted a resend: this attempt cannot be stored while the kiosk's
   * own copy stands. It may still arrive late, after that copy is deleted, so it counts again once cancelled.
   */
  dormant?: boolean;
}

export interface PermitEntry {
  ticketNumber: string;
  values: PermitValues;
  /** The first reference OPSCOM returned (kept for older snapshots and the receipt). */
  referenceId: string | null;
  /** Every reference OPSCOM returned for this permit: extends and cancels go to each of them. */
  references: string[];
  /** Push attempts that may have stored a copy whose reference the kiosk never learned. */
  copies: CopyRecord[];
  /** OPSCOM answered 9022 to a resend: it holds the permit from an unclear attempt, reference unknown. */
  held: boolean;
  /** What a supervisor last confirmed OPSCOM holds for a held permit (after fixing it in the portal). */
  cleared: { at: string; by: string | null; values: PermitValues; cancelled: boolean } | null;
  /** What OPSCOM confirmed its known copies say: the values of the last push or update it accepted. */
  confirmed?: PermitValues;
  /** A change was discarded after being sent: someone checks OPSCOM's copy says what the kiosk shows. */
  checkAfterDiscard?: string;
  cancelled: boolean;
  /** Its issue was discarded by an admin: it never reaches OPSCOM and is not shown as active. */
  discarded: boolean;
  /** The plate it was sold with, once an attendant corrected the plate after the sale. */
  plateCorrectedFrom?: string;
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
  /** Recently settled action ids and their permits, so a request id repeated after a restart is still known. */
  settled?: Array<[string, string]>;
}

/** The next request for one permit, with every action it settles. */
export type DeliveryPlan =
  | { kind: 'void'; ids: string[] }
  | { kind: 'push'; ids: string[]; values: PermitValues }
  | { kind: 'update'; ids: string[]; values: PermitValues; referenceId: string }
  | { kind: 'delete'; ids: string[]; referenceId: string }
  | { kind: 'handover'; ids: string[]; why: HandoverReason }
  | { kind: 'blocked'; id: string; problem: Problem };

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
    for (const permit of snapshot.permits) state.permits.set(permit.ticketNumber, withDefaults(permit));
    for (const live of snapshot.actions) {
      state.actions.set(live.action.id, live);
      if (live.state === 'attention') state.attentionCount += 1;
    }
    for (const [id, ticket] of snapshot.settled ?? []) state.settled.set(id, ticket);
    return state;
  }

  toSnapshot(): OutboxSnapshot {
    return {
      version: 1,
      generation: this.generation,
      lastSeq: this.lastSeq,
      permits: [...this.permits.values()],
      actions: [...this.actions.values()],
      settled: [...this.settled],
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
      case 'cleared':
        return [record.ticketNumber];
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
          // The previous attempt never got an answer on record (the kiosk stopped mid-send): it may have stored.
          if (live.awaitingAnswer) this.mayHaveStored(live, 'restart');
          live.awaitingAnswer = true;
          live.sending = { at: record.at, ...pick(record, 'sent', 'referenceId') };
        }
        return;
      case 'delivered':
        return this.delivered(record);
      case 'failed':
        for (const live of this.liveAll(record.ids)) {
          if (record.maybeStored) this.mayHaveStored(live, record.reason ?? 'unclear');
          live.awaitingAnswer = false;
          delete live.sending;
          live.lastError = record.message;
          setProblem(live, record.problem);
        }
        return;
      case 'parked': {
        const live = this.actions.get(record.id);
        if (!live) return;
        live.awaitingAnswer = false;
        delete live.sending;
        live.lastError = record.message;
        setProblem(live, record.problem);
        if (live.state !== 'attention') this.attentionCount += 1;
        live.state = 'attention';
        return;
      }
      case 'held': {
        const permit = this.permitOf(record.ids[0]);
        if (permit) {
          permit.held = true;
          if (record.collapse) {
            // One copy at most can be live when OPSCOM refuses a repeated ticket number: it is the first one.
            const open = permit.copies.filter((copy) => !copy.cleared);
            permit.copies = permit.copies.filter((copy) => copy.cleared || copy === open[0]);
          }
        }
        return this.settle(record.ids);
      }
      case 'handed':
        return this.settle(record.ids);
      case 'cleared': {
        const permit = this.permits.get(record.ticketNumber);
        if (!permit) return;
        for (const copy of permit.copies) copy.cleared = true;
        delete permit.checkAfterDiscard;
        permit.cleared = {
          at: record.at,
          by: record.by,
          values: permit.values,
          cancelled: permit.cancelled || permit.discarded,
        };
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
        // A corrected push is a new request: the copies its earlier attempts may have left stay counted.
        delete live.frozen;
        return this.unpark(record.id);
      }
      case 'voided':
        return this.settle(record.ids);
      case 'discarded': {
        const first = this.actions.get(record.ids[0] ?? '');
        const permit = first && this.permits.get(first.action.ticketNumber);
        if (permit && first.action.kind === 'issue') permit.discarded = true;
        else if (permit && first) {
          // Back to what OPSCOM last confirmed, and a person checks OPSCOM agrees: the change may have got there.
          permit.values = permit.confirmed ?? permit.values;
          if (permit.plateCorrectedFrom === permit.values.plate) delete permit.plateCorrectedFrom;
          permit.cancelled = false;
          permit.checkAfterDiscard = record.at;
        }
        return this.settle(record.ids);
      }
    }
  }

  private delivered(record: Extract<JournalRecord, { r: 'delivered' }>): void {
    const head = this.actions.get(record.ids[0] ?? '');
    const permit = head && this.permits.get(head.action.ticketNumber);
    if (!head || !permit) return;
    if (head.action.kind === 'issue') {
      permit.confirmed = head.sending?.sent ?? head.action.values;
      if (record.referenceId) addReference(permit, record.referenceId);
      if (record.notStored) for (const copy of permit.copies) copy.dormant = true;
      return this.settle(record.ids);
    }
    // An update or delete settles once it has reached every reference (a journal from before references
    // were kept has none: it reached the only one).
    const lives = this.liveAll(record.ids);
    for (const live of lives) {
      live.awaitingAnswer = false;
      delete live.sending;
      if (record.referenceId) live.reached = [...new Set([...(live.reached ?? []), record.referenceId])];
    }
    const done = record.referenceId === null || permit.references.every((ref) => head.reached?.includes(ref));
    if (done && isUpdate(head.action.kind)) permit.confirmed = lives.at(-1)?.action.values ?? permit.confirmed;
    if (done) this.settle(record.ids);
  }

  /** An attempt whose answer was unclear: OPSCOM may hold what it sent, and a push may only be resent as it was. */
  private mayHaveStored(live: LiveAction, why: string): void {
    live.possibleDuplicate = true;
    // A journal written before attempts carried their values: the action's own values are the best account.
    const sent = live.sending?.sent ?? live.action.values;
    const permit = this.permits.get(live.action.ticketNumber);
    if (live.action.kind !== 'issue' || !sent || !permit) return;
    live.frozen = sent;
    permit.copies.push({
      at: live.sending?.at ?? live.lastAttemptAt ?? live.action.takenAt,
      sent,
      why,
      cleared: false,
    });
  }

  /** After replay: attempts with no recorded answer (the kiosk stopped mid-send). */
  unanswered(): LiveAction[] {
    return [...this.actions.values()].filter((live) => live.awaitingAnswer);
  }

  /**
   * What to send next for a permit, coalescing what has not been sent: a pending issue takes the values of the
   * extends behind it; an issue never sent followed by a cancel sends nothing; consecutive extends merge. A push
   * that OPSCOM may already hold is never merged with anything: it is resent exactly as it first went.
   */
  plan(ticketNumber: string, policy: RepeatedTicketPolicy = 'unknown'): DeliveryPlan | null {
    const permit = this.permits.get(ticketNumber);
    const head = permit && this.actions.get(permit.pending[0] ?? '');
    if (!permit || !head || head.state === 'attention') return null;
    switch (head.action.kind) {
      case 'issue':
        return this.planPush(permit, head, policy);
      case 'extend':
      case 'fix-plate': {
        // Once an update has reached one reference, later extends wait: merged, the first would never get them.
        const following = head.reached?.length ? [] : this.followingExtends(permit, 1);
        const ids = [head, ...following].map((live) => live.action.id);
        const target = this.nextReference(permit, head);
        const done = head.action.kind === 'fix-plate' ? 'corrected' : 'extended';
        if (target === undefined) return this.unreachable(permit, head, ids, done);
        return { kind: 'update', ids, values: (following.at(-1) ?? head).action.values, referenceId: target };
      }
      case 'cancel': {
        const target = this.nextReference(permit, head);
        if (target === undefined) return this.unreachable(permit, head, [head.action.id], 'cancelled');
        return { kind: 'delete', ids: [head.action.id], referenceId: target };
      }
    }
  }

  private planPush(permit: PermitEntry, head: LiveAction, policy: RepeatedTicketPolicy): DeliveryPlan {
    const following = this.followingExtends(permit, 1);
    const after = this.actions.get(permit.pending[1 + following.length] ?? '');
    const cancelled = after?.action.kind === 'cancel' && after.state === 'pending';
    if (cancelled) {
      const ids = [head, ...following, after].map((live) => live.action.id);
      // Only a push that certainly never reached OPSCOM may be dropped; one that might have can't be undone.
      const neverReached = !head.possibleDuplicate && !head.awaitingAnswer && openCopies(permit).length === 0;
      if (neverReached) return { kind: 'void', ids };
      // Resending would only add a copy to remove, unless OPSCOM refuses repeated ticket numbers: then a resend
      // is safe, and its answer says whether the first attempt was stored.
      if (policy !== 'yes') return { kind: 'handover', ids, why: 'cancelled-after-unclear' };
    }
    if (head.frozen) return { kind: 'push', ids: [head.action.id], values: head.frozen };
    const ids = [head, ...following].map((live) => live.action.id);
    return { kind: 'push', ids, values: (following.at(-1) ?? head).action.values };
  }

  /** The first of the permit's references that this update or delete has not reached yet. */
  private nextReference(permit: PermitEntry, head: LiveAction): string | undefined {
    return permit.references.find((ref) => !head.reached?.includes(ref));
  }

  private unreachable(permit: PermitEntry, head: LiveAction, ids: string[], done: string): DeliveryPlan {
    if (permit.held || openCopies(permit).length > 0 || permit.cleared) {
      return { kind: 'handover', ids, why: 'no-reference' };
    }
    return {
      kind: 'blocked',
      id: head.action.id,
      problem: { code: 'never-confirmed', params: { done } },
    };
  }

  /** The permit's next action, if any. */
  head(ticketNumber: string): LiveAction | undefined {
    return this.actions.get(this.permits.get(ticketNumber)?.pending[0] ?? '');
  }

  /** Every pending action of this permit from `actionId` on (what a discard of an issue takes with it). */
  discardSet(actionId: string): string[] {
    const live = this.actions.get(actionId);
    const permit = live && this.permits.get(live.action.ticketNumber);
    if (!live || !permit) return [];
    // Later actions build on this one, so they go with it.
    return permit.pending.slice(permit.pending.indexOf(actionId));
  }

  hasOpenCopies(ticketNumber: string): boolean {
    const permit = this.permits.get(ticketNumber);
    return permit !== undefined && openCopies(permit).length > 0;
  }

  status(connection: OutboxStatus['connection'], paused: OutboxStatus['paused']): OutboxStatus {
    let oldest: string | null = null;
    for (const live of this.actions.values()) {
      if (live.state === 'pending') {
        oldest = live.action.takenAt;
        break;
      }
    }
    const entries = this.reconciliation();
    return {
      connection,
      waiting: this.actions.size - this.attentionCount,
      attention: this.attentionCount + entries.filter((entry) => entry.needsAttention).length,
      oldestWaitingSince: oldest,
      paused,
      reconcile: entries.length,
    };
  }

  permitView(ticketNumber: string): Permit | undefined {
    const permit = this.permits.get(ticketNumber);
    if (!permit) return undefined;
    let sync: Permit['sync'] = 'sent';
    let syncProblem: Problem | null = null;
    for (const id of permit.pending) {
      const live = this.actions.get(id);
      if (live?.state === 'attention') {
        sync = 'attention';
        syncProblem = problemOf(live);
        break;
      }
      sync = 'waiting';
    }
    const entry = this.reconcileEntry(permit);
    return {
      ticketNumber,
      ...permit.values,
      referenceId: permit.referenceId,
      status: permit.cancelled || permit.discarded ? 'cancelled' : 'active',
      issuedAt: permit.issuedAt,
      updatedAt: permit.updatedAt,
      revision: permit.revision,
      sync,
      syncProblem,
      references: [...permit.references],
      unreachableCopies: openCopies(permit).map(copyView),
      heldWithoutReference: heldWithoutReference(permit),
      reconcile: entry === null ? 'none' : entry.needsAttention ? 'attention' : 'listed',
      ...(permit.plateCorrectedFrom !== undefined ? { plateCorrectedFrom: permit.plateCorrectedFrom } : {}),
    };
  }

  /** Every permit whose state in OPSCOM the kiosk cannot vouch for, oldest first. */
  reconciliation(): ReconcileEntry[] {
    const entries: ReconcileEntry[] = [];
    for (const permit of this.permits.values()) {
      const entry = this.reconcileEntry(permit);
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => a.since.localeCompare(b.since));
  }

  isOnReconciliationList(ticketNumber: string): boolean {
    const permit = this.permits.get(ticketNumber);
    return permit !== undefined && this.reconcileEntry(permit) !== null;
  }

  private reconcileEntry(permit: PermitEntry): ReconcileEntry | null {
    const open = openCopies(permit);
    const gone = permit.cancelled || permit.discarded;
    const cleared = permit.cleared;
    let says: UnreachableCopy[];
    if (open.length > 0) says = open.map(copyView);
    else if (heldWithoutReference(permit) && cleared && changedSince(cleared, permit))
      // What a supervisor set by hand is what OPSCOM's unreachable copy says now.
      says = cleared.cancelled ? [] : [{ ...cleared.values, sentAt: cleared.at, why: 'set-by-supervisor' }];
    else if (permit.checkAfterDiscard) says = [];
    else return null;
    const pushStillOurs = permit.pending.some((id) => this.actions.get(id)?.action.kind === 'issue');
    const differs = says.some((copy) => !sameValues(copy, permit.values));
    let instruction: ReconcileInstruction;
    if (permit.checkAfterDiscard && open.length === 0) instruction = 'check-after-discard';
    else if (gone) instruction = 'remove-all-copies';
    else if (permit.references.length > 0 || pushStillOurs) instruction = 'remove-extra-copies';
    else instruction = differs ? 'update-held-copy' : 'keep-held-copy';
    return {
      ticketNumber: permit.ticketNumber,
      status: gone ? 'cancelled' : 'active',
      intended: { ...permit.values },
      references: [...permit.references],
      copies: says,
      heldWithoutReference: heldWithoutReference(permit),
      needsAttention: gone || differs || instruction === 'check-after-discard',
      instruction,
      since: open[0]?.at ?? permit.checkAfterDiscard ?? cleared?.at ?? permit.issuedAt,
      lastCleared: cleared ? { at: cleared.at, by: cleared.by } : null,
    };
  }

  item(live: LiveAction, sending: boolean): OutboxItem {
    const permit = this.permits.get(live.action.ticketNumber);
    return {
      actionId: live.action.id,
      ticketNumber: live.action.ticketNumber,
      plate: live.action.values.plate,
      zone: live.action.values.zone,
      kind: live.action.kind === 'fix-plate' ? 'extend' : live.action.kind,
      ...(live.action.kind === 'fix-plate' ? { fixesPlate: true } : {}),
      state: live.state === 'attention' ? 'attention' : sending ? 'sending' : 'waiting',
      takenAt: live.action.takenAt,
      attempts: live.attempts,
      lastProblem: problemOf(live),
      lastAttemptAt: live.lastAttemptAt,
      possibleDuplicate: live.possibleDuplicate,
      unreachableCopies: permit ? openCopies(permit).map(copyView) : [],
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
      references: [],
      copies: [],
      held: false,
      cleared: null,
      cancelled: false,
      discarded: false,
      issuedAt: action.takenAt,
      updatedAt: action.takenAt,
      revision: 0,
      pending: [],
    };
    if (action.kind === 'fix-plate' && action.values.plate !== permit.values.plate) {
      permit.plateCorrectedFrom ??= permit.values.plate;
    }
    permit.values = action.values;
    if (permit.plateCorrectedFrom === permit.values.plate) delete permit.plateCorrectedFrom;
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

  private permitOf(actionId: string | undefined): PermitEntry | undefined {
    const live = this.actions.get(actionId ?? '');
    return live && this.permits.get(live.action.ticketNumber);
  }

  private liveAll(ids: string[]): LiveAction[] {
    return ids.flatMap((id) => this.actions.get(id) ?? []);
  }

  private followingExtends(permit: PermitEntry, from: number): LiveAction[] {
    const result: LiveAction[] = [];
    for (const id of permit.pending.slice(from)) {
      const live = this.actions.get(id);
      if (!live || !isUpdate(live.action.kind) || live.state !== 'pending') break;
      result.push(live);
    }
    return result;
  }
}

/** The copies a supervisor has not seen to; dormant ones only once the kiosk's own copy is gone. */
/** The last problem of an action, from a journal with codes or one written before them. */
function problemOf(live: LiveAction): Problem | null {
  if (live.lastProblem) return live.lastProblem;
  return live.lastError ? { code: 'legacy-message', params: { text: live.lastError } } : null;
}

function setProblem(live: LiveAction, problem: Problem | undefined): void {
  if (problem) live.lastProblem = problem;
  else delete live.lastProblem;
}

function openCopies(permit: PermitEntry): CopyRecord[] {
  const gone = permit.cancelled || permit.discarded;
  return permit.copies.filter((copy) => !copy.cleared && (gone || !copy.dormant));
}

/** OPSCOM holds the permit, yet the kiosk has no reference to reach it by. */
function heldWithoutReference(permit: PermitEntry): boolean {
  return permit.held && permit.references.length === 0;
}

function addReference(permit: PermitEntry, referenceId: string): void {
  if (!permit.references.includes(referenceId)) permit.references.push(referenceId);
  permit.referenceId ??= referenceId;
}

function copyView(copy: CopyRecord): UnreachableCopy {
  return { ...copy.sent, sentAt: copy.at, why: copy.why };
}

/** Whether the permit changed after a supervisor last made OPSCOM's held copy match it. */
function changedSince(cleared: NonNullable<PermitEntry['cleared']>, permit: PermitEntry): boolean {
  return cleared.cancelled !== (permit.cancelled || permit.discarded) || !sameValues(cleared.values, permit.values);
}

function sameValues(a: PermitValues, b: PermitValues): boolean {
  return (
    a.plate === b.plate &&
    a.zone === b.zone &&
    a.startAt === b.startAt &&
    a.endAt === b.endAt &&
    a.amountCents === b.amountCents &&
    a.currency === b.currency
  );
}

/** A snapshot written before references and copies were kept. */
function withDefaults(permit: PermitEntry): PermitEntry {
  const references = permit.references ?? (permit.referenceId ? [permit.referenceId] : []);
  return {
    ...permit,
    references,
    copies: permit.copies ?? [],
    held: permit.held ?? false,
    cleared: permit.cleared ?? null,
  };
}

function pick<T extends object, K extends keyof T>(source: T, ...keys: K[]): Partial<Pick<T, K>> {
  const result: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  return result;
}
