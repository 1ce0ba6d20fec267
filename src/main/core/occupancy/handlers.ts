import type { Handlers } from '../channels/dispatch';
import type { KioskServices } from '../channels/services';

/** OPSCOM's counts per zone, the last good figures kept when it cannot answer. */
export function occupancyHandlers(k: KioskServices): Pick<Handlers, 'occupancy:get'> {
  return {
    'occupancy:get': ({ refresh }) => k.occupancy.get(refresh),
  };
}
