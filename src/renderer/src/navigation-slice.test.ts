import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, ok, settingsView } from './testing/fixtures';
import { resetStore, state } from './testing/store-harness';

vi.mock('./kiosk', () => import('./testing/kiosk-mock'));

const { useKiosk } = await import('./store');

const openSteps = {
  issueStep: { kind: 'read-back', plate: 'ABC1' },
  pending: { kind: 'cancel', ticketNumber: 'T-1', reason: null },
  queueStep: { kind: 'discard', actionId: 'A-1' },
  reconcileStep: 'T-9',
  shiftStep: 'confirm-close',
  notice: 'Saved.',
} as const;

beforeEach(() => {
  resetStore();
  answer({ 'permits:list': () => ok({ permits: [] }) });
});

describe('goTo', () => {
  it('closes every slice’s open step and the notice, and keeps what was typed', () => {
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
      error: { code: 'not-allowed' },
    });
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
  it('moves on without closing anything or fetching', () => {
    useKiosk.setState(openSteps);
    state().showScreen('confirmation');
    expect(state()).toMatchObject({ ...openSteps, screen: 'confirmation' });
  });
});
