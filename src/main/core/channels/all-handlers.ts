import type { Handlers } from './dispatch';
import type { KioskServices } from './services';
import { issueHandlers } from '../issue/handlers';
import { kioskHandlers } from '../kiosk/handlers';
import { moneyHandlers } from '../money/handlers';
import { occupancyHandlers } from '../occupancy/handlers';
import { outboxHandlers } from '../outbox/handlers';
import { permitHandlers } from '../permits/handlers';
import { reconcileHandlers } from '../reconcile/handlers';
import { settingsHandlers } from '../settings/handlers';
import { shiftHandlers } from '../shift/handlers';

/**
 * Every channel's handler, gathered from each feature's handlers.ts beside its service. The channels are declared
 * once, in shared/contract.ts; typed as the whole map, so a channel left out fails to compile.
 */
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
