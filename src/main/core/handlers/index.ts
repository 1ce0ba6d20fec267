import type { Handlers } from '../dispatch';
import type { KioskServices } from '../services';
import { issueHandlers } from './issue';
import { kioskHandlers } from './kiosk';
import { moneyHandlers } from './money';
import { occupancyHandlers } from './occupancy';
import { outboxHandlers } from './outbox';
import { permitHandlers } from './permits';
import { reconcileHandlers } from './reconcile';
import { settingsHandlers } from './settings';
import { shiftHandlers } from './shift';

/** Every channel's handler, one domain per file; typed as the whole map, so a channel left out fails to compile. */
export function allHandlers(k: KioskServices): Handlers {
  return {
    ...kioskHandlers(k),
    ...issueHandlers(k),
    ...permitHandlers(k),
    ...shiftHandlers(k),
    ...moneyHandlers(k),
    ...occupancyHandlers(k),
    ...settingsHandlers(k),
    ...outboxHandlers(k),
    ...reconcileHandlers(k),
  };
}
