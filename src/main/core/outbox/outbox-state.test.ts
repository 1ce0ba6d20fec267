import { describe, expect, it } from 'vitest';
import { OutboxState } from './outbox-state';
import type { ActionKind, JournalRecord, OutboxAction, PermitValues } from './records';

const base: PermitValues = {
  plate: 'ABC123',
  zone: 'Lot 1',
  startAt: '2026-11-30T14:00:00.000Z',
  endAt: '2026-11-30T15:00:00.000Z',
  amountCents: 450,
  currency: 'CAD',
};
let seq = 0;
function action(kind: ActionKind, ticketNumber = 'K-1', values: Partial<PermitValues> = {}): OutboxAction {
  seq += 1;
  return {
    id: `a${seq}`,
    seq,
    ticketNumber,
    kind,
    values: { ...base, ...values },
    takenAt: `2026-11-30T14:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    attendant: null,
  };
}
const at = '2026-11-30T14:05:00.000Z';
function stateWith(...actions: OutboxAction[]): OutboxState {
  const state = new OutboxState();
  for (const each of actions) state.apply({ r: 'accept', action: each });
  return state;
}

describe('outbox planning and coalescing', () => {
  it('folds extends behind an unsent issue into one push with the final values', () => {
    const issue = action('issue');
    const first = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    const second = action('extend', 'K-1', { endAt: '2026-11-30T16:00:00.000Z', amountCents: 900 });
    const plan = stateWith(issue, first, second).plan('K-1');
    expect(plan).toEqual({
      kind: 'push',
      ids: [issue.id, first.id, second.id],
      values: { ...base, endAt: '2026-11-30T16:00:00.000Z', amountCents: 900 },
    });
  });

  it('voids an issue that was never sent when a cancel follows (extends included)', () => {
    const issue = action('issue');
    const extend = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z' });
    const cancel = action('cancel');
    expect(stateWith(issue, extend, cancel).plan('K-1')).toEqual({
      kind: 'void',
      ids: [issue.id, extend.id, cancel.id],
    });
  });

  it('hands an unclear issue and its cancel to a supervisor instead of resending (policy unknown)', () => {
    const issue = action('issue');
    const cancel = action('cancel');
    const state = stateWith(issue, cancel);
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'timeout', maybeStored: true, reason: 'timeout' });
    expect(state.plan('K-1')).toEqual({ kind: 'handover', ids: [issue.id, cancel.id], why: 'cancelled-after-unclear' });
    state.apply({ r: 'handed', ids: [issue.id, cancel.id], at, why: 'cancelled-after-unclear' });
    expect(state.reconciliation()).toMatchObject([
      {
        ticketNumber: 'K-1',
        status: 'cancelled',
        instruction: 'remove-all-copies',
        needsAttention: true,
        copies: [{ plate: 'ABC123', endAt: base.endAt, amountCents: 450, why: 'timeout', sentAt: at }],
      },
    ]);
    expect(state.status('online', null)).toMatchObject({ waiting: 0, attention: 1, reconcile: 1 });
  });

  it('resends an unclear issue before its cancel when OPSCOM refuses repeated ticket numbers', () => {
    const issue = action('issue');
    const cancel = action('cancel');
    const state = stateWith(issue, cancel);
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'HTTP 503', maybeStored: true, reason: 'server-error' });
    expect(state.plan('K-1', 'yes')).toEqual({ kind: 'push', ids: [issue.id], values: issue.values });
    // Accepted: with OPSCOM refusing repeated ticket numbers, the first attempt cannot be stored while this copy
    // stands. Once it is deleted, a late first attempt could still be stored: the cancelled permit is listed.
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'ref-1', notStored: true });
    expect(state.plan('K-1', 'yes')).toEqual({ kind: 'delete', ids: [cancel.id], referenceId: 'ref-1' });
    state.apply({ r: 'delivered', ids: [cancel.id], at, referenceId: 'ref-1' });
    expect(state.reconciliation()).toMatchObject([
      { instruction: 'remove-all-copies', copies: [{ why: 'server-error' }] },
    ]);

    // A live permit in the same case shows no extra copy: none can coexist with the kiosk's own.
    const live = stateWith(action('issue', 'K-2'));
    const second = [...live.actions.values()][0]!.action;
    live.apply({ r: 'attempt', ids: [second.id], at, sent: second.values });
    live.apply({ r: 'failed', ids: [second.id], at, message: '503', maybeStored: true, reason: 'server-error' });
    live.apply({ r: 'delivered', ids: [second.id], at, referenceId: 'ref-2', notStored: true });
    expect(live.permitView('K-2')).toMatchObject({ unreachableCopies: [], reconcile: 'none' });
  });

  it('voids an issue and its cancel only when the push certainly never reached OPSCOM', () => {
    const issue = action('issue');
    const cancel = action('cancel');
    const state = stateWith(issue, cancel);
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'refused', maybeStored: false, reason: 'unreachable' });
    expect(state.plan('K-1')).toEqual({ kind: 'void', ids: [issue.id, cancel.id] });
  });

  it('resends an unclear push exactly as it went; a later extend becomes an update to its reference', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'unreadable', maybeStored: true, reason: 'unreadable' });
    const extend = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    state.apply({ r: 'accept', action: extend });
    expect(state.plan('K-1')).toEqual({ kind: 'push', ids: [issue.id], values: issue.values });
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'ref-2' });
    expect(state.plan('K-1')).toEqual({
      kind: 'update',
      ids: [extend.id],
      values: extend.values,
      referenceId: 'ref-2',
    });
    // The first attempt may have left a copy with the old end: counted, shown, and now needing a supervisor.
    expect(state.permitView('K-1')).toMatchObject({
      references: ['ref-2'],
      unreachableCopies: [{ endAt: base.endAt, amountCents: 450, why: 'unreadable' }],
      reconcile: 'attention',
    });
    expect(state.reconciliation()[0]).toMatchObject({ instruction: 'remove-extra-copies', needsAttention: true });
  });

  it('counts every unclear attempt as a copy; a live permit with matching copies is listed, not urgent', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    for (const reason of ['timeout', 'connection-lost', 'server-error']) {
      state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
      state.apply({ r: 'failed', ids: [issue.id], at, message: reason, maybeStored: true, reason });
    }
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'ref-4' });
    expect(state.permitView('K-1')?.unreachableCopies.map((copy) => copy.why)).toEqual([
      'timeout',
      'connection-lost',
      'server-error',
    ]);
    expect(state.permitView('K-1')?.reconcile).toBe('listed');
    expect(state.status('online', null)).toMatchObject({ attention: 0, reconcile: 1 });
    state.apply({ r: 'cleared', ticketNumber: 'K-1', at, by: 'admin (Sam)' });
    expect(state.reconciliation()).toEqual([]);
    expect(state.permitView('K-1')).toMatchObject({ unreachableCopies: [], reconcile: 'none' });
  });

  it('sends an extend and a cancel to every reference OPSCOM ever returned', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'ref-1' });
    const snapshot = state.toSnapshot();
    snapshot.permits[0]!.references = ['ref-1', 'ref-2'];
    const restored = OutboxState.fromSnapshot(snapshot);
    const extend = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z' });
    const cancel = action('cancel');
    restored.apply({ r: 'accept', action: extend });
    restored.apply({ r: 'accept', action: cancel });
    expect(restored.plan('K-1')).toMatchObject({ kind: 'update', ids: [extend.id], referenceId: 'ref-1' });
    restored.apply({ r: 'delivered', ids: [extend.id], at, referenceId: 'ref-1' });
    expect(restored.plan('K-1')).toMatchObject({ kind: 'update', ids: [extend.id], referenceId: 'ref-2' });
    restored.apply({ r: 'delivered', ids: [extend.id], at, referenceId: 'ref-2' });
    expect(restored.plan('K-1')).toEqual({ kind: 'delete', ids: [cancel.id], referenceId: 'ref-1' });
    restored.apply({ r: 'delivered', ids: [cancel.id], at, referenceId: 'ref-1' });
    expect(restored.plan('K-1')).toEqual({ kind: 'delete', ids: [cancel.id], referenceId: 'ref-2' });
    restored.apply({ r: 'delivered', ids: [cancel.id], at, referenceId: 'ref-2' });
    expect(restored.plan('K-1')).toBeNull();
  });

  it('9022 after a lost answer: held without a reference; a later extend goes to a supervisor, not OPSCOM', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'lost', maybeStored: true, reason: 'connection-lost' });
    state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
    state.apply({ r: 'held', ids: [issue.id], at, message: '9022', collapse: false });
    expect(state.permitView('K-1')).toMatchObject({ heldWithoutReference: true, sync: 'sent', reconcile: 'listed' });
    expect(state.reconciliation()[0]).toMatchObject({ instruction: 'keep-held-copy', needsAttention: false });

    const extend = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    state.apply({ r: 'accept', action: extend });
    expect(state.plan('K-1')).toEqual({ kind: 'handover', ids: [extend.id], why: 'no-reference' });
    state.apply({ r: 'handed', ids: [extend.id], at, why: 'no-reference' });
    // What OPSCOM holds (the lost attempt's values) beside what the driver paid for.
    expect(state.reconciliation()[0]).toMatchObject({
      instruction: 'update-held-copy',
      needsAttention: true,
      intended: { endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 },
      copies: [{ endAt: base.endAt, amountCents: 450 }],
    });
    // The supervisor changed it in the portal: it leaves the list until the permit changes again.
    state.apply({ r: 'cleared', ticketNumber: 'K-1', at, by: 'admin' });
    expect(state.reconciliation()).toEqual([]);
    const cancel = action('cancel', 'K-1', extend.values);
    state.apply({ r: 'accept', action: cancel });
    expect(state.plan('K-1')).toEqual({ kind: 'handover', ids: [cancel.id], why: 'no-reference' });
    state.apply({ r: 'handed', ids: [cancel.id], at, why: 'no-reference' });
    expect(state.reconciliation()[0]).toMatchObject({
      instruction: 'remove-all-copies',
      needsAttention: true,
      copies: [{ endAt: '2026-11-30T15:30:00.000Z', why: 'set-by-supervisor' }],
    });
    state.apply({ r: 'cleared', ticketNumber: 'K-1', at, by: 'admin' });
    expect(state.reconciliation()).toEqual([]);
  });

  it('9022 when OPSCOM refuses repeated ticket numbers keeps exactly one held copy', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    for (let i = 0; i < 2; i += 1) {
      state.apply({ r: 'attempt', ids: [issue.id], at, sent: issue.values });
      state.apply({ r: 'failed', ids: [issue.id], at, message: 'lost', maybeStored: true, reason: 'timeout' });
    }
    state.apply({ r: 'held', ids: [issue.id], at, message: '9022', collapse: true });
    expect(state.permitView('K-1')?.unreachableCopies).toHaveLength(1);
  });

  it('merges consecutive extends of a delivered permit into one update, then deletes in order', () => {
    const issue = action('issue');
    const state = stateWith(issue);
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'ref-1' });
    const e1 = action('extend', 'K-1', { endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    const e2 = action('extend', 'K-1', { endAt: '2026-11-30T16:00:00.000Z', amountCents: 900 });
    const cancel = action('cancel', 'K-1', { endAt: '2026-11-30T16:00:00.000Z', amountCents: 900 });
    for (const each of [e1, e2, cancel]) state.apply({ r: 'accept', action: each });
    expect(state.plan('K-1')).toEqual({
      kind: 'update',
      ids: [e1.id, e2.id],
      values: { ...base, endAt: '2026-11-30T16:00:00.000Z', amountCents: 900 },
      referenceId: 'ref-1',
    });
    state.apply({ r: 'delivered', ids: [e1.id, e2.id], at, referenceId: null });
    expect(state.plan('K-1')).toEqual({ kind: 'delete', ids: [cancel.id], referenceId: 'ref-1' });
  });

  it('parks a refused action: it blocks only its own permit', () => {
    const a = action('issue', 'K-1');
    const b = action('issue', 'K-2');
    const extendA = action('extend', 'K-1');
    const state = stateWith(a, b, extendA);
    state.apply({ r: 'parked', id: a.id, at, message: 'OPSCOM says the licence plate is too long.' });
    expect(state.plan('K-1')).toBeNull();
    expect(state.plan('K-2')).toMatchObject({ kind: 'push', ids: [b.id] });
    expect(state.status('online', null)).toMatchObject({ waiting: 2, attention: 1 });
    expect(state.permitView('K-1')).toMatchObject({
      sync: 'attention',
      syncProblem: { code: 'legacy-message', params: { text: 'OPSCOM says the licence plate is too long.' } },
    });
    expect(state.permitView('K-2')).toMatchObject({ sync: 'waiting' });
  });

  it('corrects the plate of every pending action of the permit and sends again', () => {
    const issue = action('issue', 'K-1', { plate: 'O8CDE' });
    const extend = action('extend', 'K-1', { plate: 'O8CDE', endAt: '2026-11-30T15:30:00.000Z' });
    const state = stateWith(issue, extend);
    state.apply({ r: 'parked', id: issue.id, at, message: 'refused' });
    state.apply({ r: 'corrected', id: issue.id, at, plate: '08CDE' });
    expect(state.plan('K-1')).toMatchObject({ kind: 'push', values: { plate: '08CDE' } });
    expect(state.permitView('K-1')?.plate).toBe('08CDE');
    expect(state.status('online', null).attention).toBe(0);
  });

  it('discarding an issue takes the permit’s later actions with it; discarding an extend does not', () => {
    const issue = action('issue', 'K-1');
    const extend = action('extend', 'K-1');
    const state = stateWith(issue, extend);
    state.apply({ r: 'parked', id: issue.id, at, message: 'refused' });
    expect(state.discardSet(issue.id)).toEqual([issue.id, extend.id]);
    state.apply({ r: 'discarded', ids: [issue.id, extend.id], at });
    expect(state.permitView('K-1')?.status).toBe('cancelled');
    expect(state.status('online', null)).toMatchObject({ waiting: 0, attention: 0 });

    const issue2 = action('issue', 'K-2');
    const extend2 = action('extend', 'K-2');
    const other = stateWith(issue2, extend2);
    other.apply({ r: 'delivered', ids: [issue2.id], at, referenceId: 'r2' });
    other.apply({ r: 'parked', id: extend2.id, at, message: 'refused' });
    expect(other.discardSet(extend2.id)).toEqual([extend2.id]);
  });

  it('cannot extend a permit whose reference OPSCOM never gave', () => {
    const issue = action('issue');
    const extend = action('extend');
    const state = stateWith(issue, extend);
    state.apply({ r: 'parked', id: issue.id, at, message: 'duplicate' });
    state.apply({ r: 'discarded', ids: [issue.id], at });
    expect(state.plan('K-1')).toMatchObject({ kind: 'blocked', id: extend.id });
  });

  it('counts a copy for an attempt whose answer was never recorded, however often the journal is replayed', () => {
    const issue = action('issue');
    const records: JournalRecord[] = [
      { r: 'accept', action: issue },
      { r: 'attempt', ids: [issue.id], at, sent: issue.values },
      // The kiosk stopped mid-send, restarted, and sent again: the first attempt may have stored a copy.
      { r: 'attempt', ids: [issue.id], at, sent: issue.values },
      { r: 'delivered', ids: [issue.id], at, referenceId: 'ref-2' },
    ];
    const state = new OutboxState();
    for (const record of records) state.apply(record);
    expect(state.permitView('K-1')).toMatchObject({
      references: ['ref-2'],
      unreachableCopies: [{ why: 'restart', plate: 'ABC123' }],
    });
    const pending = new OutboxState();
    for (const record of records.slice(0, 2)) pending.apply(record);
    expect(pending.unanswered().map((live) => live.action.id)).toEqual([issue.id]);
    // What the outbox writes at start-up for it: the push is then resent exactly as it went.
    pending.apply({ r: 'failed', ids: [issue.id], at, message: 'stopped', maybeStored: true, reason: 'restart' });
    expect(pending.actions.get(issue.id)).toMatchObject({ possibleDuplicate: true, attempts: 1, state: 'pending' });
    expect(pending.plan('K-1')).toEqual({ kind: 'push', ids: [issue.id], values: issue.values });
    expect(pending.permitView('K-1')?.unreachableCopies).toHaveLength(1);
  });

  it('applies a repeated accept once (the same tap twice)', () => {
    const issue = action('issue');
    const state = stateWith(issue, issue);
    expect(state.status('unknown', null).waiting).toBe(1);
    state.apply({ r: 'delivered', ids: [issue.id], at, referenceId: 'r' });
    state.apply({ r: 'accept', action: issue });
    expect(state.status('unknown', null).waiting).toBe(0);
  });

  it('reports the oldest waiting action and survives a snapshot round trip', () => {
    const first = action('issue', 'K-1');
    const second = action('issue', 'K-2');
    const state = stateWith(first, second);
    state.apply({ r: 'parked', id: first.id, at, message: 'refused' });
    expect(state.status('offline', null).oldestWaitingSince).toBe(second.takenAt);
    state.apply({ r: 'attempt', ids: [second.id], at, sent: second.values });
    state.apply({ r: 'failed', ids: [second.id], at, message: 'lost', maybeStored: true, reason: 'timeout' });
    const copy = OutboxState.fromSnapshot(JSON.parse(JSON.stringify(state.toSnapshot())));
    expect(copy.status('offline', null)).toEqual(state.status('offline', null));
    expect(copy.plan('K-2')).toEqual(state.plan('K-2'));
    expect(copy.permitView('K-2')).toEqual(state.permitView('K-2'));
  });
});

describe('journals written before attempts carried their values', () => {
  it('still count the copy an unclear push may have left, with the action’s values', () => {
    const issue = action('issue');
    const cancel = action('cancel');
    const state = stateWith(issue);
    state.apply({ r: 'attempt', ids: [issue.id], at });
    state.apply({ r: 'failed', ids: [issue.id], at, message: 'timeout', maybeStored: true });
    state.apply({ r: 'accept', action: cancel });
    expect(state.plan('K-1')).toMatchObject({ kind: 'handover' });
    state.apply({ r: 'handed', ids: [issue.id, cancel.id], at, why: 'cancelled-after-unclear' });
    expect(state.reconciliation()).toMatchObject([{ instruction: 'remove-all-copies', copies: [{ plate: 'ABC123' }] }]);
  });
});
