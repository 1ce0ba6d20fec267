import type { Handlers } from '../channels/dispatch';
import type { KioskServices } from '../channels/services';

type MoneyChannels =
  | 'permits:payments'
  | 'drawer:status'
  | 'drawer:open'
  | 'drawer:paid-out'
  | 'drawer:drop'
  | 'drawer:count'
  | 'reports:x'
  | 'reports:z'
  | 'reports:day';

/**
 * The money side of a shift: a permit's payments (receipts, the refund step), the cash drawer (float, paid-outs,
 * drops, the blind count) and the X, Z and day reports. Closing the shift is `shift:close` (shift/handlers.ts).
 */
export function moneyHandlers(k: KioskServices): Pick<Handlers, MoneyChannels> {
  const kioskId = () => k.settings.current.kioskId ?? '';
  return {
    'permits:payments': ({ ticketNumber }) => k.money.payments(ticketNumber),
    'drawer:status': () => k.money.status(),
    'drawer:open': ({ floatCents, currency }) => k.money.open(floatCents, currency),
    'drawer:paid-out': (input) => k.money.move('paid-out', input),
    'drawer:drop': (input) => k.money.move('drop', input),
    'drawer:count': ({ counts }) => k.money.count(counts),
    'reports:x': async ({ adminPin }) => {
      const report = await k.money.xReport(adminPin);
      // Taken more than once a shift: the time of day keeps each file apart.
      const at = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
      return { ...report, fileName: `x-report-${kioskId()}-${at}-${report.shift.id.slice(0, 8)}.csv` };
    },
    'reports:z': ({ shiftId }) => {
      const report = k.money.zReport(shiftId);
      const day = (report.closedAt ?? report.shift.startedAt).slice(0, 10);
      return { ...report, fileName: `z-report-${kioskId()}-${day}-${report.shift.id.slice(0, 8)}.csv` };
    },
    'reports:day': ({ date }) => {
      const report = k.money.dayReport(date);
      return { ...report, fileName: `day-report-${kioskId()}-${report.date}.csv` };
    },
  };
}
