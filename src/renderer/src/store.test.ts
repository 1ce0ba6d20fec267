import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permit } from '../../shared/domain';
import { kioskInfo, openShift, permit as permitFixture, send } from './testing/fixtures';
import { resetStore } from './testing/store-harness';

vi.mock('./kiosk', () => import('./testing/kiosk-mock'));

const { activePermits, useKiosk } = await import('./store');

const info = kioskInfo({ kioskId: 'K-1' });
const shift = openShift();

const permit = (overrides: Partial<Permit> = {}) => permitFixture({ sync: 'waiting', ...overrides });

beforeEach(() => {
  // HXK47 has no look-alike characters, so Issue goes straight to main unless a test wants a check.
  resetStore({ info, zone: 'Lot A', presetMinutes: 60, plate: 'HXK47', shift, shiftLoaded: true });
});

describe('issue', () => {
  it('sends one request for a double tap', async () => {
    let answer: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const first = useKiosk.getState().issue();
    const second = useKiosk.getState().issue();
    expect(useKiosk.getState().inFlight.issue).toBe(true);
    answer({ ok: true, value: permit() });
    await Promise.all([first, second]);
    expect(send).toHaveBeenCalledTimes(1);
    const request = send.mock.calls[0]?.[1] as { requestId: string };
    expect(request.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(useKiosk.getState().screen).toBe('confirmation');
    expect(useKiosk.getState().plate).toBe('');
    // The next car is most often the same sale: zone and duration stay chosen.
    expect(useKiosk.getState().presetMinutes).toBe(60);
    expect(useKiosk.getState().zone).toBe('Lot A');
  });

  it('keeps the plate and shows the error when issuing fails', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'not-allowed', message: 'No.', field: 'plate' } });
    await useKiosk.getState().issue();
    const state = useKiosk.getState();
    expect(state.plate).toBe('HXK47');
    expect(state.error?.field).toBe('plate');
    expect(state.inFlight.issue).toBe(false);
  });

  it('uses a fresh request id per attempt', async () => {
    send.mockResolvedValue({ ok: false, error: { code: 'unreachable', message: 'Down.' } });
    await useKiosk.getState().issue();
    await useKiosk.getState().issue();
    const ids = send.mock.calls.map((call) => (call[1] as { requestId: string }).requestId);
    expect(new Set(ids).size).toBe(2);
  });

  it('shows the newest copy when the "sent" event overtakes the answer to the issue', async () => {
    let answer: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const issuing = useKiosk.getState().issue();
    useKiosk.getState().applyPermit(permit({ revision: 3, sync: 'sent', referenceId: 'R-1' }));
    answer({ ok: true, value: permit({ revision: 2, sync: 'waiting' }) });
    await issuing;
    expect(useKiosk.getState().lastConfirmation).toMatchObject({ sync: 'sent', referenceId: 'R-1' });
  });

  it('does not send without a preset', async () => {
    useKiosk.setState({ presetMinutes: null });
    await useKiosk.getState().issue();
    expect(send).not.toHaveBeenCalled();
  });
});

describe('active permits', () => {
  it('keeps active ones whose plate contains the normalised query, newest first', () => {
    const list = [
      permit({ ticketNumber: 'T-1', plate: 'ABC123', issuedAt: '2026-01-01T12:00:00.000Z' }),
      permit({ ticketNumber: 'T-2', plate: 'XBC129', issuedAt: '2026-01-01T12:05:00.000Z' }),
      permit({ ticketNumber: 'T-3', plate: 'BC1', status: 'cancelled' }),
      permit({ ticketNumber: 'T-4', plate: 'ZZZ999' }),
    ];
    expect(activePermits(list, 'bc-1').map((p) => p.ticketNumber)).toEqual(['T-2', 'T-1']);
    expect(activePermits(list)).toHaveLength(3);
  });
});

describe('plate typing', () => {
  it('normalises, ignores other characters and caps the length', () => {
    useKiosk.setState({ plate: '' });
    const { typeCharacter } = useKiosk.getState();
    for (const c of 'ab-c 1') typeCharacter(c);
    expect(useKiosk.getState().plate).toBe('ABC1');
    for (let i = 0; i < 40; i++) typeCharacter('9');
    expect(useKiosk.getState().plate).toHaveLength(25);
  });
});

describe('permit updates', () => {
  it('upserts by ticket number and never lets an older copy win', () => {
    const { applyPermit } = useKiosk.getState();
    applyPermit(permit({ revision: 2, referenceId: 'R-1', sync: 'sent' }));
    applyPermit(permit({ revision: 1 }));
    expect(useKiosk.getState().permits).toHaveLength(1);
    expect(useKiosk.getState().permits[0]?.referenceId).toBe('R-1');
  });

  it('refreshes the confirmation when the OPSCOM reference arrives', () => {
    useKiosk.setState({ lastConfirmation: permit() });
    useKiosk.getState().applyPermit(permit({ referenceId: 'R-9', revision: 1 }));
    expect(useKiosk.getState().lastConfirmation?.referenceId).toBe('R-9');
  });

  it('follows the sync state on the confirmation, even within the same second', () => {
    useKiosk.getState().applyPermit(permit());
    useKiosk.setState({ lastConfirmation: permit() });
    const refused = { code: 'opscom-error', params: { errorCode: 9021 } } as const;
    useKiosk.getState().applyPermit(permit({ revision: 1, sync: 'attention', syncProblem: refused }));
    expect(useKiosk.getState().lastConfirmation?.sync).toBe('attention');
    expect(useKiosk.getState().lastConfirmation?.syncProblem).toEqual(refused);
  });

  it('cancels after the confirm step, once, with the chosen reason', async () => {
    send.mockResolvedValue({ ok: true, value: permit({ status: 'cancelled', updatedAt: '2026-01-01T12:10:00.000Z' }) });
    useKiosk.getState().applyPermit(permit());
    useKiosk.getState().startCancel('T-1');
    await useKiosk.getState().confirmCancel();
    expect(send).not.toHaveBeenCalled(); // no reason chosen yet
    useKiosk.getState().chooseCancelReason('Wrong plate');
    await Promise.all([useKiosk.getState().confirmCancel(), useKiosk.getState().confirmCancel()]);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[1]).toMatchObject({ ticketNumber: 'T-1', reason: 'Wrong plate' });
    expect(useKiosk.getState().permits[0]?.status).toBe('cancelled');
    expect(useKiosk.getState().pending).toBeNull();
  });
});

describe('print', () => {
  it('leaves printing to main in the app, and to the page in the station', async () => {
    const windowPrint = vi.fn();
    send.mockResolvedValueOnce({ ok: true, value: { printedBy: 'app', ok: true } });
    await useKiosk.getState().print('receipt', windowPrint);
    expect(send).toHaveBeenCalledWith('kiosk:print', { what: 'receipt' });
    expect(windowPrint).not.toHaveBeenCalled();
    send.mockResolvedValueOnce({ ok: true, value: { printedBy: 'browser', ok: true } });
    await useKiosk.getState().print('shift-summary', windowPrint);
    expect(windowPrint).toHaveBeenCalledTimes(1);
  });
});
