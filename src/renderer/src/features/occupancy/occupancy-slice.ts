import type { StateCreator } from 'zustand';
import type { Occupancy } from '../../../../shared/occupancy/occupancy-view';
import { sendToMain } from '../../app/transport/send-to-main';
import { run } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const OCCUPANCY_ACTIONS = ['occupancy'] as const;
export type OccupancyAction = (typeof OCCUPANCY_ACTIONS)[number];

/** OPSCOM's permit counts per zone and type. Nothing to reset: the figures stay until fresher ones come. */
export interface OccupancySlice {
  occupancy: Occupancy | null;

  /** `refresh` asks OPSCOM again (the Refresh button); without it main answers with what it has. */
  loadOccupancy(refresh: boolean): Promise<void>;
}

export const createOccupancySlice: StateCreator<KioskState, [], [], OccupancySlice> = (set, get) => ({
  occupancy: null,

  async loadOccupancy(refresh) {
    await run(set, get, 'occupancy', () => sendToMain('occupancy:get', { refresh }), {
      onOk: (occupancy) => ({ occupancy }),
      // A background refresh that fails says so in the figures' own `error`; only a tapped Refresh raises an alert.
      onError: (error) => (refresh ? { error } : {}),
    });
  },
});

export interface ZoneGroup {
  zone: string;
  rows: { type: string; total: number }[];
  total: number;
}

/** Rows grouped by zone (in OPSCOM's order), each zone with its total. */
export function groupByZone(rows: Occupancy['rows']): ZoneGroup[] {
  const groups = new Map<string, ZoneGroup>();
  for (const row of rows) {
    const group = groups.get(row.zone) ?? { zone: row.zone, rows: [], total: 0 };
    group.rows.push({ type: row.type, total: row.total });
    group.total += row.total;
    groups.set(row.zone, group);
  }
  return [...groups.values()];
}
