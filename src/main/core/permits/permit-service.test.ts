import { afterEach, describe, expect, it } from 'vitest';
import type { Permit, Result } from '../../../shared/domain';
import { fixedClock, startTestKiosk, type TestKiosk } from '../testing/test-kiosk';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('permit service through the core', () => {
  it('issues, extends and cancels a permit in OPSCOM with priced amounts and a ticket number', async () => {
    const clock = fixedClock('2026-11-30T14:00:00.000Z');
    kiosk = await startTestKiosk({ clock });
    const { core, sandbox } = kiosk;

    const issued = value<Permit>(
      await core.dispatch('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: 'ab-c 123',
        zone: 'Lot 1',
        durationMinutes: 60,
      }),
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
    expect(issued.ticketNumber).toMatch(new RegExp(`^${core.info.kioskId}-000001$`));
    expect(sandbox.permits()).toMatchObject([
      {
        referenceId: issued.referenceId,
        plate: 'ABC123',
        startTime: '2026-11-30T14:00:00',
        endTime: '2026-11-30T15:00:00',
        amount: '4.50',
        currency: 'CAD',
        permitNo: issued.ticketNumber,
        zone: 'Lot 1',
      },
    ]);

    const quote = value<{ addedCents: number; totalCents: number; newEndAt: string }>(
      await core.dispatch('permits:quote-extend', { ticketNumber: issued.ticketNumber, minutes: 30 }),
    );
    expect(quote).toEqual({ newEndAt: '2026-11-30T15:30:00.000Z', addedCents: 225, totalCents: 675 });
    const extended = value<Permit>(
      await core.dispatch('permits:extend', {
        requestId: crypto.randomUUID(),
        ticketNumber: issued.ticketNumber,
        minutes: 30,
      }),
    );
    expect(extended).toMatchObject({ endAt: '2026-11-30T15:30:00.000Z', amountCents: 675 });
    expect(sandbox.permits()[0]).toMatchObject({ endTime: '2026-11-30T15:30:00', amount: '6.75', deleted: false });

    value<Permit>(
      await core.dispatch('permits:cancel', { requestId: crypto.randomUUID(), ticketNumber: issued.ticketNumber }),
    );
    expect(sandbox.permits()[0]).toMatchObject({ deleted: true });
    expect(value<{ permits: Permit[] }>(await core.dispatch('permits:list', {})).permits).toEqual([]);
    const again = await core.dispatch('permits:cancel', {
      requestId: crypto.randomUUID(),
      ticketNumber: issued.ticketNumber,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'not-active' } });
  });

  it('issues one permit for a repeated request id (a double tap)', async () => {
    kiosk = await startTestKiosk();
    const request = { requestId: crypto.randomUUID(), plate: 'DBL1', zone: 'Lot 2', durationMinutes: 60 };
    const [first, second] = await Promise.all([
      kiosk.core.dispatch('permits:issue', request),
      kiosk.core.dispatch('permits:issue', request),
    ]);
    expect(value<Permit>(first).ticketNumber).toBe(value<Permit>(second).ticketNumber);
    expect(kiosk.sandbox.permits()).toHaveLength(1);
  });

  it('keeps ticket numbers unique and permits listed across a restart', async () => {
    kiosk = await startTestKiosk();
    const issue = async () =>
      value<Permit>(
        await kiosk!.core.dispatch('permits:issue', {
          requestId: crypto.randomUUID(),
          plate: 'RST1',
          zone: 'Lot 1',
          durationMinutes: 30,
        }),
      );
    const before = await issue();
    const kioskId = kiosk.core.info.kioskId;
    await kiosk.restart();
    expect(kiosk.core.info.kioskId).toBe(kioskId);
    const after = await issue();
    expect(after.ticketNumber).not.toBe(before.ticketNumber);
    expect(after.ticketNumber).toBe(`${kioskId}-000002`);
    const listed = value<{ permits: Permit[] }>(await kiosk.core.dispatch('permits:list', {})).permits;
    expect(listed.map((p) => p.ticketNumber).sort()).toEqual([before.ticketNumber, after.ticketNumber].sort());
  });

  it('tells the attendant plainly when OPSCOM cannot be reached, and issues nothing', async () => {
    kiosk = await startTestKiosk();
    await kiosk.sandbox.close();
    const result = await kiosk.core.dispatch('permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'OFF1',
      zone: 'Lot 1',
      durationMinutes: 30,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(!result.ok && result.error.message).toMatch(/was not issued.*Could not reach OPSCOM/);
    expect(value<{ permits: Permit[] }>(await kiosk.core.dispatch('permits:list', {})).permits).toEqual([]);
    expect(value<{ state: string }>(await kiosk.core.dispatch('kiosk:connection', {})).state).toBe('offline');
  });

  it('refuses an unknown zone and an expired permit in plain words', async () => {
    const clock = fixedClock('2026-11-30T14:00:00.000Z');
    kiosk = await startTestKiosk({ clock });
    expect(
      await kiosk.core.dispatch('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: 'Z1',
        zone: 'Moon',
        durationMinutes: 30,
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'zone' } });
    const issued = value<Permit>(
      await kiosk.core.dispatch('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: 'Z1',
        zone: 'Lot 1',
        durationMinutes: 30,
      }),
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
