import type { Handlers } from '../dispatch';
import type { KioskServices } from '../services';

/** OPSCOM's counts per zone, the last good figures kept when it cannot answer. */
export function occupancyHandlers(k: KioskServices): Pick<Handlers, 'occupancy:get'> {
  return {
    'occupancy:get': ({ refresh }) => k.occupancy.get(refresh),
  };
}
