import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permit } from '../../../../shared/permits/permit';
import { callsTo, kioskInfo, openShift, permit as permitFixture, send } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');

const info = kioskInfo();
const shift = openShift();

/** A permit that started ten minutes ago and runs for fifty more. */
function permit(overrides: Partial<Permit> = {}): Permit {
  const now = Date.now();
  const tenMinutesAgo = new Date(now - 10 * 60_000).toISOString();
  const inFiftyMinutes = new Date(now + 50 * 60_000).toISOString();
  return permitFixture({
    startAt: tenMinutesAgo,
    endAt: inFiftyMinutes,
    issuedAt: tenMinutesAgo,
    updatedAt: tenMinutesAgo,
    ...overrides,
  });
}

const issued = (plate: string, ticketNumber = `T-${plate}`) =>
  Promise.resolve({ ok: true, value: permit({ plate, ticketNumber }) });
const issueCalls = () => callsTo('permits:issue');
/** "Confirm payment" on the last step, paid by card. */
const pay = () => state().payAndIssue({ method: 'card' });

beforeEach(() => {
  resetStore({ info, zone: 'Lot A', presetMinutes: 60, shift, shiftLoaded: true });
  send.mockImplementation((_channel, request) => issued((request as { plate: string }).plate));
});

describe('plate check, against the home regions in kiosk info (Ontario here)', () => {
  it('issues a standard Ontario plate at once, look-alike characters or not', async () => {
    useKiosk.setState({ plate: 'ABC123' });
    await state().issue();
    // No plate step: straight to the payment, at the chosen duration's price, and nothing sent before it.
    expect(state().issueStep).toEqual({ kind: 'tender', plate: 'ABC123', amountCents: 450, currency: 'CAD' });
    expect(send).not.toHaveBeenCalled();
    await pay();
    expect(state().issueStep).toBeNull();
    expect(issueCalls()).toHaveLength(1);
    expect(issueCalls()[0]?.[1]).toMatchObject({ plate: 'ABC123', tender: { method: 'card' } });
  });

  it('follows the home regions kiosk info names', async () => {
    useKiosk.setState({ plate: 'X12KRT' });
    await state().issue();
    expect(state().issueStep).toEqual({ kind: 'read-back', plate: 'X12KRT' });
    state().closeIssueStep();
    useKiosk.setState({ info: kioskInfo({ homeRegions: ['ON', 'QC'] }) });
    await state().issue();
    expect(state().issueStep?.kind).toBe('tender');
    await pay();
    expect(issueCalls()).toHaveLength(1);
  });
});

describe('look-alike step', () => {
  beforeEach(() => useKiosk.setState({ plate: 'A8CD123' }));

  it('offers the corrected plate and sends nothing yet', async () => {
    await state().issue();
    expect(state().issueStep).toEqual({ kind: 'look-alike', plate: 'A8CD123', suggestions: ['ABCD123'] });
    expect(send).not.toHaveBeenCalled();
  });

  it('a tap on the correction issues it, once, however fast the taps', async () => {
    await state().issue();
    await Promise.all([state().choosePlate('ABCD123'), state().choosePlate('ABCD123'), state().issue()]);
    expect(state().issueStep).toMatchObject({ kind: 'tender', plate: 'ABCD123' });
    await Promise.all([pay(), pay()]);
    expect(issueCalls()).toHaveLength(1);
    expect(issueCalls()[0]?.[1]).toMatchObject({ plate: 'ABCD123', zone: 'Lot A', durationMinutes: 60 });
    expect(state().screen).toBe('confirmation');
  });

  it('takes only a plate the step offered', async () => {
    await state().issue();
    await state().choosePlate('ZZZZ999');
    expect(state().issueStep?.kind).toBe('look-alike');
    expect(send).not.toHaveBeenCalled();
  });

  it('"Keep as typed" issues the plate as typed', async () => {
    await state().issue();
    await state().confirmPlate();
    await pay();
    expect(issueCalls()).toHaveLength(1);
    expect(issueCalls()[0]?.[1]).toMatchObject({ plate: 'A8CD123' });
  });

  it('the correction still meets the already-active check', async () => {
    useKiosk.setState({ permits: [permit({ plate: 'ABCD123' })] });
    await state().issue();
    await state().choosePlate('ABCD123');
    expect(state().issueStep).toMatchObject({ kind: 'already-active', plate: 'ABCD123' });
    expect(state().plate).toBe('ABCD123');
    expect(send).not.toHaveBeenCalled();
  });
});

