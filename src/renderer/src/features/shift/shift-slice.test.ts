import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShiftSummary } from '../../../../shared/shift/shift-view';
import { answer, callsTo, drawerStatus, kioskInfo, ok, openShift, send } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');
const { cleanAttendant, shiftFileName } = await import('./shift-slice');
const { isStartShiftShown } = await import('../keyboard/usePhysicalKeyboard');

const info = kioskInfo({ idleResetSeconds: 0 });
const shift = openShift({ attendant: 'Alex Roy' });
const summary = (overrides: Partial<ShiftSummary> = {}): ShiftSummary => ({
  shift,
  closedAt: null,
  issued: 3,
  extended: 1,
  cancelled: 0,
  amounts: [{ currency: 'CAD', cents: 1575 }],
  waiting: 0,
  attention: 0,
  csv: 'at,kind\n',
  ...overrides,
});

beforeEach(() => resetStore({ info }));

describe('Start shift gate', () => {
  it('shows Start shift instead of Issue once main says no shift is open, and not before', async () => {
    expect(isStartShiftShown(state())).toBe(false);
    answer({ 'shift:current': () => ok(null) });
    await state().loadShift();
    expect(isStartShiftShown(state())).toBe(true);
    state().goTo('permits');
    expect(isStartShiftShown(state())).toBe(false);
    state().goTo('shift');
    expect(isStartShiftShown(state())).toBe(true);
  });

  it('starts a shift once for a double tap, with the name trimmed, then opens Issue', async () => {
    answer({ 'shift:start': () => ok(shift), 'drawer:status': () => ok(drawerStatus({ shiftId: shift.id })) });
    useKiosk.setState({ shiftLoaded: true, screen: 'shift' });
    for (const c of 'Alex Roy ') state().typeAttendant(c);
    await Promise.all([state().startShift(), state().startShift()]);
    expect(callsTo('shift:start').map((c) => c[1])).toEqual([{ attendant: 'Alex Roy' }]);
    expect(state()).toMatchObject({ shift, screen: 'issue', attendantDraft: '' });
    expect(isStartShiftShown(state())).toBe(false);
  });

  it('sends nothing for an empty name', async () => {
    state().typeAttendant('   ');
    await state().startShift();
    expect(send).not.toHaveBeenCalled();
  });

  it('keeps letters, digits, spaces and name punctuation, up to 60 characters', () => {
    expect(cleanAttendant('  Zoé  O’Neil-2 <b>')).toBe('Zoé ONeil-2 b');
    expect(cleanAttendant('9'.repeat(80))).toHaveLength(60);
  });

  it('follows shift:changed from main', () => {
    answer({ 'drawer:status': () => ok(drawerStatus({ shiftId: shift.id })) });
    useKiosk.setState({ shiftLoaded: true });
    state().applyShift(shift);
    expect(isStartShiftShown(state())).toBe(false);
    state().applyShift(null);
    expect(isStartShiftShown(state())).toBe(true);
  });
});

describe('closing a shift', () => {
  beforeEach(() => useKiosk.setState({ shift, shiftLoaded: true }));

  it('loads the running totals when the Shift screen opens', async () => {
    answer({ 'shift:summary': () => ok(summary()) });
    state().goTo('shift');
    await vi.waitFor(() => expect(state().shiftSummary?.issued).toBe(3));
  });

  it('closes only after the confirm step, once, and keeps the summary for printing and export', async () => {
    answer({ 'shift:close': () => ok(summary({ closedAt: '2026-01-01T16:00:00.000Z' })) });
    await state().closeShift();
    expect(send).not.toHaveBeenCalled();
    state().askCloseShift();
    await Promise.all([state().closeShift(), state().closeShift()]);
    expect(callsTo('shift:close')).toHaveLength(1);
    expect(state()).toMatchObject({ shift: null, screen: 'shift', shiftStep: null });
    expect(state().closedShift?.closedAt).toBe('2026-01-01T16:00:00.000Z');
    expect(isStartShiftShown(state())).toBe(false); // the closed summary shows first

    const save = vi.fn();
    state().exportShift(save);
    expect(save).toHaveBeenCalledWith(expect.stringMatching(/^shift-Alex-Roy-\d{4}-\d{2}-\d{2}\.csv$/), 'at,kind\n');
    expect(state().notice).toContain('shift-Alex-Roy-');

    state().finishClosedShift();
    expect(state()).toMatchObject({ closedShift: null, screen: 'issue' });
    expect(isStartShiftShown(state())).toBe(true);
  });

  it('names the export after the attendant and the local date of closing', () => {
    const closedAt = new Date(2026, 2, 5, 23, 30).toISOString();
    const name = shiftFileName(summary({ closedAt, shift: { ...shift, attendant: 'Zoé / Badge 42' } }));
    expect(name).toBe('shift-Zoe-Badge-42-2026-03-05.csv');
  });

  it('reloads the running totals on a permit change only while they are shown', async () => {
    answer({ 'shift:summary': () => ok(summary()) });
    state().refreshShiftSummary();
    expect(send).not.toHaveBeenCalled();
    useKiosk.setState({ screen: 'shift' });
    state().refreshShiftSummary();
    expect(callsTo('shift:summary')).toHaveLength(1);
  });
});
