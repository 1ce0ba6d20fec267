import type { Handlers } from '../channels/dispatch';
import { fail } from '../channels/failure';
import type { KioskServices } from '../channels/services';

type ShiftChannels = 'shift:current' | 'shift:start' | 'shift:summary' | 'shift:close';

/**
 * Signing in and out: a shift names the attendant on every action and totals what was sold, net of refunds;
 * closing it writes the Z (money/handlers.ts has the drawer and the reports).
 */
export function shiftHandlers(k: KioskServices): Pick<Handlers, ShiftChannels> {
  return {
    'shift:current': () => k.shift.open,
    'shift:start': async ({ attendant }) => {
      k.pin.requireSet();
      const started = await k.shift.start(attendant);
      k.events.emit('shift:changed', started);
      return started;
    },
    'shift:summary': () => k.shift.summary(k.outboxStatus(), refundsOfOpenShift(k)),
    'shift:close': async ({ adminPin }) => {
      if (!k.shift.open) fail('not-allowed', 'no-shift-open');
      const refunds = refundsOfOpenShift(k);
      // The drawer is counted (and a difference beyond tolerance approved) before the shift may close.
      let summary: ReturnType<typeof k.shift.close> | undefined;
      // The drawer's close and the shift's commit together: a crash never leaves one without the other.
      const report = await k.money.close(adminPin, () => {
        summary = k.shift.close(k.outboxStatus(), refunds);
      });
      if (!summary) return fail('not-allowed', 'no-shift-open');
      k.events.emit('shift:changed', null);
      return { ...summary, report };
    },
  };
}

function refundsOfOpenShift(k: KioskServices): Array<{ currency: string; cents: number }> {
  const open = k.shift.open;
  return open ? k.money.refundsOf(open.id) : [];
}
