import { useEffect } from 'react';
import { createIdleTimer } from './idle-timer';
import { useKiosk } from './store';

/** Any of these means someone is at the kiosk. */
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** After `info.idleResetSeconds` without a touch or a key (0 = never), the kiosk returns to a clean Issue screen. */
export function useIdleReset(): void {
  const seconds = useKiosk((s) => s.info?.idleResetSeconds ?? 0);
  useEffect(() => {
    const timer = createIdleTimer(() => useKiosk.getState().idleReset());
    const poke = () => timer.poke();
    for (const name of INPUT_EVENTS) window.addEventListener(name, poke, { capture: true, passive: true });
    timer.configure(seconds);
    return () => {
      timer.stop();
      for (const name of INPUT_EVENTS) window.removeEventListener(name, poke, { capture: true });
    };
  }, [seconds]);
}
