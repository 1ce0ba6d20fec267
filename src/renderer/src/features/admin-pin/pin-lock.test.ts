import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskError } from '../../../../shared/errors/kiosk-error';
import { answer, fail, ok, settingsView } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { useKiosk } = await import('../../app/store');
const { formatClock, pinLockEnd, secondsLeft } = await import('./pin-lock');

const UNTIL = '2026-01-01T12:05:00.000Z';
const locked = (code: 'pin-locked' | 'pin-just-locked'): KioskError => ({
  code: 'not-allowed',
  message: 'Too many wrong PINs.',
  problem: { code, params: { minutes: 5, until: UNTIL } },
});

beforeEach(() => resetStore({ screen: 'settings' }));

describe('pinLockEnd', () => {
  it('reads the end of a lock-out from either lock refusal, and nothing from any other answer', () => {
    expect(pinLockEnd(locked('pin-locked'))).toBe(UNTIL);
    expect(pinLockEnd(locked('pin-just-locked'))).toBe(UNTIL);
    expect(
      pinLockEnd({ code: 'not-allowed', message: 'No.', problem: { code: 'pin-wrong', params: { triesLeft: 2 } } }),
    ).toBeNull();
    expect(
      pinLockEnd({ code: 'not-allowed', message: 'No.', problem: { code: 'pin-wrong', params: { until: UNTIL } } }),
    ).toBeNull();
    // An older main that sent only the minutes: no end to count down to.
    expect(
      pinLockEnd({ code: 'not-allowed', message: 'No.', problem: { code: 'pin-locked', params: { minutes: 5 } } }),
    ).toBeNull();
    expect(pinLockEnd(null)).toBeNull();
  });
});

describe('the countdown', () => {
  it('reads 05:00 for a fresh five-minute lock, never 00:00 while locked, and 0 once over', () => {
    // Main rounds the end up to the second, so a fresh lock has up to 5 min 1 s left: it reads 05:00.
    expect(formatClock(secondsLeft(UNTIL, new Date('2026-01-01T11:59:59.600Z')))).toBe('05:00');
    expect(formatClock(secondsLeft(UNTIL, new Date('2026-01-01T12:00:00.400Z')))).toBe('04:59');
    expect(secondsLeft(UNTIL, new Date('2026-01-01T12:04:59.900Z'))).toBe(1);
    expect(secondsLeft(UNTIL, new Date(UNTIL))).toBe(0);
    expect(secondsLeft(null, new Date())).toBe(0);
  });

  it('shows hours once a doubled lock-out passes one', () => {
    expect(formatClock(59 * 60 + 59)).toBe('59:59');
    expect(formatClock(80 * 60)).toBe('1:20:00');
    expect(formatClock(24 * 3600)).toBe('24:00:00');
  });
});

describe('the lock in the store', () => {
  it('is kept from a lock refusal even when its banner is dropped because the screen was left', async () => {
    let refuse: (value: unknown) => void = () => undefined;
    answer({
      'permits:list': () => ok({ permits: [] }),
      'settings:get': () => new Promise((resolve) => (refuse = resolve)),
    });
    const unlocking = state().unlockSettings('9999');
    state().goTo('permits');
    refuse({ ok: false, error: locked('pin-just-locked') });
    await unlocking;
    expect(state()).toMatchObject({ screen: 'permits', error: null, pinLockedUntil: UNTIL });
  });

  it('comes from any PIN prompt, and goes when main accepts a PIN', async () => {
    useKiosk.setState({ screen: 'queue' });
    answer({ 'outbox:discard': () => fail(locked('pin-locked')) });
    expect(await state().discard('A-1', '0000')).toBe(false);
    expect(state()).toMatchObject({ pinLockedUntil: UNTIL, error: { problem: { code: 'pin-locked' } } });

    useKiosk.setState({ screen: 'settings' });
    answer({ 'settings:get': () => ok(settingsView()) });
    expect(await state().unlockSettings('1234')).toBe(true);
    expect(state().pinLockedUntil).toBeNull();
  });

  it('is not touched by a wrong PIN that does not lock', async () => {
    answer({
      'settings:get': () =>
        fail({ code: 'not-allowed', message: 'No.', problem: { code: 'pin-wrong', params: { triesLeft: 3 } } }),
    });
    await state().unlockSettings('0000');
    expect(state().pinLockedUntil).toBeNull();
  });
});
