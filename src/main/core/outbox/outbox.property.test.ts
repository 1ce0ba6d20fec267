import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboxStatus, Permit, Result } from '../../../shared/domain';
import { startTestKiosk, type TestKiosk } from '../testing/test-kiosk';

/**
 * Random interleavings of attendant actions, network loss, "OPSCOM stored it but the answer was lost", and
 * process restarts. After everything drains, OPSCOM must hold exactly what the kiosk confirmed, and a permit
 * may be stored twice only where an answer was dropped after storing.
 */
type Step =
  | { do: 'issue'; plate: number; minutes: number }
  | { do: 'extend'; permit: number }
  | { do: 'cancel'; permit: number }
  | { do: 'network'; online: boolean }
  | { do: 'drop-next-push-answer' }
  | { do: 'restart' }
  | { do: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ do: fc.constant('issue' as const), plate: fc.nat(20), minutes: fc.constantFrom(30, 60) }),
  },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('extend' as const), permit: fc.nat(10) }) },
  { weight: 1, arbitrary: fc.record({ do: fc.constant('cancel' as const), permit: fc.nat(10) }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('network' as const), online: fc.boolean() }) },
  { weight: 2, arbitrary: fc.constant({ do: 'drop-next-push-answer' as const }) },
  { weight: 1, arbitrary: fc.constant({ do: 'restart' as const }) },
  { weight: 2, arbitrary: fc.record({ do: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 30 }) }) },
);

function value<T>(result: Result<unknown>): T | undefined {
  return result.ok ? (result.value as T) : undefined;
}

async function run(steps: Step[]): Promise<void> {
  const kiosk: TestKiosk = await startTestKiosk();
  const confirmed = new Map<string, Permit>(); // ticket → last state the attendant saw confirmed
  const dropsByPermitNo = new Map<string, number>();
  let dropNext = false;
  let lifetime = 0;
  const countDrop = (permitNo = '') => dropsByPermitNo.set(permitNo, (dropsByPermitNo.get(permitNo) ?? 0) + 1);
  kiosk.network.intercept = async (apiPath, body, forward) => {
    if (!apiPath.endsWith('/push')) return forward();
    if (dropNext) {
      dropNext = false;
      await forward();
      countDrop(body.permitNo);
      throw new TypeError('socket hang up');
    }
    const startedIn = lifetime;
    const response = await forward();
    // The process "crashed" (restarted) while this push was in flight: its answer is never recorded.
    if (lifetime !== startedIn) countDrop(body.permitNo);
    return response;
  };
  try {
    for (const s of steps) {
      const tickets = [...confirmed.values()].filter((p) => p.status === 'active').map((p) => p.ticketNumber);
      const pick = (i: number) => tickets[i % Math.max(1, tickets.length)];
      let result: Permit | undefined;
      switch (s.do) {
        case 'issue':
          result = value<Permit>(
            await kiosk.core.dispatch('permits:issue', {
              requestId: crypto.randomUUID(),
              plate: `P${s.plate}`,
              zone: 'Lot 1',
              durationMinutes: s.minutes,
            }),
          );
          break;
        case 'extend':
          if (pick(s.permit)) {
            const request = { requestId: crypto.randomUUID(), ticketNumber: pick(s.permit)!, minutes: 30 };
            result = value<Permit>(await kiosk.core.dispatch('permits:extend', request));
          }
          break;
        case 'cancel':
          if (pick(s.permit)) {
            const request = { requestId: crypto.randomUUID(), ticketNumber: pick(s.permit)! };
            result = value<Permit>(await kiosk.core.dispatch('permits:cancel', request));
          }
          break;
        case 'network':
          kiosk.network.online = s.online;
          kiosk.core.networkChanged(s.online);
          break;
        case 'drop-next-push-answer':
          dropNext = true;
          break;
        case 'restart':
          lifetime += 1;
          await kiosk.restart();
          break;
        case 'wait':
          await new Promise((resolve) => setTimeout(resolve, s.ms));
          break;
      }
      if (result) confirmed.set(result.ticketNumber, result);
    }

    kiosk.network.online = true;
    dropNext = false;
    kiosk.core.networkChanged(true);
    await expect
      .poll(async () => value<OutboxStatus>(await kiosk.core.dispatch('outbox:status', {}))?.waiting, {
        timeout: 10_000,
      })
      .toBe(0);
    const status = value<OutboxStatus>(await kiosk.core.dispatch('outbox:status', {}));
    expect(status?.attention).toBe(0);

    const stored = kiosk.sandbox.permits();
    for (const permit of confirmed.values()) {
      const records = stored.filter((record) => record.permitNo === permit.ticketNumber);
      const drops = dropsByPermitNo.get(permit.ticketNumber) ?? 0;
      const live = records.filter((record) => !record.deleted);
      if (permit.status === 'cancelled') {
        // Cancelled: nothing of ours left standing but the copies a lost answer made.
        expect(live.length).toBeLessThanOrEqual(drops);
      } else {
        const current = live.filter(
          (record) => record.endTime === permit.endAt.slice(0, 19) && record.amount === centsString(permit.amountCents),
        );
        expect(current.length, `permit ${permit.ticketNumber} in OPSCOM`).toBeGreaterThanOrEqual(1);
        expect(live.length).toBeLessThanOrEqual(1 + drops);
      }
      expect(records.length, `copies of ${permit.ticketNumber}`).toBeLessThanOrEqual(1 + drops);
    }
    const ours = new Set(confirmed.keys());
    expect(stored.every((record) => ours.has(record.permitNo ?? ''))).toBe(true);
  } finally {
    await kiosk.close();
  }
}

const centsString = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

describe('outbox under random network loss, lost answers and restarts', () => {
  it('delivers exactly the confirmed state, duplicating only after a lost answer', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), run), {
      numRuns: 30,
      endOnFailure: true,
    });
  }, 120_000);
});
