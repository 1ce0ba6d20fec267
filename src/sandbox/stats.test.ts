import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from './errors';
import { call, MINIMAL_PUSH, pushOk, start, TOKEN, useSandboxes } from './test-helpers';
import type { RunningSandbox } from './server';

useSandboxes();

async function pushIn(sandbox: RunningSandbox, zone: string | undefined, times = 1): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < times; i += 1) ids.push(await pushOk(sandbox, { ...MINIMAL_PUSH, zone }));
  return ids;
}

describe('stats', () => {
  it('counts permits per zone and type, total as a string of digits', async () => {
    const sandbox = await start();
    await pushIn(sandbox, 'Lot 1', 4);
    await pushIn(sandbox, 'Lot 2', 2);
    await pushIn(sandbox, 'Elsewhere', 1);
    const answer = await call(sandbox, 'stats', { apiToken: TOKEN });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      data: [
        { type: 'temp', zone: 'Elsewhere', total: '1' },
        { type: 'temp', zone: 'Lot 1', total: '4' },
        { type: 'temp', zone: 'Lot 2', total: '2' },
      ],
    });
    const data = answer.json.data as Array<Record<string, unknown>>;
    for (const row of data) {
      expect(Object.keys(row)).toEqual(['type', 'zone', 'total']);
      expect(row.total).toMatch(/^\d+$/);
    }
  });

  it('answers an empty list when there are no permits', async () => {
    const sandbox = await start();
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({ data: [] });
  });

  it('filters by comma-delimited zones, tolerating spaces after commas, and omits zones with no permits', async () => {
    const sandbox = await start();
    await pushIn(sandbox, 'Lot 1', 3);
    await pushIn(sandbox, 'Lot 2', 1);
    await pushIn(sandbox, 'Street', 5);
    const answer = await call(sandbox, 'stats', { apiToken: TOKEN, zones: 'Lot 1, Lot 2,  Lot 4' });
    expect(answer.json).toEqual({
      data: [
        { type: 'temp', zone: 'Lot 1', total: '3' },
        { type: 'temp', zone: 'Lot 2', total: '1' },
      ],
    });
    const single = await call(sandbox, 'stats', { apiToken: TOKEN, zones: 'Street' });
    expect(single.json).toEqual({ data: [{ type: 'temp', zone: 'Street', total: '5' }] });
  });

  it('treats an empty or null zones value as all zones', async () => {
    const sandbox = await start();
    await pushIn(sandbox, 'Lot 1');
    for (const zones of ['', ' , ', null]) {
      const answer = await call(sandbox, 'stats', { apiToken: TOKEN, zones });
      expect(answer.json).toEqual({ data: [{ type: 'temp', zone: 'Lot 1', total: '1' }] });
    }
  });

  it('groups permits without a zone under zone ""', async () => {
    const sandbox = await start();
    await pushIn(sandbox, undefined, 2);
    await pushIn(sandbox, 'Lot 1');
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({
      data: [
        { type: 'temp', zone: '', total: '2' },
        { type: 'temp', zone: 'Lot 1', total: '1' },
      ],
    });
  });

  it('counts a disconnected zone like any other', async () => {
    const sandbox = await start();
    await pushIn(sandbox, 'Unknown Lot', 2);
    const answer = await call(sandbox, 'stats', { apiToken: TOKEN, zones: 'Unknown Lot' });
    expect(answer.json).toEqual({ data: [{ type: 'temp', zone: 'Unknown Lot', total: '2' }] });
  });

  it('does not count deleted permits', async () => {
    const sandbox = await start();
    const [first] = await pushIn(sandbox, 'Lot 1', 2);
    await call(sandbox, 'delete', { apiToken: TOKEN, referenceID: first });
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({
      data: [{ type: 'temp', zone: 'Lot 1', total: '1' }],
    });
  });

  it("with statsCounts 'active', counts only permits whose window contains now (times read as UTC)", async () => {
    let clock = new Date('2018-07-02T09:15:00Z');
    const sandbox = await start({ statsCounts: 'active', now: () => clock });
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Lot 1' }); // 09:00–09:30
    await pushOk(sandbox, {
      ...MINIMAL_PUSH,
      zone: 'Lot 1',
      startTime: '2018-07-02T10:00:00',
      endTime: '2018-07-02T11:00:00',
    });
    await pushOk(sandbox, {
      ...MINIMAL_PUSH,
      zone: 'Lot 2',
      startTime: '2018-07-01T10:00:00',
      endTime: '2018-07-01T11:00:00',
    });
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({
      data: [{ type: 'temp', zone: 'Lot 1', total: '1' }],
    });
    clock = new Date('2018-07-02T09:30:00Z'); // the end is exclusive
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({ data: [] });
    clock = new Date('2018-07-02T10:00:00Z'); // the start is inclusive
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({
      data: [{ type: 'temp', zone: 'Lot 1', total: '1' }],
    });
  });

  it("with statsCounts 'all' (the default), counts expired and future permits too", async () => {
    const sandbox = await start({ now: () => new Date('2030-01-01T00:00:00Z') });
    await pushIn(sandbox, 'Lot 1', 2);
    expect((await call(sandbox, 'stats', { apiToken: TOKEN })).json).toEqual({
      data: [{ type: 'temp', zone: 'Lot 1', total: '2' }],
    });
  });

  it.each([42, ['Lot 1'], { zone: 'Lot 1' }, true])(
    'refuses zones that are not a string (%j) with 9033',
    async (zones) => {
      const sandbox = await start();
      const answer = await call(sandbox, 'stats', { apiToken: TOKEN, zones });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual({ ErrorCode: 9033, ErrorMessage: ERROR_MESSAGES[9033] });
    },
  );
});
