import { describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../../shared/contract';
import { createKioskApi, type KioskApi, type KioskTransport } from '../../../../shared/kiosk-api';
import { createDeferredKioskApi } from './deferred-kiosk-api';
import { openShift } from '../../testing/fixtures';

/** A transport whose events a test fires by hand, counting the subscriptions it holds. */
function fakeTransport() {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const transport = {
    invoke: vi.fn<KioskTransport['invoke']>(async () => ({ ok: true, value: openShift() })),
    subscribe: vi.fn<KioskTransport['subscribe']>((event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    }),
  };
  const fire = (event: EventName, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };
  const subscriptions = () => [...listeners.values()].reduce((n, set) => n + set.size, 0);
  return { transport, fire, subscriptions };
}

/** The checks arrive when the test says so, as the chunk would after a while. */
function deferredChecks() {
  let arrive: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const load = async () => {
    await arrived;
    return createKioskApi;
  };
  return { load, arrive: async () => (arrive(), await arrived, await settle()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const shiftA = openShift({ id: 'S-A' });
const shiftB = openShift({ id: 'S-B' });

describe('kiosk API with its checks loading apart', () => {
  it('sends nothing until the checks are there, then sends and checks the answer', async () => {
    const { transport } = fakeTransport();
    const checks = deferredChecks();
    const kiosk: KioskApi = createDeferredKioskApi(transport, checks.load);
    const answer = kiosk.send('shift:current', {});
    await settle();
    expect(transport.invoke).not.toHaveBeenCalled();
    await checks.arrive();
    await expect(answer).resolves.toEqual({ ok: true, value: openShift() });
    expect(transport.invoke).toHaveBeenCalledWith('shift:current', {});
  });

  it('turns an answer that breaks the contract into an internal error, as before', async () => {
    const { transport } = fakeTransport();
    transport.invoke.mockResolvedValue({ ok: true, value: { id: 42 } });
    const kiosk = createDeferredKioskApi(transport, async () => createKioskApi);
    await expect(kiosk.send('shift:current', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes at once, holds early events, and delivers them checked and in order before any answer', async () => {
    const { transport, fire } = fakeTransport();
    const checks = deferredChecks();
    const kiosk = createDeferredKioskApi(transport, checks.load);
    const seen: string[] = [];
    kiosk.on('shift:changed', (shift) => seen.push(`event ${shift?.id ?? 'none'}`));
    kiosk.on('outbox:changed', () => seen.push('outbox'));
    expect(transport.subscribe).toHaveBeenCalledTimes(2);
    fire('shift:changed', shiftA);
    fire('outbox:changed', { nonsense: true }); // breaks the contract: never delivered
    fire('shift:changed', null);
    void kiosk.send('shift:current', {}).then(() => seen.push('answer'));
    expect(seen).toEqual([]);
    await checks.arrive();
    expect(seen).toEqual(['event S-A', 'event none', 'answer']);
    fire('shift:changed', shiftB);
    expect(seen.at(-1)).toBe('event S-B');
  });

  it('stops a listener removed before or after the checks came, and lets go of the transport', async () => {
    const { transport, fire, subscriptions } = fakeTransport();
    const checks = deferredChecks();
    const kiosk = createDeferredKioskApi(transport, checks.load);
    const early = vi.fn();
    const late = vi.fn();
    const stopEarly = kiosk.on('shift:changed', early);
    const stopLate = kiosk.on('shift:changed', late);
    fire('shift:changed', shiftA);
    stopEarly();
    await checks.arrive();
    expect(early).not.toHaveBeenCalled();
    expect(late).toHaveBeenCalledWith(shiftA);
    stopLate();
    fire('shift:changed', shiftB);
    expect(late).toHaveBeenCalledTimes(1);
    expect(subscriptions()).toBe(0);
  });

  it('fails calls (which `sendToMain` words as "not answering") when the checks cannot load', async () => {
    const { transport } = fakeTransport();
    const kiosk = createDeferredKioskApi(transport, () => Promise.reject(new Error('chunk missing')));
    await expect(kiosk.send('shift:current', {})).rejects.toThrow('chunk missing');
    expect(transport.invoke).not.toHaveBeenCalled();
  });
});
