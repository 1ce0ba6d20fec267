/**
 * Fires `onIdle` once after `seconds` without a `poke()`. Kept free of the DOM and React so the timing is tested
 * with fake timers; `useIdleReset` wires it to the window's input events.
 */
export interface IdleTimer {
  /** Changes the delay (0 = never) and starts counting from now. */
  configure(seconds: number): void;
  /** Someone touched the kiosk: count again from now. */
  poke(): void;
  stop(): void;
}

export function createIdleTimer(
  onIdle: () => void,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
): IdleTimer {
  let seconds = 0;
  let handle: unknown = null;
  const stop = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
  };
  const poke = () => {
    stop();
    if (seconds > 0)
      handle = timers.set(() => {
        handle = null;
        onIdle();
      }, seconds * 1000);
  };
  return {
    configure(next) {
      seconds = Number.isFinite(next) && next > 0 ? next : 0;
      poke();
    },
    poke,
    stop,
  };
}
