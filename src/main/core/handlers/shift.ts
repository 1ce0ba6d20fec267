import type { Handlers } from '../dispatch';
import type { KioskServices } from '../services';

type ShiftChannels = 'shift:current' | 'shift:start' | 'shift:summary' | 'shift:close';

/** Signing in and out: a shift names the attendant on every action and totals what was sold. */
export function shiftHandlers(k: KioskServices): Pick<Handlers, ShiftChannels> {
  return {
    'shift:current': () => k.shift.open,
    'shift:start': async ({ attendant }) => {
      k.pin.requireSet();
      const started = await k.shift.start(attendant);
      k.events.emit('shift:changed', started);
      return started;
    },
    'shift:summary': () => k.shift.summary(k.outboxStatus()),
    'shift:close': async () => {
      const summary = await k.shift.close(k.outboxStatus());
      k.events.emit('shift:changed', null);
      return summary;
    },
  };
}
