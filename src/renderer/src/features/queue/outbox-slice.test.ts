import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskError } from '../../../../shared/errors/kiosk-error';
import type { OutboxItem, OutboxStatus, ReconcileEntry } from '../../../../shared/outbox/outbox-view';
import { answer, callsTo, fail, ok, send } from '../../testing/fixtures';
import { resetStore } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');

function status(overrides: Partial<OutboxStatus> = {}): OutboxStatus {
  return {
    connection: 'online',
    waiting: 0,
    attention: 0,
    oldestWaitingSince: null,
    paused: null,
    reconcile: 0,
    ...overrides,
  };
}

function item(overrides: Partial<OutboxItem> = {}): OutboxItem {
  return {
    actionId: 'A-1',
    ticketNumber: 'T-1',
    plate: 'ABC123',
    zone: 'Lot A',
    kind: 'issue',
    state: 'attention',
    takenAt: '2026-01-01T12:00:00.000Z',
    attempts: 3,
    lastProblem: { code: 'opscom-error', params: { errorCode: 9021 } },
    lastAttemptAt: '2026-01-01T12:03:00.000Z',
    possibleDuplicate: false,
    unreachableCopies: [],
    ...overrides,
  };
}

const wrongPin: KioskError = { code: 'not-allowed', message: 'That admin PIN is not right.' };

beforeEach(() => resetStore());

describe('outbox status', () => {
  it('loads the status at start instead of the old connection call', async () => {
    answer({
      'kiosk:info': () => fail({ code: 'internal', message: 'not in this test' }),
      'permits:list': () => ok({ permits: [] }),
      'outbox:status': () => ok(status({ waiting: 2, connection: 'offline' })),
    });
    await useKiosk.getState().start();
    expect(useKiosk.getState().outbox).toMatchObject({ waiting: 2, connection: 'offline' });
    expect(callsTo('kiosk:connection')).toHaveLength(0);
  });

  it('lets an event win over an answer that left before it', async () => {
    let reply: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (reply = resolve)));
    const loading = useKiosk.getState().loadOutbox();
    useKiosk.getState().applyOutbox(status({ waiting: 5 }));
    reply({ ok: true, value: status({ waiting: 1 }) });
    await loading;
    expect(useKiosk.getState().outbox?.waiting).toBe(5);
  });

  it('reloads the queue on a change only while the queue is on screen', () => {
    answer({ 'outbox:list': () => ok({ items: [] }) });
    useKiosk.getState().applyOutbox(status({ waiting: 1 }));
    expect(send).not.toHaveBeenCalled();
    useKiosk.setState({ screen: 'queue' });
    useKiosk.getState().applyOutbox(status({ waiting: 2 }));
    expect(callsTo('outbox:list')).toHaveLength(1);
  });
});

describe('queue list', () => {
  it('loads once more after a burst of changes, not once per change', async () => {
    const replies: ((value: unknown) => void)[] = [];
    send.mockImplementation(() => new Promise((resolve) => replies.push(resolve)));
    useKiosk.setState({ screen: 'queue', outbox: status() });
    const first = useKiosk.getState().loadQueue();
    useKiosk.getState().applyOutbox(status());
    useKiosk.getState().applyOutbox(status());
    replies[0]?.({ ok: true, value: { items: [item({ state: 'waiting' })] } });
    await vi.waitFor(() => expect(replies).toHaveLength(2));
    replies[1]?.({ ok: true, value: { items: [] } });
    await first;
    expect(send).toHaveBeenCalledTimes(2);
    expect(useKiosk.getState().queue).toEqual([]);
    expect(useKiosk.getState().queueLoaded).toBe(true);
  });

  it('loads the list and closes any open field when the queue screen opens', () => {
    answer({ 'outbox:list': () => ok({ items: [item()] }), 'reconcile:list': () => ok({ entries: [] }) });
    useKiosk.setState({ queueStep: { kind: 'discard', actionId: 'A-1' } });
    useKiosk.getState().goTo('queue');
    expect(useKiosk.getState().queueStep).toBeNull();
    expect(callsTo('outbox:list')).toHaveLength(1);
  });
});

