import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CountResult } from '../../../../shared/money/ledger-entries';
import { answer, callsTo, drawerStatus, fail, kioskInfo, ok, openShift, send } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');
const { isDrawerPending, isFloatStepShown } = await import('./drawer-slice');

const shift = openShift();
const noFloat = drawerStatus({ floatCents: null });

const countResult = (overrides: Partial<CountResult> = {}): CountResult => ({
  currency: 'CAD',
  countedCents: 8000,
  expectedCents: 8750,
  differenceCents: -750,
  outcome: 'short',
  toleranceCents: 500,
  needsPin: true,
  stale: false,
  at: '2026-01-01T16:00:00.000Z',
  ...overrides,
});

beforeEach(() => resetStore({ info: kioskInfo({ idleResetSeconds: 0 }), shiftLoaded: true }));

describe('the float step', () => {
  it('comes right after Start shift, before selling, until the float is declared once', async () => {
    let declared = false;
    answer({
      'shift:start': () => ok(shift),
      'drawer:status': () => ok(declared ? drawerStatus() : noFloat),
      'drawer:open': () => {
        declared = true;
        return ok(drawerStatus());
      },
    });
    state().typeAttendant('Alex');
    const starting = state().startShift();
    expect(isDrawerPending(state())).toBe(false); // no shift yet
    await starting;
    await vi.waitFor(() => expect(state().drawer).toEqual(noFloat));
    expect(isFloatStepShown(state())).toBe(true);
    // Every screen that could move cash waits behind it; the supervisor's screens do not.
    useKiosk.setState({ screen: 'permits' });
    expect(isFloatStepShown(state())).toBe(true);
    useKiosk.setState({ screen: 'settings' });
    expect(isFloatStepShown(state())).toBe(false);
    useKiosk.setState({ screen: 'issue' });

    state().setFloatDigits('15000');
    await Promise.all([state().declareFloat(15000), state().declareFloat(15000)]);
    expect(callsTo('drawer:open').map((c) => c[1])).toEqual([{ floatCents: 15000 }]);
    expect(isFloatStepShown(state())).toBe(false);
    expect(state().floatDigits).toBe('');
  });

  it('holds Issue while main has not said whether the drawer has a float', () => {
    useKiosk.setState({ shift, drawer: null, drawerLoadedFor: null });
    expect(isDrawerPending(state())).toBe(true);
    useKiosk.setState({ drawerLoadedFor: shift.id });
    expect(isDrawerPending(state())).toBe(false);
  });

  it('lets a shift whose cash already moved go on without a float, saying why', async () => {
    answer({
      'drawer:open': () =>
        fail({ code: 'not-allowed', problem: { code: 'drawer-open-too-late' }, message: 'Cash has already moved.' }),
    });
    useKiosk.setState({ shift, drawer: noFloat, drawerLoadedFor: shift.id });
    expect(isFloatStepShown(state())).toBe(true);
    await state().declareFloat(0);
    expect(isFloatStepShown(state())).toBe(false);
    expect(state().error?.problem?.code).toBe('drawer-open-too-late');
  });
});

