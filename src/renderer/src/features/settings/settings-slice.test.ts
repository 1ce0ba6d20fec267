import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskError } from '../../../../shared/errors/kiosk-error';
import { answer, callsTo, fail, ok, send, settingsView } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');

const view = settingsView();

beforeEach(() => resetStore({ screen: 'settings' }));

describe('settings behind the admin PIN', () => {
  it('opens with the right PIN and keeps it only while on the screen', async () => {
    answer({ 'settings:get': () => ok(view), 'permits:list': () => ok({ permits: [] }) });
    expect(await state().unlockSettings('1234')).toBe(true);
    expect(callsTo('settings:get')[0]?.[1]).toEqual({ adminPin: '1234' });
    expect(state().settings).toEqual({ pin: '1234', view });
    state().goTo('permits');
    expect(state().settings).toBeNull();
  });

  it('shows main’s words for a wrong PIN or a lock-out', async () => {
    const locked: KioskError = { code: 'not-allowed', message: 'Too many wrong PINs: try again in 5 minutes.' };
    answer({ 'settings:get': () => fail(locked) });
    expect(await state().unlockSettings('0000')).toBe(false);
    expect(state().settings).toBeNull();
    expect(state().error).toEqual(locked);
  });

  it('does not keep a PIN that main accepted after the screen was left', async () => {
    let reply: (value: unknown) => void = () => {};
    send.mockImplementation(() => new Promise((resolve) => (reply = resolve)));
    const unlocking = state().unlockSettings('1234');
    useKiosk.setState({ screen: 'issue' });
    reply({ ok: true, value: view });
    expect(await unlocking).toBe(false);
    expect(state().settings).toBeNull();
  });

  it('saves only the changes with the PIN, and uses a new PIN from then on', async () => {
    useKiosk.setState({ settings: { pin: '1234', view } });
    answer({
      'settings:update': () => ok({ ...view, kioskName: 'Gate 2' }),
      'settings:test-connection': () => ok({ ok: true, message: 'OPSCOM answered.' }),
    });
    expect(await state().saveSettings({ kioskName: 'Gate 2', newAdminPin: '98765' })).toBe(true);
    expect(callsTo('settings:update')[0]?.[1]).toEqual({
      adminPin: '1234',
      changes: { kioskName: 'Gate 2', newAdminPin: '98765' },
    });
    expect(state().settings).toEqual({ pin: '98765', view: { ...view, kioskName: 'Gate 2' } });
    await state().testConnection();
    expect(callsTo('settings:test-connection')[0]?.[1]).toEqual({ adminPin: '98765' });
    expect(state().settingsTest).toEqual({ ok: true, message: 'OPSCOM answered.' });
  });

  it('sends nothing when nothing changed, and keeps main’s field error when it refuses', async () => {
    useKiosk.setState({ settings: { pin: '1234', view } });
    expect(await state().saveSettings({})).toBe(false);
    expect(send).not.toHaveBeenCalled();
    const refused: KioskError = { code: 'invalid-request', message: 'Bad URL.', field: 'changes.controllerUrl' };
    answer({ 'settings:update': () => fail(refused) });
    expect(await state().saveSettings({ controllerUrl: 'http://x' })).toBe(false);
    expect(state().error).toEqual(refused);
    expect(state().settings?.view).toEqual(view);
  });

  it('is forgotten by Close settings', () => {
    useKiosk.setState({ settings: { pin: '1234', view } });
    state().lockSettings();
    expect(state().settings).toBeNull();
  });
});
