import type { OutboxItem } from '../../../shared/outbox/outbox-view';
import type { Handlers } from '../channels/dispatch';
import type { KioskServices } from '../channels/services';
import { fileDate } from '../channels/services';

type OutboxChannels =
  | 'outbox:status'
  | 'outbox:list'
  | 'outbox:flush'
  | 'outbox:retry'
  | 'outbox:correct-plate'
  | 'outbox:discard'
  | 'audit:export-csv';

/** What waits to reach OPSCOM, what a person decides about an action it refused, and the audit log. */
export function outboxHandlers(k: KioskServices): Pick<Handlers, OutboxChannels> {
  const item = (actionId: string): OutboxItem | null =>
    k.outbox.items(k.courier.sending).find((each) => each.actionId === actionId) ?? null;
  const attendant = () => k.shift.open?.attendant ?? null;
  return {
    'outbox:status': () => k.outboxStatus(),
    'outbox:list': () => ({ items: k.outbox.items(k.courier.sending) }),
    'outbox:flush': ({ reason }) => {
      k.log.info(`Outbox flush asked for (${reason}).`);
      k.courier.flushNow();
      return k.outboxStatus();
    },
    'outbox:retry': ({ actionId }) => {
      k.outbox.retry(actionId, attendant());
      k.courier.flushNow();
      return item(actionId);
    },
    'outbox:correct-plate': ({ actionId, plate }) => {
      k.outbox.correctPlate(actionId, plate, attendant());
      k.courier.flushNow();
      return item(actionId);
    },
    'outbox:discard': async ({ actionId, adminPin }) => {
      await k.pin.require(adminPin);
      return { discarded: k.outbox.discard(actionId, `admin (${attendant() ?? 'no shift'})`) };
    },
    'audit:export-csv': () => ({
      fileName: `audit-${k.settings.current.kioskId}-${fileDate(k.clock)}.csv`,
      csv: k.audit.toCsv(),
    }),
  };
}
