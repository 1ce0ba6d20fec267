import type { Handlers } from '../channels/dispatch';
import { reconciliationCsv } from './reconciliation-csv';
import { fileDate, type KioskServices } from '../channels/services';

type ReconcileChannels = 'reconcile:list' | 'reconcile:export-csv' | 'reconcile:clear';

/** The permits whose copies in OPSCOM the kiosk cannot vouch for, and a supervisor clearing them. */
export function reconcileHandlers(k: KioskServices): Pick<Handlers, ReconcileChannels> {
  return {
    'reconcile:list': () => ({ entries: k.outbox.reconciliation() }),
    'reconcile:export-csv': () => ({
      fileName: `reconciliation-${k.settings.current.kioskId}-${fileDate(k.clock)}.csv`,
      csv: reconciliationCsv(k.outbox.reconciliation()),
    }),
    'reconcile:clear': async ({ ticketNumber, adminPin, note }) => {
      await k.pin.require(adminPin);
      const by = `admin (${k.shift.open?.attendant ?? 'no shift'})`;
      k.outbox.clearReconciliation(ticketNumber, by, note);
      return { entries: k.outbox.reconciliation() };
    },
  };
}