describe('paid-outs and drops', () => {
  beforeEach(() => useKiosk.setState({ shift, drawer: drawerStatus(), drawerLoadedFor: shift.id, screen: 'shift' }));

  it('keeps one request id across a retry of the same form, and a new one for the next form', async () => {
    const refusal = { code: 'unreachable' as const, message: 'No answer.' };
    let tries = 0;
    answer({
      'drawer:paid-out': () => (++tries === 1 ? fail(refusal) : ok(drawerStatus({ paidOuts: 1 }))),
      'shift:summary': () => new Promise(() => undefined),
    });
    state().openDrawerStep('paid-out');
    state().setMoveDigits('1250');
    state().setMoveReason('Window cleaner');
    expect(await state().moveCash()).toBe(false);
    expect(state().drawerStep?.kind).toBe('paid-out');
    expect(await state().moveCash()).toBe(true);
    const [first, second] = callsTo('drawer:paid-out').map((c) => c[1] as { requestId: string });
    expect(first).toEqual({ requestId: expect.any(String), amountCents: 1250, reason: 'Window cleaner' });
    expect(second?.requestId).toBe(first?.requestId);
    expect(state()).toMatchObject({ drawerStep: null, drawer: { paidOuts: 1 }, moveDigits: '', moveReason: '' });
    expect(state().notice).toBe('Paid out $12.50 recorded (Window cleaner).');

    state().openDrawerStep('paid-out');
    const next = state().drawerStep;
    expect(next?.kind === 'paid-out' && next.requestId).not.toBe(first?.requestId);
  });

  it('sends nothing without an amount and a reason', async () => {
    state().openDrawerStep('drop');
    state().setMoveReason('To the safe');
    expect(await state().moveCash()).toBe(false);
    state().setMoveDigits('5000');
    state().setMoveReason('   ');
    expect(await state().moveCash()).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});

describe('the blind count and the close', () => {
  beforeEach(() => useKiosk.setState({ shift, drawer: drawerStatus(), drawerLoadedFor: shift.id, screen: 'shift' }));

  it('counts every note and coin, largest first; the result shows only once main answers', async () => {
    answer({ 'drawer:count': () => ok(countResult()) });
    state().askCloseShift();
    state().setCount(2000, 4);
    state().setCount(5, 3);
    state().setCount(5, -1);
    expect(state().countResult).toBeNull();
    await state().countDrawer();
    const [request] = callsTo('drawer:count').map((c) => c[1] as { counts: { cents: number; count: number }[] });
    expect(request?.counts.map((row) => row.cents)).toEqual([10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]);
    expect(request?.counts.find((row) => row.cents === 2000)?.count).toBe(4);
    expect(request?.counts.find((row) => row.cents === 5)?.count).toBe(0);
    expect(state().countResult?.outcome).toBe('short');

    // Count again: back to the rows as typed, the result gone until the next count.
    state().countAgain();
    expect(state().countResult).toBeNull();
    expect(state().counts[2000]).toBe(4);
  });

  it('closes with the admin PIN when the count needs it; a refused PIN keeps the shift open', async () => {
    const wrong = {
      code: 'not-allowed' as const,
      problem: { code: 'pin-wrong' as const, params: { triesLeft: 4 } },
      message: 'Wrong PIN.',
    };
    const closed = {
      shift,
      closedAt: '2026-01-01T16:00:00.000Z',
      issued: 0,
      extended: 0,
      cancelled: 0,
      amounts: [],
      waiting: 0,
      attention: 0,
      csv: '',
    };
    answer({
      'shift:close': (request) => ((request as { adminPin?: string }).adminPin === '1234' ? ok(closed) : fail(wrong)),
    });
    state().askCloseShift();
    useKiosk.setState({ countResult: countResult() });
    expect(await state().closeShift('9999')).toBe(false);
    expect(state().shift).toEqual(shift);
    expect(state().error?.problem?.code).toBe('pin-wrong');
    expect(await state().closeShift('1234')).toBe(true);
    expect(callsTo('shift:close').map((c) => c[1])).toEqual([{ adminPin: '9999' }, { adminPin: '1234' }]);
    expect(state()).toMatchObject({ shift: null, drawer: null, countResult: null, closedShift: closed });
  });
});

describe('reports', () => {
  beforeEach(() => useKiosk.setState({ shift, drawer: drawerStatus(), drawerLoadedFor: shift.id, screen: 'shift' }));

  it('asks for the X-report without the PIN, and with it only when a supervisor gives it', async () => {
    answer({ 'reports:x': () => new Promise(() => undefined) });
    state().openDrawerStep('x-report');
    expect(callsTo('reports:x').map((c) => c[1])).toEqual([{}]);
    answer({ 'reports:x': () => fail({ code: 'not-allowed', message: 'Wrong PIN.' }) });
    useKiosk.setState({ inFlight: { ...state().inFlight, reportX: false } });
    expect(await state().loadXReport('1234')).toBe(false);
    expect(callsTo('reports:x').map((c) => c[1])).toEqual([{}, { adminPin: '1234' }]);
  });

  it('saves a report under the file name main gives', () => {
    const save = vi.fn();
    state().saveReport({ fileName: 'z-report-K1-2026-01-01-S-1.csv', csv: 'section,item\n' }, save);
    expect(save).toHaveBeenCalledWith('z-report-K1-2026-01-01-S-1.csv', 'section,item\n');
    expect(state().notice).toBe('Report saved as z-report-K1-2026-01-01-S-1.csv.');
  });
});