describe('flush', () => {
  it('keeps a failed network hint quiet but shows a failed "Send now"', async () => {
    answer({ 'outbox:flush': () => fail({ code: 'unreachable', message: 'Down.' }) });
    await useKiosk.getState().flush('online');
    expect(useKiosk.getState().error).toBeNull();
    await useKiosk.getState().flush('manual');
    expect(useKiosk.getState().error?.message).toBe('Down.');
    expect(callsTo('outbox:flush').map((c) => c[1])).toEqual([{ reason: 'online' }, { reason: 'manual' }]);
  });

  it('sends one manual flush for a double tap and shows the new status', async () => {
    answer({ 'outbox:flush': () => ok(status({ waiting: 0 })) });
    useKiosk.setState({ outbox: status({ waiting: 3 }) });
    await Promise.all([useKiosk.getState().flush('manual'), useKiosk.getState().flush('manual')]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(useKiosk.getState().outbox?.waiting).toBe(0);
    expect(useKiosk.getState().inFlight.flush).toBe(false);
  });
});

describe('attention actions', () => {
  beforeEach(() => useKiosk.setState({ screen: 'queue', queue: [item()], queueLoaded: true }));

  it('retries once for a double tap, then reloads the list', async () => {
    answer({ 'outbox:retry': () => ok(item({ state: 'waiting' })), 'outbox:list': () => ok({ items: [] }) });
    await Promise.all([useKiosk.getState().retry('A-1'), useKiosk.getState().retry('A-1')]);
    expect(callsTo('outbox:retry').map((c) => c[1])).toEqual([{ actionId: 'A-1' }]);
    await vi.waitFor(() => expect(useKiosk.getState().queue).toEqual([]));
    expect(useKiosk.getState().queueWork).toBeNull();
  });

  it('sends the corrected plate normalised and closes the field', async () => {
    answer({ 'outbox:correct-plate': () => ok(item({ plate: 'ABC124' })), 'outbox:list': () => ok({ items: [] }) });
    useKiosk.getState().openQueueStep({ kind: 'correct', actionId: 'A-1' });
    expect(await useKiosk.getState().correctPlate('A-1', 'abc-124')).toBe(true);
    expect(callsTo('outbox:correct-plate')[0]?.[1]).toEqual({ actionId: 'A-1', plate: 'ABC124' });
    expect(useKiosk.getState().queueStep).toBeNull();
    expect(useKiosk.getState().notice).toContain('ABC124');
  });

  it('does not send an empty correction', async () => {
    expect(await useKiosk.getState().correctPlate('A-1', ' - ')).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps the PIN field open and shows main’s words when the PIN is wrong', async () => {
    answer({ 'outbox:discard': () => fail(wrongPin) });
    useKiosk.getState().openQueueStep({ kind: 'discard', actionId: 'A-1' });
    expect(await useKiosk.getState().discard('A-1', '0000')).toBe(false);
    expect(useKiosk.getState().error).toEqual(wrongPin);
    expect(useKiosk.getState().queueStep).toEqual({ kind: 'discard', actionId: 'A-1' });
    expect(useKiosk.getState().queueWork).toBeNull();
  });

  it('discards with the PIN, says how many actions went, and reloads', async () => {
    answer({ 'outbox:discard': () => ok({ discarded: ['A-1', 'A-2'] }), 'outbox:list': () => ok({ items: [] }) });
    useKiosk.getState().openQueueStep({ kind: 'discard', actionId: 'A-1' });
    expect(await useKiosk.getState().discard('A-1', '1234')).toBe(true);
    expect(callsTo('outbox:discard')[0]?.[1]).toEqual({ actionId: 'A-1', adminPin: '1234' });
    expect(useKiosk.getState().queueStep).toBeNull();
    expect(useKiosk.getState().notice).toBe('2 actions discarded.');
    await vi.waitFor(() => expect(callsTo('outbox:list')).toHaveLength(1));
  });
});

describe('audit export', () => {
  it('hands the file to `save` and says where it went', async () => {
    answer({ 'audit:export-csv': () => ok({ fileName: 'audit-K-1.csv', csv: 'a,b\n' }) });
    const save = vi.fn();
    await useKiosk.getState().exportAudit(save);
    expect(save).toHaveBeenCalledWith({ fileName: 'audit-K-1.csv', csv: 'a,b\n' });
    expect(useKiosk.getState().notice).toBe('Audit saved as audit-K-1.csv.');
  });

  it('shows an error when saving fails', async () => {
    answer({ 'audit:export-csv': () => ok({ fileName: 'a.csv', csv: '' }) });
    await useKiosk.getState().exportAudit(() => {
      throw new Error('no DOM');
    });
    expect(useKiosk.getState().error?.message).toBe('The audit file could not be saved.');
    expect(useKiosk.getState().inFlight.export).toBe(false);
  });
});

describe('reconciliation list', () => {
  const entry: ReconcileEntry = {
    ticketNumber: 'T-9',
    status: 'cancelled',
    intended: {
      plate: 'ABC123',
      zone: 'Lot A',
      startAt: '2026-01-01T12:00:00.000Z',
      endAt: '2026-01-01T13:00:00.000Z',
      amountCents: 450,
      currency: 'CAD',
    },
    references: [],
    copies: [],
    heldWithoutReference: false,
    needsAttention: true,
    instruction: 'remove-all-copies',
    since: '2026-01-01T12:01:00.000Z',
    lastCleared: null,
  };
  const wrongPin: KioskError = { code: 'not-allowed', message: 'Wrong PIN. 4 tries left.', field: 'adminPin' };

  it('loads with the queue screen and reloads when an event changes its counts', async () => {
    answer({
      'outbox:list': () => ok({ items: [] }),
      'reconcile:list': () => ok({ entries: [entry] }),
    });
    useKiosk.getState().goTo('queue');
    await vi.waitFor(() => expect(useKiosk.getState().reconciliation).toEqual([entry]));
    useKiosk.getState().applyOutbox(status({ reconcile: 0 }));
    await vi.waitFor(() => expect(callsTo('outbox:list')).toHaveLength(2));
    useKiosk.getState().applyOutbox(status({ reconcile: 1, attention: 1 }));
    await vi.waitFor(() => expect(callsTo('reconcile:list')).toHaveLength(2));
  });

  it('keeps the step open on a wrong PIN; clears with the PIN and the note, then says so', async () => {
    answer({ 'reconcile:clear': () => fail(wrongPin) });
    useKiosk.getState().openReconcileStep('T-9');
    expect(await useKiosk.getState().clearReconciliation('T-9', '0000', 'Removed or changed in OPSCOM')).toBe(false);
    expect(useKiosk.getState()).toMatchObject({ error: wrongPin, reconcileStep: 'T-9' });

    answer({ 'reconcile:clear': () => ok({ entries: [] }) });
    expect(await useKiosk.getState().clearReconciliation('T-9', '1234', 'Removed or changed in OPSCOM')).toBe(true);
    expect(callsTo('reconcile:clear').at(-1)?.[1]).toEqual({
      ticketNumber: 'T-9',
      adminPin: '1234',
      note: 'Removed or changed in OPSCOM',
    });
    expect(useKiosk.getState()).toMatchObject({
      reconciliation: [],
      reconcileStep: null,
      notice: 'Ticket T-9 marked done in OPSCOM.',
    });
  });

  it('exports the list as CSV and names the file', async () => {
    answer({ 'reconcile:export-csv': () => ok({ fileName: 'reconciliation-K1.csv', csv: 'x\r\n' }) });
    const save = vi.fn();
    await useKiosk.getState().exportReconciliation(save);
    expect(save).toHaveBeenCalledWith({ fileName: 'reconciliation-K1.csv', csv: 'x\r\n' });
    expect(useKiosk.getState().notice).toBe('List saved as reconciliation-K1.csv.');
  });
});
