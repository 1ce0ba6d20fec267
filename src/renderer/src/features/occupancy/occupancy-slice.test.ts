import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answer, callsTo, ok } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

await import('../../app/store');
const { groupByZone } = await import('./occupancy-slice');

beforeEach(() => resetStore({ screen: 'settings' }));

describe('occupancy', () => {
  it('loads what main has on entry and asks OPSCOM again on Refresh', async () => {
    const figures = { rows: [], fetchedAt: null, error: 'OPSCOM is not answering.' };
    answer({ 'occupancy:get': () => ok(figures) });
    state().goTo('occupancy');
    await vi.waitFor(() => expect(state().occupancy).toEqual(figures));
    await state().loadOccupancy(true);
    expect(callsTo('occupancy:get').map((c) => c[1])).toEqual([{ refresh: false }, { refresh: true }]);
  });

  it('groups rows by zone with a total per zone', () => {
    expect(
      groupByZone([
        { zone: 'Lot A', type: 'Visitor', total: 4 },
        { zone: 'Lot B', type: 'Visitor', total: 1 },
        { zone: 'Lot A', type: 'Staff', total: 6 },
      ]),
    ).toEqual([
      {
        zone: 'Lot A',
        rows: [
          { type: 'Visitor', total: 4 },
          { type: 'Staff', total: 6 },
        ],
        total: 10,
      },
      { zone: 'Lot B', rows: [{ type: 'Visitor', total: 1 }], total: 1 },
    ]);
  });
});
