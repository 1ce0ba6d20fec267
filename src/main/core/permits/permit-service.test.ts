import { afterEach, describe, expect, it } from 'vitest';
import type { Permit } from '../../../shared/permits/permit';
import { fixedClock, startTestKiosk, type TestKiosk, value } from '../testing/test-kiosk';
import { issue, issueRequest } from '../testing/permit-actions';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

describe('permit service through the core', () => {
  it('issues, extends and cancels a permit in OPSCOM with priced amounts and a ticket number', async () => {
    const clock = fixedClock('2026-11-30T14:00:00.000Z');
    kiosk = await startTestKiosk({ clock });
    const { core, sandbox } = kiosk;

    const issued = value<Permit>(
      await core.dispatch('permits:issue', issueRequest('ab-c 123', { zone: 'Lot 1', durationMinutes: 60 })),
    );
    expect(issued).toMatchObject({
      plate: 'ABC123',
      zone: 'Lot 1',
      startAt: '2026-11-30T14:00:00.000Z',
      endAt: '2026-11-30T15:00:00.000Z',
      amountCents: 450,
      currency: 'CAD',
      status: 'active',
    });
    expect(issued.ticketNumber).toBe(`${core.info.kioskId}-000001`);
    await core.idle();
    const [stored] = sandbox.permits();
    expect(stored).toMatchObject({
      plate: 'ABC123',
      startTime: '2026-11-30T14:00:00',
      endTime: '2026-11-30T15:00:00',
      amount: '4.50',
      currency: 'CAD',
      permitNo: issued.ticketNumber,
      zone: 'Lot 1',
    });
    const listed = value<{ permits: Permit[] }>(await core.dispatch('permits:list', {})).permits;
    expect(listed).toMatchObject([
      { ticketNumber: issued.ticketNumber, referenceId: stored?.referenceId, sync: 'sent' },
    ]);

    const quote = await core.dispatch('permits:quote-extend', { ticketNumber: issued.ticketNumber, minutes: 30 });
    expect(value(quote)).toEqual({ newEndAt: '2026-11-30T15:30:00.000Z', addedCents: 225, totalCents: 675 });
    const extended = value<Permit>(
      await core.dispatch('permits:extend', {
        requestId: crypto.randomUUID(),
        ticketNumber: issued.ticketNumber,
        minutes: 30,
      }),
    );
    expect(extended).toMatchObject({ endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    await core.idle();
    expect(sandbox.permits()).toMatchObject([{ endTime: '2026-11-30T15:30:00', amount: '6.75', deleted: false }]);

    const cancel = { requestId: crypto.randomUUID(), ticketNumber: issued.ticketNumber };
    expect(value<Permit>(await core.dispatch('permits:cancel', cancel)).status).toBe('cancelled');
    await core.idle();
    expect(sandbox.permits()).toMatchObject([{ referenceId: stored?.referenceId, deleted: true }]);
    expect(value<{ permits: Permit[] }>(await core.dispatch('permits:list', {})).permits).toEqual([]);
    const again = await core.dispatch('permits:cancel', { ...cancel, requestId: crypto.randomUUID() });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-active' } });
  });

  it('issues one permit for a repeated request id (a double tap), even after it was delivered', async () => {
    kiosk = await startTestKiosk();
    const request = issueRequest('DBL1', { zone: 'Lot 2', durationMinutes: 60 });
    const [first, second] = await Promise.all([
      kiosk.core.dispatch('permits:issue', request),
      kiosk.core.dispatch('permits:issue', request),
    ]);
    expect(value<Permit>(first).ticketNumber).toBe(value<Permit>(second).ticketNumber);
    await kiosk.core.idle();
    const third = value<Permit>(await kiosk.core.dispatch('permits:issue', request));
    expect(third.ticketNumber).toBe(value<Permit>(first).ticketNumber);
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits()).toHaveLength(1);
  });

  it('keeps ticket numbers unique and permits listed across a restart', async () => {
    kiosk = await startTestKiosk();
    const before = await issue(kiosk, 'RST1', { durationMinutes: 30 });
    const kioskId = kiosk.core.info.kioskId;
    await kiosk.core.idle();
    await kiosk.restart();
    expect(kiosk.core.info.kioskId).toBe(kioskId);
    const after = await issue(kiosk, 'RST1', { durationMinutes: 30 });
    expect(after.ticketNumber).toBe(`${kioskId}-000002`);
    const listed = value<{ permits: Permit[] }>(await kiosk.core.dispatch('permits:list', {})).permits;
    expect(listed.map((p) => p.ticketNumber).sort()).toEqual([before.ticketNumber, after.ticketNumber].sort());
  });

  it('confirms at once while OPSCOM is unreachable, and delivers when it comes back', async () => {
    kiosk = await startTestKiosk();
    kiosk.network.online = false;
    const issued = value<Permit>(
      await kiosk.core.dispatch('permits:issue', issueRequest('OFF1', { durationMinutes: 30 })),
    );
    expect(issued).toMatchObject({ sync: 'waiting', referenceId: null });
    await kiosk.core.idle();
    expect(value<{ waiting: number }>(await kiosk.core.dispatch('outbox:status', {})).waiting).toBe(1);
    expect(value<{ state: string }>(await kiosk.core.dispatch('kiosk:connection', {})).state).toBe('offline');
    expect(kiosk.sandbox.permits()).toHaveLength(0);

    kiosk.network.online = true;
    kiosk.core.networkChanged(true);
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits()).toMatchObject([{ plate: 'OFF1', permitNo: issued.ticketNumber }]);
    const status = value<{ waiting: number; oldestWaitingSince: string | null }>(
      await kiosk.core.dispatch('outbox:status', {}),
    );
    expect(status).toMatchObject({ waiting: 0, oldestWaitingSince: null });
    const listed = value<{ permits: Permit[] }>(await kiosk.core.dispatch('permits:list', {})).permits;
    expect(listed[0]).toMatchObject({ sync: 'sent', referenceId: kiosk.sandbox.permits()[0]?.referenceId });
  });

  it('refuses an unknown zone and an expired permit in plain words', async () => {
    const clock = fixedClock('2026-11-30T14:00:00.000Z');
    kiosk = await startTestKiosk({ clock });
    expect(
      await kiosk.core.dispatch('permits:issue', issueRequest('Z1', { zone: 'Moon', durationMinutes: 30 })),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', field: 'zone' },
    });
    const issued = value<Permit>(
      await kiosk.core.dispatch('permits:issue', issueRequest('Z1', { durationMinutes: 30 })),
    );
    clock.advance(31);
    const extend = await kiosk.core.dispatch('permits:extend', {
      requestId: crypto.randomUUID(),
      ticketNumber: issued.ticketNumber,
      minutes: 30,
    });
    expect(extend).toMatchObject({ ok: false, error: { code: 'not-active' } });
    expect(!extend.ok && extend.error.message).toMatch(/already ended/);
  });
});
