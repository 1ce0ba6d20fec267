/**
 * Delivery when OPSCOM's answer is unclear, end to end through the core against the sandbox's answer styles:
 * nothing is voided that may be stored, every copy is counted, resends wait, a late answer is awaited, and what
 * the kiosk cannot reach is put in front of a supervisor.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaultInput } from '../../../sandbox/faults';
import { startSandbox } from '../../../sandbox/server';
import type { ReconcileEntry } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import { startTestKiosk, TEST_TOKEN, value, type TestKiosk } from '../testing/test-kiosk';
import { cancel, extend, issue, outboxStatus, viewPermit } from '../testing/permit-actions';
import { readRecords } from '../storage/read-records';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

async function kioskWith(
  faults: FaultInput[],
  options: { policy?: 'unknown' | 'yes' | 'no'; rejectsRepeats?: boolean; settings?: Record<string, unknown> } = {},
  core: NonNullable<Parameters<typeof startTestKiosk>[0]>['core'] = {},
): Promise<TestKiosk> {
  const sandbox = await startSandbox({
    port: 0,
    tokens: [TEST_TOKEN],
    faults,
    rejectDuplicatePermitNo: options.rejectsRepeats ?? false,
  });
  kiosk = await startTestKiosk({
    sandbox,
    settings: { repeatedTicketRefused: options.policy ?? 'unknown', ...options.settings },
    core,
  });
  return kiosk;
}

const reconciliation = async (k: TestKiosk) =>
  value<{ entries: ReconcileEntry[] }>(await k.core.dispatch('reconcile:list', {})).entries;
const drained = (k: TestKiosk) => vi.waitFor(async () => expect((await outboxStatus(k)).waiting).toBe(0), 10_000);
const live = (k: TestKiosk, ticketNumber: string) =>
  k.sandbox.permits().filter((record) => record.permitNo === ticketNumber && !record.deleted);
async function auditEvents(k: TestKiosk): Promise<Array<{ event: string; ticketNumber?: string; attendant?: string }>> {
  return Promise.resolve(readRecords(k.dataDir).audit.map((entry) => entry as { event: string }));
}

describe('a push answered unclearly is never taken for "not stored"', () => {
  it.each(['store-then-truncate', 'store-then-500', 'store-then-reset', 'store-then-drop'] as const)(
    '%s, then a cancel: no void; the copy OPSCOM holds is on the reconciliation list to remove',
    async (kind) => {
      const k = await kioskWith(
        [{ endpoint: 'push', kind, count: 1 }],
        {},
        // Long waits, so the cancel is taken before any resend: the kiosk then holds no reference at all.
        { backoff: { baseMs: 60_000, capMs: 60_000 }, unclearBackoff: { baseMs: 60_000, capMs: 60_000 } },
      );
      const permit = await issue(k, 'UNCLR1');
      await vi.waitFor(async () =>
        expect((await viewPermit(k, permit.ticketNumber)).unreachableCopies).toHaveLength(1),
      );
      await cancel(k, permit.ticketNumber);
      await drained(k);
      expect(live(k, permit.ticketNumber)).toHaveLength(1); // the cancelled permit is still live in OPSCOM…
      const [entry] = await reconciliation(k); // …and a supervisor is told exactly what to remove
      expect(entry).toMatchObject({
        ticketNumber: permit.ticketNumber,
        status: 'cancelled',
        needsAttention: true,
        instruction: 'remove-all-copies',
        copies: [{ plate: 'UNCLR1', zone: 'Lot 1', endAt: permit.endAt, amountCents: permit.amountCents }],
      });
      expect(await outboxStatus(k)).toMatchObject({ attention: 1, reconcile: 1 });
      const events = (await auditEvents(k)).map((entry) => entry.event);
      expect(events).not.toContain('voided-before-sync');
      expect(events).toContain('handed-to-supervisor');
    },
  );

  it('a refused connection, then a cancel: certainly never stored, so both are voided and nothing is listed', async () => {
    const k = await kioskWith([]);
    k.network.online = false;
    const permit = await issue(k, 'VOID2');
    await k.core.idle();
    await cancel(k, permit.ticketNumber);
    await drained(k);
    expect(k.sandbox.permits()).toEqual([]);
    expect(await reconciliation(k)).toEqual([]);
  });
});

describe('every copy counted', () => {
  it('three unclear answers that each stored a copy, then success: OPSCOM holds 4 and the kiosk counts 4', async () => {
    const k = await kioskWith([{ endpoint: 'push', kind: 'store-then-truncate', count: 3 }]);
    const permit = await issue(k, 'MULTI1');
    await vi.waitFor(async () => expect((await viewPermit(k, permit.ticketNumber)).references).toHaveLength(1), 10_000);
    const seen = await viewPermit(k, permit.ticketNumber);
    expect(live(k, permit.ticketNumber)).toHaveLength(4);
    expect(seen.references.length + seen.unreachableCopies.length).toBe(4);
    expect(seen.reconcile).toBe('listed'); // same values: shown, not yet a job for a supervisor

    // An extend reaches the known copy; the three it cannot reach now say something else: a supervisor must act.
    await extend(k, permit.ticketNumber);
    await drained(k);
    const [entry] = await reconciliation(k);
    expect(entry).toMatchObject({
      instruction: 'remove-extra-copies',
      needsAttention: true,
      references: seen.references,
    });
    expect(entry?.copies).toHaveLength(3);
    const updated = k.sandbox.permits().find((record) => record.referenceId === seen.references[0]);
    expect(updated?.endTime).toBe((await viewPermit(k, permit.ticketNumber)).endAt.slice(0, 19));
  });

  it('a late answer after the soft timeout is awaited: its reference is learned and no copy is counted', async () => {
    const k = await kioskWith(
      [{ endpoint: 'push', kind: 'store-then-hang', ms: 400, count: 1 }],
      {},
      { requestTimeouts: { softMs: 50, hardMs: 5_000 } },
    );
    const permit = await issue(k, 'LATE1');
    await drained(k);
    const seen = await viewPermit(k, permit.ticketNumber);
    expect(seen.references).toEqual([live(k, permit.ticketNumber)[0]?.referenceId]);
    expect(seen.unreachableCopies).toEqual([]);
    expect(k.sandbox.requestLog().filter((request) => request.path.endsWith('/push'))).toHaveLength(1);
  });

  it('past the soft timeout the slot goes to the next permit; the slow one is not sent twice', async () => {
    const k = await kioskWith(
      [{ endpoint: 'push', kind: 'latency', ms: 600, count: 1 }],
      { settings: { outboxConcurrency: 1 } },
      { requestTimeouts: { softMs: 50, hardMs: 5_000 } },
    );
    const slow = await issue(k, 'SLOW1');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const quick = await issue(k, 'QUICK1');
    await extend(k, slow.ticketNumber);
    k.core.networkChanged(true); // "Send now" while the slow push is still open
    await vi.waitFor(async () => expect((await viewPermit(k, quick.ticketNumber)).sync).toBe('sent'), 2_000);
    expect((await viewPermit(k, slow.ticketNumber)).sync).toBe('waiting');
    await drained(k);
    const paths = k.sandbox.requestLog().map((request) => request.path.split('/').pop());
    expect(paths.filter((name) => name === 'push')).toHaveLength(2);
    expect(live(k, slow.ticketNumber)).toHaveLength(1);
    expect((await viewPermit(k, slow.ticketNumber)).unreachableCopies).toEqual([]);
  });

  it('numeric references and InternalReferenceID-only answers are read, so extend and cancel reach the permit', async () => {
    for (const kind of ['reference-number', 'reference-internal-only', 'success-variant'] as const) {
      const k = await kioskWith([{ endpoint: '*', kind }]);
      const permit = await issue(k, 'REF1');
      await extend(k, permit.ticketNumber);
      await drained(k);
      await cancel(k, permit.ticketNumber);
      await drained(k);
      expect(live(k, permit.ticketNumber), kind).toEqual([]);
      expect(await reconciliation(k), kind).toEqual([]);
      await k.close();
      kiosk = undefined;
    }
  });

  it('stats totals sent as numbers still reach Occupancy', async () => {
    const k = await kioskWith([{ endpoint: 'stats', kind: 'totals-number' }]);
    await issue(k, 'OCC1');
    await drained(k);
    const occupancy = value<{ rows: unknown[]; problem: unknown }>(
      await k.core.dispatch('occupancy:get', { refresh: true }),
    );
    expect(occupancy).toMatchObject({ problem: null, rows: [{ zone: 'Lot 1', total: 1 }] });
  });
});

describe('retry discipline', () => {
  it('resends after an unclear answer only after a growing wait, even when "Send now" is pressed', async () => {
    const k = await kioskWith(
      [{ endpoint: 'push', kind: 'truncated-json-200', count: 4 }],
      {},
      { unclearBackoff: { baseMs: 100, capMs: 400 }, backoff: { baseMs: 1, capMs: 1 } },
    );
    await issue(k, 'WAIT1');
    const nudging = setInterval(() => k.core.networkChanged(true), 5);
    try {
      await drained(k);
    } finally {
      clearInterval(nudging);
    }
    const times = k.sandbox
      .requestLog()
      .filter((request) => request.path.endsWith('/push'))
      .map((request) => Date.parse(request.at));
    expect(times).toHaveLength(5);
    // Equal jitter: at least half of 100, 200, 400, 400 ms (less a little for timer rounding).
    const floors = [50, 100, 200, 200];
    times.slice(1).forEach((at, i) => expect(at - times[i]!).toBeGreaterThanOrEqual(floors[i]! - 5));
  });
});

describe('9022 after a lost answer', () => {
  it('held: not resent with other values; an extend goes to a supervisor beside what OPSCOM holds', async () => {
    const k = await kioskWith([{ endpoint: 'push', kind: 'store-then-reset', count: 1 }], { rejectsRepeats: true });
    const permit = await issue(k, 'HELD1');
    await drained(k);
    expect(await viewPermit(k, permit.ticketNumber)).toMatchObject({ heldWithoutReference: true, reconcile: 'listed' });
    await extend(k, permit.ticketNumber);
    await drained(k);
    const [entry] = await reconciliation(k);
    const extended = await viewPermit(k, permit.ticketNumber);
    expect(entry).toMatchObject({
      instruction: 'update-held-copy',
      needsAttention: true,
      intended: { endAt: extended.endAt, amountCents: extended.amountCents },
      copies: [{ endAt: permit.endAt, amountCents: permit.amountCents }],
    });
    // Every push carried the values of the first attempt; no update was sent without a reference.
    const sent = k.sandbox.requestLog().filter((request) => request.path.endsWith('/push'));
    expect(new Set(sent.map((request) => JSON.stringify(request.body))).size).toBe(1);
    expect(k.sandbox.requestLog().some((request) => request.path.endsWith('/update'))).toBe(false);
    expect(live(k, permit.ticketNumber)).toMatchObject([{ endTime: permit.endAt.slice(0, 19) }]);
  });

  it('when OPSCOM refuses repeated ticket numbers: a resend is safe, and an accepted one proves no copy', async () => {
    const k = await kioskWith([{ endpoint: 'push', kind: 'status-503', count: 1 }], {
      policy: 'yes',
      rejectsRepeats: true,
    });
    const permit = await issue(k, 'SAFE1');
    await drained(k);
    expect(await viewPermit(k, permit.ticketNumber)).toMatchObject({ unreachableCopies: [], reconcile: 'none' });
    expect((await auditEvents(k)).map((entry) => entry.event)).toContain('copies-not-stored');
    // …and a cancel after an unclear push is resent first, then deleted: nothing left for a supervisor.
    k.sandbox.setFaults([{ endpoint: 'push', kind: 'store-then-500', count: 1 }]);
    const second = await issue(k, 'SAFE2');
    await vi.waitFor(async () => expect((await viewPermit(k, second.ticketNumber)).unreachableCopies).toHaveLength(1));
    await cancel(k, second.ticketNumber);
    await drained(k);
    expect(live(k, second.ticketNumber)).toHaveLength(1); // the resend got 9022: OPSCOM holds the first copy
    expect(await reconciliation(k)).toMatchObject([
      { ticketNumber: second.ticketNumber, instruction: 'remove-all-copies', copies: [{ plate: 'SAFE2' }] },
    ]);
  });
});

describe('a supervisor clears what was fixed in the portal', () => {
  it('needs the admin PIN, is audited with the note, and exports the list as CSV first', async () => {
    const k = await kioskWith([{ endpoint: 'push', kind: 'store-then-truncate', count: 1 }], {}, {});
    const permit = await issue(k, 'CLR1');
    await vi.waitFor(async () => expect((await viewPermit(k, permit.ticketNumber)).unreachableCopies).toHaveLength(1));
    await cancel(k, permit.ticketNumber);
    await drained(k);

    const csv = value<{ fileName: string; csv: string }>(await k.core.dispatch('reconcile:export-csv', {}));
    expect(csv.fileName).toMatch(/^reconciliation-.+\.csv$/);
    const [header, row] = csv.csv.trim().split('\r\n');
    expect(header).toContain('ticketNumber,status,needsAttention,instruction');
    expect(row).toContain(`${permit.ticketNumber},cancelled,yes,remove-all-copies,CLR1,Lot 1`);

    const wrong = await k.core.dispatch('reconcile:clear', { ticketNumber: permit.ticketNumber, adminPin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    expect(await reconciliation(k)).toHaveLength(1);
    const cleared = await k.core.dispatch('reconcile:clear', {
      ticketNumber: permit.ticketNumber,
      adminPin: '1234',
      note: 'Removed in the portal',
    });
    expect(cleared).toEqual({ ok: true, value: { entries: [] } });
    const again = await k.core.dispatch('reconcile:clear', { ticketNumber: permit.ticketNumber, adminPin: '1234' });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    const audit = await auditEvents(k);
    expect(audit.find((entry) => entry.event === 'cleared')).toMatchObject({
      ticketNumber: permit.ticketNumber,
      detail: expect.stringContaining('Removed in the portal'),
    });
  });

  it('a copy left by a restart mid-send stays counted through every later restart', async () => {
    const k = await kioskWith(
      [{ endpoint: 'push', kind: 'store-then-hang', count: 1 }],
      {},
      {
        requestTimeouts: { softMs: 1_000, hardMs: 60_000 },
      },
    );
    const permit = await issue(k, 'CRASH2');
    await vi.waitFor(() => expect(k.sandbox.permits()).toHaveLength(1)); // stored, answer never comes
    await k.restart(); // mid-send: the answer is never recorded
    await drained(k);
    const counted = (view: Permit) => view.references.length + view.unreachableCopies.length;
    expect(counted(await viewPermit(k, permit.ticketNumber))).toBe(2);
    await k.restart();
    await k.restart();
    expect(await viewPermit(k, permit.ticketNumber)).toMatchObject({ unreachableCopies: [{ why: 'restart' }] });
    expect(live(k, permit.ticketNumber)).toHaveLength(2);
  });

  it('keeps the list across a restart', async () => {
    const k = await kioskWith([{ endpoint: 'push', kind: 'store-then-500', count: 1 }]);
    const permit = await issue(k, 'KEEP9');
    await vi.waitFor(async () => expect((await viewPermit(k, permit.ticketNumber)).unreachableCopies).toHaveLength(1));
    await cancel(k, permit.ticketNumber);
    await drained(k);
    await k.restart();
    expect(await reconciliation(k)).toMatchObject([{ ticketNumber: permit.ticketNumber }]);
  });
});

describe('answers a vendor-doc server may also give', () => {
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

  it('an undocumented ErrorCode after storing: the copy is counted and a person is asked', async () => {
    const k = await kioskWith([]);
    k.network.intercept = async (apiPath, _body, forward) => {
      const answer = await forward(); // stored
      return apiPath.endsWith('/push') ? json(500, { ErrorCode: 5000, ErrorMessage: 'Oops' }) : answer;
    };
    const permit = await issue(k, 'ODD1');
    await vi.waitFor(async () => expect((await outboxStatus(k)).attention).toBe(1));
    expect(await viewPermit(k, permit.ticketNumber)).toMatchObject({
      sync: 'attention',
      unreachableCopies: [{ why: 'undocumented-error' }],
    });
    expect(live(k, permit.ticketNumber)).toHaveLength(1);
  });

  it('a redirect is not followed: the outbox pauses for a supervisor, and the copy is counted', async () => {
    const k = await kioskWith([]);
    k.network.intercept = async (apiPath, _body, forward) => {
      if (!apiPath.endsWith('/push')) return forward();
      await forward();
      return new Response(null, { status: 307, headers: { location: 'https://elsewhere.example/push' } });
    };
    const permit = await issue(k, 'REDIR1');
    await vi.waitFor(async () =>
      expect((await outboxStatus(k)).paused?.problem).toEqual({
        code: 'opscom-redirect',
        params: { host: 'elsewhere.example', status: 307 },
      }),
    );
    expect((await viewPermit(k, permit.ticketNumber)).unreachableCopies).toHaveLength(1);
    expect(k.sandbox.requestLog().filter((request) => request.path.endsWith('/push'))).toHaveLength(1);
  });

  it('a restart does not cut short the wait after an unclear answer', async () => {
    const k = await kioskWith(
      [{ endpoint: 'push', kind: 'store-then-500' }],
      {},
      {
        unclearBackoff: { baseMs: 60_000, capMs: 120_000 },
      },
    );
    await issue(k, 'LOOP1');
    await vi.waitFor(() => expect(k.sandbox.permits()).toHaveLength(1));
    for (let i = 0; i < 3; i += 1) {
      await k.restart();
      await k.core.idle();
    }
    expect(k.sandbox.requestLog().filter((request) => request.path.endsWith('/push'))).toHaveLength(1);
  });

  it('discarding a refused cancel puts the permit back as OPSCOM last confirmed it, and asks for a check', async () => {
    const k = await kioskWith([]);
    const permit = await issue(k, 'DISC1');
    await drained(k);
    k.network.intercept = async (apiPath, _body, forward) =>
      apiPath.endsWith('/delete') ? json(400, { ErrorCode: 9003, ErrorMessage: 'Could not parse.' }) : forward();
    await extend(k, permit.ticketNumber);
    await cancel(k, permit.ticketNumber);
    await vi.waitFor(async () => expect((await viewPermit(k, permit.ticketNumber)).sync).toBe('attention'));
    const [parked] = value<{ items: Array<{ actionId: string }> }>(await k.core.dispatch('outbox:list', {})).items;
    const discarded = await k.core.dispatch('outbox:discard', { actionId: parked!.actionId, adminPin: '1234' });
    expect(discarded).toMatchObject({ ok: true });
    const after = await viewPermit(k, permit.ticketNumber);
    const extended = live(k, permit.ticketNumber)[0];
    expect(after).toMatchObject({ status: 'active', reconcile: 'attention' });
    expect(extended?.endTime).toBe(after.endAt.slice(0, 19)); // the extend OPSCOM accepted still stands
    expect(await reconciliation(k)).toMatchObject([
      { ticketNumber: permit.ticketNumber, instruction: 'check-after-discard', needsAttention: true },
    ]);
  });
});

describe('a cancel taken while its push is on the way', () => {
  it('voids both at once when the push then turns out never to have left, whatever the backoff', async () => {
    const k = await kioskWith([], {}, { backoff: { baseMs: 60_000, capMs: 60_000 } });
    let release: () => void = () => undefined;
    let sending = false;
    const held = new Promise<void>((resolve) => (release = resolve));
    k.network.intercept = async () => {
      sending = true;
      await held; // the push is in flight while the attendant cancels…
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }); // …and it never left
    };
    const permit = await issue(k, 'RACE1');
    await vi.waitFor(() => expect(sending).toBe(true));
    await cancel(k, permit.ticketNumber);
    release();
    await vi.waitFor(async () => expect((await outboxStatus(k)).waiting).toBe(0));
    expect(await reconciliation(k)).toEqual([]);
    expect((await auditEvents(k)).filter((entry) => entry.event === 'voided-before-sync')).toHaveLength(2);
  });
});
