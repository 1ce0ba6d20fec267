import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../../../shared/contract';
import type { Permit } from '../../../../shared/permits/permit';
import type { KioskTransport } from '../../../../shared/kiosk-api';
import { kioskInfo, openShift, permit } from '../../testing/fixtures';

/**
 * #19, part 6, end to end in the page: the real contract-checking API over a transport that loses an answer, and
 * a stand-in main that, like PermitService, does each request id once and answers a known one from its record.
 * The attendant taps again after "The kiosk service is not answering": the driver must be sold once.
 */
const main = vi.hoisted(() => {
  const state = {
    /** What main recorded, by request id. */
    taken: new Map<string, { channel: string; request: Record<string, unknown> }>(),
    /** The next answer of this channel is lost: before main takes the request, or after. */
    lose: null as null | { channel: string; when: 'before' | 'after' },
    calls: [] as { channel: string; requestId: unknown }[],
  };
  return state;
});

const mainTransport: KioskTransport = {
  async invoke(channel: ChannelName, request: unknown) {
    const body = request as Record<string, unknown>;
    main.calls.push({ channel, requestId: body.requestId });
    const lose = main.lose?.channel === channel ? main.lose.when : null;
    if (lose) main.lose = null;
    if (lose === 'before') throw new TypeError('Failed to fetch');
    let value: unknown;
    if (channel === 'permits:issue' || channel === 'permits:extend') {
      const id = String(body.requestId);
      if (!main.taken.has(id)) main.taken.set(id, { channel, request: body });
      value = answerFor(main.taken.get(id)!.request, channel);
    } else if (channel === 'permits:quote-extend') {
      value = { newEndAt: '2026-01-01T13:30:00.000Z', addedCents: 225, totalCents: 675 };
    } else {
      return { ok: false, error: { code: 'not-found', message: `No ${channel} here.` } };
    }
    if (lose === 'after') throw new TypeError('network error: connection reset');
    return { ok: true, value };
  },
  subscribe: () => () => undefined,
};

function answerFor(request: Record<string, unknown>, channel: string): Permit & { tender?: unknown } {
  if (channel === 'permits:extend') return permit({ endAt: '2026-01-01T13:30:00.000Z', amountCents: 675, revision: 1 });
  return permit({ plate: String(request.plate), ticketNumber: `T-${main.taken.size}` });
}

vi.mock('./kiosk', async () => {
  const { createKioskApi } = await import('../../../../shared/kiosk-api');
  return { kiosk: createKioskApi(mainTransport) };
});

const { useKiosk } = await import('../store');
const { issueAndPay, resetStore } = await import('../../testing/store-harness');

const state = () => useKiosk.getState();
const sales = () => [...main.taken.values()].filter((t) => t.channel === 'permits:issue');
const sent = (channel: string) => main.calls.filter((c) => c.channel === channel).map((c) => c.requestId);

beforeEach(() => {
  main.taken.clear();
  main.calls.length = 0;
  main.lose = null;
  resetStore({
    info: kioskInfo(),
    shift: openShift(),
    shiftLoaded: true,
    zone: 'Lot A',
    presetMinutes: 60,
    plate: 'HXK47',
  });
});

describe('a sale whose answer was lost', () => {
  it('taken by main: the retry is answered from its record, and the driver is sold once', async () => {
    main.lose = { channel: 'permits:issue', when: 'after' };
    await issueAndPay();
    expect(state().error?.problem).toEqual({ code: 'kiosk-service-silent' });
    expect(state().plate).toBe('HXK47');
    expect(sales()).toHaveLength(1);

    await issueAndPay();
    expect(state().error).toBeNull();
    expect(state().screen).toBe('confirmation');
    expect(state().lastConfirmation).toMatchObject({ plate: 'HXK47', ticketNumber: 'T-1' });
    expect(sales()).toHaveLength(1);
    const [first, retry] = sent('permits:issue');
    expect(retry).toBe(first);

    // The next car, even with the same plate, is a new sale with a new id.
    state().newPermit();
    for (const c of 'HXK47') state().typeCharacter(c);
    await issueAndPay();
    expect(sales()).toHaveLength(2);
    expect(new Set(sent('permits:issue')).size).toBe(2);
  });

  it('lost before main took it: the retry with the same id is the one sale', async () => {
    main.lose = { channel: 'permits:issue', when: 'before' };
    await issueAndPay();
    expect(state().error?.code).toBe('unreachable');
    expect(sales()).toHaveLength(0);
    await issueAndPay();
    expect(sales()).toHaveLength(1);
    const [first, retry] = sent('permits:issue');
    expect(retry).toBe(first);
  });
});

describe('an extension whose answer was lost', () => {
  it('is retried with the same id and recorded once', async () => {
    useKiosk.setState({ permits: [permit()] });
    main.lose = { channel: 'permits:extend', when: 'after' };
    await state().startExtend('T-1', 30);
    await state().confirmExtend({ method: 'card' });
    expect(state().error?.problem).toEqual({ code: 'kiosk-service-silent' });
    // The confirm step stays open, so the retry is one tap.
    await state().confirmExtend({ method: 'card' });
    expect(state().error).toBeNull();
    const [first, retry] = sent('permits:extend');
    expect(retry).toBe(first);
    expect([...main.taken.values()].filter((t) => t.channel === 'permits:extend')).toHaveLength(1);
  });
});
