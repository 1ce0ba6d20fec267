import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskInfo, openShift, permit, send } from '../../testing/fixtures';
import { resetStore } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');
const { plateFixNeedsPin } = await import('./plate-fix-slice');

const issuedAt = '2026-01-01T12:00:00.000Z';
const sold = permit({ ticketNumber: 'T-1', plate: 'ABC123', issuedAt });

beforeEach(() => {
  resetStore({ info: kioskInfo({ plateFixWindowMinutes: 15 }), shift: openShift(), permits: [sold] });
});

const type = (plate: string) => [...plate].forEach((c) => useKiosk.getState().typePlateFix(c));

describe('the plate-fix window', () => {
  it('needs no PIN up to the window’s end, and the PIN after it', () => {
    const info = kioskInfo({ plateFixWindowMinutes: 15 });
    expect(plateFixNeedsPin(sold, info, new Date('2026-01-01T12:14:59.000Z'))).toBe(false);
    expect(plateFixNeedsPin(sold, info, new Date('2026-01-01T12:15:01.000Z'))).toBe(true);
    expect(plateFixNeedsPin(sold, kioskInfo({ plateFixWindowMinutes: 0 }), new Date(issuedAt))).toBe(false);
    expect(plateFixNeedsPin(sold, kioskInfo({ plateFixWindowMinutes: 0 }), new Date('2026-01-01T12:00:01Z'))).toBe(
      true,
    );
  });
});

describe('fixing a plate', () => {
  it('sends the typed plate and the reason in English, then says what changed', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T12:05:00.000Z'), toFake: ['Date'] });
    useKiosk.getState().startPlateFix('T-1');
    vi.useRealTimers();
    type('abc 124');
    useKiosk.getState().choosePlateFixReason('Typo at sale');
    expect(useKiosk.getState().plateFix).toMatchObject({ plate: 'ABC124', needsPin: false });
    send.mockResolvedValue({
      ok: true,
      value: { ...sold, plate: 'ABC124', plateCorrectedFrom: 'ABC123', revision: 1 },
    });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(true);
    expect(send).toHaveBeenCalledWith('permits:fix-plate', {
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      ticketNumber: 'T-1',
      plate: 'ABC124',
      reason: 'Typo at sale',
    });
    const state = useKiosk.getState();
    expect(state.plateFix).toBeNull();
    expect(state.notice).toBe('Plate corrected: ABC123 → ABC124');
    expect(state.permits[0]?.plate).toBe('ABC124');
  });

  it('asks for the PIN when main says the window has passed, and resends the same request with it', async () => {
    // The page's clock says the window is still open; main's says it is not.
    useKiosk.setState({ permits: [{ ...sold, issuedAt: new Date().toISOString() }] });
    useKiosk.getState().startPlateFix('T-1');
    type('ABC124');
    useKiosk.getState().choosePlateFixReason('Other');
    send.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'needs PIN',
        field: 'adminPin',
        problem: { code: 'plate-fix-needs-pin', params: { minutes: 15 } },
      },
    });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(false);
    expect(useKiosk.getState().plateFix).toMatchObject({ needsPin: true, pin: '', plate: 'ABC124', reason: 'Other' });
    // No PIN typed: nothing is sent.
    expect(await useKiosk.getState().confirmPlateFix()).toBe(false);
    expect(send).toHaveBeenCalledTimes(1);

    [...'1234'].forEach((d) => useKiosk.getState().typePlateFixPin(d));
    send.mockResolvedValueOnce({ ok: true, value: { ...sold, plate: 'ABC124', plateCorrectedFrom: 'ABC123' } });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(true);
    const [first, second] = send.mock.calls.map((c) => c[1] as { requestId: string; adminPin?: string });
    expect(second).toMatchObject({ adminPin: '1234', requestId: first!.requestId });
  });

  it('keeps the step and its request id when the answer was lost, so the retry is answered from main’s record', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T12:05:00.000Z'), toFake: ['Date'] });
    useKiosk.getState().startPlateFix('T-1');
    vi.useRealTimers();
    type('ABC124');
    useKiosk.getState().choosePlateFixReason('Typo at sale');
    send.mockResolvedValueOnce({
      ok: false,
      error: { code: 'unreachable', message: 'Not answering.', problem: { code: 'kiosk-service-silent' } },
    });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(false);
    expect(useKiosk.getState().plateFix).toMatchObject({ plate: 'ABC124', reason: 'Typo at sale' });
    send.mockResolvedValueOnce({ ok: true, value: { ...sold, plate: 'ABC124', plateCorrectedFrom: 'ABC123' } });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(true);
    const [first, retry] = send.mock.calls.map((c) => c[1] as { requestId: string });
    expect(retry!.requestId).toBe(first!.requestId);
  });

  it('clears a refused PIN and keeps the step open', async () => {
    vi.useFakeTimers({ now: new Date('2026-01-01T13:00:00.000Z'), toFake: ['Date'] });
    useKiosk.getState().startPlateFix('T-1');
    vi.useRealTimers();
    expect(useKiosk.getState().plateFix?.needsPin).toBe(true);
    type('ABC124');
    useKiosk.getState().choosePlateFixReason('Driver’s correction');
    [...'9999'].forEach((d) => useKiosk.getState().typePlateFixPin(d));
    send.mockResolvedValueOnce({
      ok: false,
      error: {
        code: 'not-allowed',
        message: 'wrong',
        field: 'adminPin',
        problem: { code: 'pin-wrong', params: { triesLeft: 4 } },
      },
    });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(false);
    expect(useKiosk.getState().plateFix).toMatchObject({ pin: '', plate: 'ABC124' });
    expect(useKiosk.getState().error?.problem?.code).toBe('pin-wrong');
  });
});

describe('a second fix', () => {
  it('says which plate it replaced: the first fix’s, not the one sold', async () => {
    const fixed = { ...sold, plate: 'ABC124', plateCorrectedFrom: 'ABC123', issuedAt: new Date().toISOString() };
    useKiosk.setState({ permits: [fixed] });
    useKiosk.getState().startPlateFix('T-1');
    type('ABC125');
    useKiosk.getState().choosePlateFixReason('Other');
    send.mockResolvedValue({ ok: true, value: { ...fixed, plate: 'ABC125', revision: 2 } });
    expect(await useKiosk.getState().confirmPlateFix()).toBe(true);
    expect(useKiosk.getState().notice).toBe('Plate corrected: ABC124 → ABC125');
  });
});
