import type { Occupancy } from '../../../shared/occupancy/occupancy-view';
import { toInstant, type Clock } from '../../../shared/time';
import type { OpscomClient } from '../opscom/client';

/**
 * Counts per zone and permit type from OPSCOM's stats. The last good figures are kept, so an offline kiosk
 * still shows them, with their age and why they are not fresh.
 */
export class OccupancyService {
  private last: Occupancy = { rows: [], fetchedAt: null, problem: null };
  private fetching: Promise<Occupancy> | undefined;

  constructor(
    private readonly client: () => OpscomClient,
    private readonly zones: () => string[],
    private readonly clock: Clock,
  ) {}

  get(refresh: boolean): Promise<Occupancy> {
    if (!refresh && this.last.fetchedAt !== null) return Promise.resolve(this.last);
    this.fetching ??= this.fetch().finally(() => {
      this.fetching = undefined;
    });
    return this.fetching;
  }

  private async fetch(): Promise<Occupancy> {
    const outcome = await this.client().stats(this.zones());
    this.last =
      outcome.kind === 'success'
        ? { rows: outcome.value, fetchedAt: toInstant(this.clock.now()), problem: null }
        : { ...this.last, problem: outcome.problem };
    return this.last;
  }
}
