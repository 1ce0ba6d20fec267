import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, cancelStep, drawerStatus, kioskInfo, ok, openShift, settingsView } from '../testing/fixtures';
import { resetStore, state } from '../testing/store-harness';

vi.mock('./transport/kiosk', () => import('../testing/kiosk-mock'));

const { useKiosk } = await import('./store');

const openSteps = {
  issueStep: { kind: 'read-back', plate: 'ABC1' },
  pending: cancelStep(),
  queueStep: { kind: 'discard', actionId: 'A-1' },
  reconcileStep: 'T-9',
  shiftStep: 'confirm-close',
  notice: 'Saved.',
} as const;

beforeEach(() => {
  resetStore();
  answer({ 'permits:list': () => ok({ permits: [] }) });
});

describe('start', () => {
  it('clears the alert and loads the info, outbox, permits, shift and the remembered Issue choices', async () => {
    answer({
      'kiosk:info': () => ok(kioskInfo()),
      'outbox:status': () =>
        ok({ connection: 'online', waiting: 0, attention: 0, oldestWaitingSince: null, paused: null, reconcile: 0 }),
      'permits:list': () => ok({ permits: [] }),
      'shift:current': () => ok(openShift()),
      // An open shift: whether its drawer has a float decides if the float step comes first.
      'drawer:status': () => ok(drawerStatus({ shiftId: openShift().id })),
      'issue:choices': () => ok({ zone: 'Lot A', minutes: 60, recentPlates: ['KXW647'] }),
    });
    useKiosk.setState({ error: { code: 'internal', message: 'Left over.' } });
    await state().start();
    expect(state()).toMatchObject({
      error: null,
      info: { kioskId: 'K1' },
      outbox: { connection: 'online' },
      shift: { attendant: 'Alex' },
      zone: 'Lot A',
      presetMinutes: 60,
      recentPlates: ['KXW647'],
      drawer: { shiftId: 'S-1', floatCents: 15000 },
    });
  });
});

describe('goTo', () => {
  it('closes every slice’s open step, the notice and the alert, and keeps what was typed', () => {
    useKiosk.setState({
      ...openSteps,
      plate: 'ABC1',
      attendantDraft: 'Al',
      error: { code: 'not-allowed', message: 'No.' },
    });
    state().goTo('permits');
    expect(state()).toMatchObject({
      screen: 'permits',
      issueStep: null,
      pending: null,
      queueStep: null,
      reconcileStep: null,
      shiftStep: null,
      notice: null,
      plate: 'ABC1',
      attendantDraft: 'Al',
      // The alert belonged to the screen that was left.
      error: null,
    });
  });

  it('shows no alert on the next screen for an answer to the screen that was left', async () => {
    let refuse: (value: unknown) => void = () => undefined;
    answer({
      'permits:list': () => ok({ permits: [] }),
      'settings:get': () => new Promise((resolve) => (refuse = resolve)),
    });
    useKiosk.setState({ screen: 'settings' });
    const unlocking = state().unlockSettings('9999');
    state().goTo('permits');
    refuse({ ok: false, error: { code: 'not-allowed', message: 'Wrong PIN.', problem: { code: 'pin-wrong' } } });
    expect(await unlocking).toBe(false);
    expect(state()).toMatchObject({ screen: 'permits', error: null, inFlight: { settings: false } });

    // On the screen that raised it, the same answer shows.
    useKiosk.setState({ screen: 'settings' });
    const again = state().unlockSettings('9999');
    refuse({ ok: false, error: { code: 'not-allowed', message: 'Wrong PIN.' } });
    await again;
    expect(state().error).toMatchObject({ message: 'Wrong PIN.' });
  });

  it('forgets the unlocked settings only when they are left', () => {
    const settings = { pin: '1234', view: settingsView() };
    useKiosk.setState({ screen: 'settings', settings });
    state().goTo('settings');
    expect(state().settings).toEqual(settings);
    state().goTo('permits');
    expect(state().settings).toBeNull();
  });
});

describe('showScreen', () => {
  it('moves on without closing anything or fetching, but the alert stays with the screen it was on', () => {
    useKiosk.setState({ ...openSteps, error: { code: 'internal', message: 'Printer jammed.' } });
    state().showScreen('confirmation');
    expect(state()).toMatchObject({ ...openSteps, screen: 'confirmation', error: null });
  });
});
