import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName } from '../../../shared/contract';
import { cancelStep } from '../testing/fixtures';

vi.mock('./transport/kiosk', () => ({ kiosk: { send: (_channel: ChannelName) => Promise.resolve({ ok: false }) } }));

const { createIdleTimer } = await import('./idle-timer');
const { useKiosk } = await import('./store');

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the set seconds without input', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.configure(60);
    vi.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts again from every touch', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.configure(60);
    vi.advanceTimersByTime(50_000);
    timer.poke();
    vi.advanceTimersByTime(50_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires when set to 0, and stops when told', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer(onIdle);
    timer.configure(0);
    timer.poke();
    vi.advanceTimersByTime(24 * 3_600_000);
    timer.configure(10);
    timer.stop();
    vi.advanceTimersByTime(60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });
});

describe('idle reset', () => {
  it('returns to Issue with nothing half-typed, half-confirmed or unlocked', () => {
    useKiosk.setState({
      screen: 'settings',
      plate: 'ABC1',
      issueStep: { kind: 'read-back', plate: 'ABC1' },
      pending: cancelStep(),
      queueStep: { kind: 'discard', actionId: 'A-1' },
      shiftStep: 'confirm-close',
      attendantDraft: 'Al',
      settings: { pin: '1234', view: {} as never },
      error: { code: 'not-allowed', message: 'No.' },
      notice: 'Saved.',
      zone: 'Lot A',
      presetMinutes: 60,
    });
    useKiosk.getState().idleReset();
    expect(useKiosk.getState()).toMatchObject({
      screen: 'issue',
      plate: '',
      issueStep: null,
      pending: null,
      queueStep: null,
      shiftStep: null,
      attendantDraft: '',
      settings: null,
      error: null,
      notice: null,
      // The usual sale stays chosen.
      zone: 'Lot A',
      presetMinutes: 60,
    });
  });
});