describe('read-back step', () => {
  beforeEach(() => useKiosk.setState({ plate: 'GR8DAY' }));

  it('asks before issuing a plate of no home format with look-alike characters, and sends nothing yet', async () => {
    await state().issue();
    expect(state().issueStep).toEqual({ kind: 'read-back', plate: 'GR8DAY' });
    expect(send).not.toHaveBeenCalled();
  });

  it('"Plate is correct" issues once, however fast the taps', async () => {
    await state().issue();
    await Promise.all([state().confirmPlate(), state().confirmPlate(), state().issue()]);
    await Promise.all([pay(), pay(), state().issue()]);
    expect(issueCalls()).toHaveLength(1);
    expect(issueCalls()[0]?.[1]).toMatchObject({ plate: 'GR8DAY', zone: 'Lot A', durationMinutes: 60 });
    expect(state().screen).toBe('confirmation');
  });

  it('"Fix plate" goes back with the plate kept', async () => {
    await state().issue();
    state().closeIssueStep();
    expect(state().issueStep).toBeNull();
    expect(state().plate).toBe('GR8DAY');
    expect(send).not.toHaveBeenCalled();
  });

  it('does not let typing change the plate behind the open step', async () => {
    await state().issue();
    state().typeCharacter('X');
    state().backspace();
    state().clearPlate();
    expect(state().plate).toBe('GR8DAY');
  });
});

describe('already-active check', () => {
  it('warns when this kiosk has a running permit for the plate, and issues only on "Issue anyway"', async () => {
    useKiosk.setState({ plate: 'HXK47', permits: [permit({ plate: 'HXK47' })] });
    await state().issue();
    expect(state().issueStep).toMatchObject({ kind: 'already-active', permit: { ticketNumber: 'T-1' } });
    expect(send).not.toHaveBeenCalled();
    state().issueAnyway();
    state().issueAnyway();
    expect(state().issueStep).toMatchObject({ kind: 'tender', plate: 'HXK47' });
    expect(send).not.toHaveBeenCalled();
    await Promise.all([pay(), pay()]);
    expect(issueCalls()).toHaveLength(1);
  });

  it('"Back" leaves everything as it was', async () => {
    useKiosk.setState({ plate: 'HXK47', permits: [permit({ plate: 'HXK47' })] });
    await state().issue();
    state().closeIssueStep();
    expect(state()).toMatchObject({ issueStep: null, plate: 'HXK47', screen: 'issue' });
    expect(send).not.toHaveBeenCalled();
  });

  it('comes after the read-back step, and a double tap on "Plate is correct" does not pass it', async () => {
    useKiosk.setState({ plate: 'ABC1', permits: [permit({ plate: 'ABC1' })] });
    await state().issue();
    expect(state().issueStep?.kind).toBe('read-back');
    await state().confirmPlate();
    expect(state().issueStep?.kind).toBe('already-active');
    await state().confirmPlate();
    expect(send).not.toHaveBeenCalled();
    state().issueAnyway();
    await pay();
    expect(issueCalls()).toHaveLength(1);
  });

  it('does not warn for an ended or cancelled permit', async () => {
    useKiosk.setState({
      plate: 'HXK47',
      permits: [
        permit({ plate: 'HXK47', endAt: new Date(Date.now() - 1000).toISOString() }),
        permit({ plate: 'HXK47', ticketNumber: 'T-2', status: 'cancelled' }),
      ],
    });
    await state().issue();
    await pay();
    expect(issueCalls()).toHaveLength(1);
  });
});

describe('repeat customers', () => {
  it('remembers the last six plates issued, newest first, and one tap fills the plate', async () => {
    for (const plate of ['HXK47', 'MNP34', 'HXK47']) {
      useKiosk.setState({ plate, permits: [] });
      await state().issue();
      await pay();
      state().newPermit();
    }
    expect(state().recentPlates).toEqual(['HXK47', 'MNP34']);
    state().pickPlate('MNP34');
    expect(state().plate).toBe('MNP34');
  });

  it('keeps zone and duration, so the next sale is the plate and one tap', async () => {
    useKiosk.setState({ plate: 'HXK47' });
    await state().issue();
    await pay();
    state().newPermit();
    expect(state()).toMatchObject({ zone: 'Lot A', presetMinutes: 60, plate: '' });
    state().pickPlate('HXK47');
    useKiosk.setState({ permits: [] });
    await state().issue();
    await pay();
    expect(issueCalls()).toHaveLength(2);
  });
});

describe('shift gating', () => {
  it('issues nothing without an open shift', async () => {
    useKiosk.setState({ plate: 'HXK47', shift: null });
    await state().issue();
    expect(send).not.toHaveBeenCalled();
  });
});
