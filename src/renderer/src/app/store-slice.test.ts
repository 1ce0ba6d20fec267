import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/errors/kiosk-error';
import { resetStore, state } from '../testing/store-harness';

vi.mock('./transport/kiosk', () => import('../testing/kiosk-mock'));

const { useKiosk } = await import('./store');
const { run } = await import('./store-slice');

beforeEach(() => resetStore());

/** A call whose answer the test gives when it wants. */
function pendingCall<T>() {
  let answer: (result: Result<T>) => void = () => {};
  const send = vi.fn(() => new Promise<Result<T>>((resolve) => (answer = resolve)));
  return { send, answer: (result: Result<T>) => answer(result) };
}

describe('run', () => {
  it('raises the flag with the start fields and sends at once, then lowers it with the answer’s fields', async () => {
    const { send, answer } = pendingCall<number>();
    useKiosk.setState({ notice: 'Old news.' });
    const running = run(useKiosk.setState, useKiosk.getState, 'occupancy', send, {
      start: { notice: null },
      onOk: (value) => ({ notice: `got ${value}` }),
    });
    expect(send).toHaveBeenCalledTimes(1);
    expect(state()).toMatchObject({ notice: null, inFlight: { occupancy: true, print: false } });
    const updates: unknown[] = [];
    const unsubscribe = useKiosk.subscribe((s) => updates.push([s.inFlight.occupancy, s.notice]));
    answer({ ok: true, value: 7 });
    await expect(running).resolves.toEqual({ ok: true, value: 7 });
    unsubscribe();
    // One update: the flag never comes down without the answer's fields.
    expect(updates).toEqual([[false, 'got 7']]);
  });

  it('does nothing while the same action is on its way, and resolves to null', async () => {
    const { send, answer } = pendingCall<number>();
    const first = run(useKiosk.setState, useKiosk.getState, 'print', send);
    await expect(run(useKiosk.setState, useKiosk.getState, 'print', send)).resolves.toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
    answer({ ok: true, value: 1 });
    await first;
    expect(state().inFlight.print).toBe(false);
  });

  it('shows main’s error unless the action says otherwise', async () => {
    const error = { code: 'not-allowed', message: 'No.' } as const;
    await run(useKiosk.setState, useKiosk.getState, 'print', async () => ({ ok: false, error }));
    expect(state().error).toEqual(error);
    useKiosk.setState({ error: null });
    await run(useKiosk.setState, useKiosk.getState, 'print', async () => ({ ok: false, error }), {
      onError: (e) => ({ infoError: e }),
    });
    expect(state()).toMatchObject({ error: null, infoError: error, inFlight: { print: false } });
  });
});
