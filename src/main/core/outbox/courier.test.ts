import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemMessage } from '../../../shared/errors/problems';
import { startSandbox } from '../../../sandbox/server';
import type { OutboxItem, ReconcileEntry } from '../../../shared/outbox/outbox-view';
import { startTestKiosk, TEST_TOKEN, type TestKiosk, value } from '../testing/test-kiosk';
import { cancel, extend, issue, outboxStatus } from '../testing/permit-actions';
import { readRecords } from '../storage/read-records';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

const items = async (k: TestKiosk) => value<{ items: OutboxItem[] }>(await k.core.dispatch('outbox:list', {})).items;
const apiCalls = (k: TestKiosk) =>
  k.sandbox
    .requestLog()
    .map((entry) => entry.path.split('/').pop())
    .filter((name) => name !== 'stats');
async function audit(k: TestKiosk): Promise<Array<{ event: string; actionId?: string }>> {
  return Promise.resolve(readRecords(k.dataDir).audit.map((entry) => entry as { event: string; actionId?: string }));
}

describe('outbox delivery', () => {
  it('delivers actions taken offline in order, coalescing what was never sent', async () => {
    kiosk = await startTestKiosk();
    kiosk.network.online = false;
    const kept = await issue(kiosk, 'KEEP1');
    await extend(kiosk, kept.ticketNumber);
    const voided = await issue(kiosk, 'VOID1');
    await cancel(kiosk, voided.ticketNumber);
    const sent = await issue(kiosk, 'SENT1');
    await kiosk.core.idle();
    // VOID1 never reached OPSCOM, so its issue and cancel are settled at once, offline.
    expect(await outboxStatus(kiosk)).toMatchObject({ connection: 'offline', waiting: 3, attention: 0 });

    kiosk.network.online = true;
    kiosk.core.networkChanged(true);
    await kiosk.core.idle();
    expect(await outboxStatus(kiosk)).toMatchObject({ waiting: 0, oldestWaitingSince: null });
    // One push with the extended end for KEEP1, nothing at all for VOID1, one push for SENT1.
    expect(apiCalls(kiosk).sort()).toEqual(['push', 'push']);
    const stored = kiosk.sandbox.permits();
    expect(stored.map((p) => p.plate).sort()).toEqual(['KEEP1', 'SENT1']);
    expect(stored.find((p) => p.plate === 'KEEP1')).toMatchObject({ amount: '6.75', permitNo: kept.ticketNumber });
    expect(stored.find((p) => p.plate === 'SENT1')?.permitNo).toBe(sent.ticketNumber);
    const events = (await audit(kiosk)).map((entry) => entry.event);
    expect(events.filter((event) => event === 'voided-before-sync')).toHaveLength(2);
    expect(events).toContain('coalesced');
  });

  it('sends an extend and a cancel after the push, with the reference id the push returned', async () => {
    kiosk = await startTestKiosk();
    const permit = await issue(kiosk, 'ORD1');
    kiosk.network.online = false;
    await extend(kiosk, permit.ticketNumber);
    await extend(kiosk, permit.ticketNumber);
    await cancel(kiosk, permit.ticketNumber);
    kiosk.network.online = true;
    kiosk.core.networkChanged(true);
    await kiosk.core.idle();
    expect(apiCalls(kiosk)).toEqual(['push', 'update', 'delete']);
    const log = kiosk.sandbox.requestLog().filter((entry) => !entry.path.endsWith('stats'));
    const referenceId = kiosk.sandbox.permits()[0]?.referenceId;
    expect(log[1]?.body).toMatchObject({ referenceID: referenceId, Amount: '9.00' });
    expect(log[2]?.body).toMatchObject({ referenceID: referenceId });
    expect(kiosk.sandbox.permits()).toMatchObject([{ deleted: true }]);
  });

  it('parks a refused action with the controller’s words; a corrected plate goes through', async () => {
    kiosk = await startTestKiosk();
    kiosk.network.intercept = async (apiPath, body, forward) =>
      apiPath.endsWith('/push') && body.LicencePlate?.startsWith('O')
        ? Response.json({ ErrorCode: 9033, ErrorMessage: 'Field value invalid.' }, { status: 400 })
        : forward();
    const typo = await issue(kiosk, 'O8ABC');
    const fine = await issue(kiosk, 'FINE1');
    await kiosk.core.idle();
    expect(await outboxStatus(kiosk)).toMatchObject({ waiting: 0, attention: 1 });
    const [parked] = await items(kiosk);
    expect(parked).toMatchObject({ ticketNumber: typo.ticketNumber, state: 'attention' });
    expect(problemMessage(parked!.lastProblem!)).toMatch(/value it does not accept.*Field value invalid/);
    expect(kiosk.sandbox.permits().map((p) => p.permitNo)).toEqual([fine.ticketNumber]);

    const corrected = await kiosk.core.dispatch('outbox:correct-plate', { actionId: parked!.actionId, plate: '08ABC' });
    expect(corrected.ok).toBe(true);
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits().find((p) => p.permitNo === typo.ticketNumber)?.plate).toBe('08ABC');
    expect((await audit(kiosk)).map((entry) => entry.event)).toEqual(
      expect.arrayContaining(['needs-attention', 'corrected', 'delivered']),
    );
  });

  it('discards a parked action only with the admin PIN, and locks after five wrong tries', async () => {
    kiosk = await startTestKiosk();
    kiosk.network.intercept = async () => Response.json({ ErrorCode: 9030, ErrorMessage: 'Field too long.' });
    await issue(kiosk, 'DISC1');
    await kiosk.core.idle();
    const [parked] = await items(kiosk);
    const wrong = await kiosk.core.dispatch('outbox:discard', { actionId: parked!.actionId, adminPin: '0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'not-allowed', field: 'adminPin' } });
    for (let i = 0; i < 4; i += 1)
      await kiosk.core.dispatch('outbox:discard', { actionId: parked!.actionId, adminPin: '9' });
    const locked = await kiosk.core.dispatch('outbox:discard', { actionId: parked!.actionId, adminPin: '1234' });
    expect(!locked.ok && locked.error.message).toMatch(/locked|Too many/);
    expect(await outboxStatus(kiosk)).toMatchObject({ attention: 1 });
    expect((await audit(kiosk)).map((entry) => entry.event)).not.toContain('discarded');
  });

  it('pauses everything when OPSCOM refuses the token, and says why', async () => {
    kiosk = await startTestKiosk({ token: 'WRONG-TOKEN' });
    await issue(kiosk, 'AUTH1');
    await issue(kiosk, 'AUTH2');
    await kiosk.core.idle();
    const paused = await outboxStatus(kiosk);
    expect(problemMessage(paused.paused!.problem)).toMatch(/refused this kiosk’s API token/);
    expect(paused.waiting).toBe(2);
    expect(apiCalls(kiosk).length).toBeLessThanOrEqual(2); // at most the ones already in flight
    expect(kiosk.sandbox.permits()).toHaveLength(0);
  });

  it('records a lost answer as a possible duplicate, and a 9022 on the retry as held without a reference', async () => {
    const sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN], rejectDuplicatePermitNo: true });
    kiosk = await startTestKiosk({ sandbox });
    let dropped = false;
    kiosk.network.intercept = async (apiPath, _body, forward) => {
      if (apiPath.endsWith('/push') && !dropped) {
        dropped = true;
        await forward(); // OPSCOM stores it…
        throw new TypeError('socket hang up'); // …and the answer never arrives.
      }
      return forward();
    };
    const permit = await issue(kiosk, 'DUP1');
    await vi.waitFor(async () => expect((await outboxStatus(kiosk!)).reconcile).toBe(1), 10_000);
    expect(sandbox.permits()).toHaveLength(1);
    // Settled: OPSCOM holds it, with what was sent, and nothing is resent.
    expect(await outboxStatus(kiosk)).toMatchObject({ waiting: 0, attention: 0, reconcile: 1 });
    const entries = value<{ entries: ReconcileEntry[] }>(await kiosk.core.dispatch('reconcile:list', {})).entries;
    expect(entries).toMatchObject([
      {
        ticketNumber: permit.ticketNumber,
        heldWithoutReference: true,
        instruction: 'keep-held-copy',
        copies: [{ plate: 'DUP1', why: 'connection-lost' }],
      },
    ]);
    const events = (await audit(kiosk)).map((entry) => entry.event);
    expect(events).toEqual(expect.arrayContaining(['possible-duplicate', 'copy-unreachable', 'held']));
  });

  it('never has more than the configured number of permits in flight', async () => {
    kiosk = await startTestKiosk();
    let inFlight = 0;
    let most = 0;
    kiosk.network.intercept = async (_path, _body, forward) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      try {
        return await forward();
      } finally {
        inFlight -= 1;
      }
    };
    kiosk.network.online = false;
    await Promise.all(Array.from({ length: 12 }, (_, i) => issue(kiosk!, `CONC${i}`)));
    kiosk.network.online = true;
    kiosk.core.networkChanged(true);
    await vi.waitFor(async () => expect((await outboxStatus(kiosk!)).waiting).toBe(0));
    expect(kiosk.sandbox.permits()).toHaveLength(12);
    expect(most).toBe(4);
  });

  it('resends after a restart an action that was sent but whose answer was not recorded', async () => {
    kiosk = await startTestKiosk();
    let hang = true;
    kiosk.network.intercept = async (_path, _body, forward) => {
      if (hang) return new Promise<Response>(() => undefined); // the process "dies" mid-request
      return forward();
    };
    const permit = await issue(kiosk, 'CRASH1');
    await new Promise((resolve) => setTimeout(resolve, 50));
    hang = false;
    await kiosk.restart();
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits()).toMatchObject([{ permitNo: permit.ticketNumber, plate: 'CRASH1' }]);
    const events = (await audit(kiosk)).filter((entry) => entry.event === 'possible-duplicate');
    expect(events.length).toBeGreaterThan(0);
  });
});
