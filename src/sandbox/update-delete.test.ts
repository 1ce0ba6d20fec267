import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from './errors';
import { call, DOCUMENTED_PUSH, pushOk, start, TOKEN, useSandboxes } from './test-helpers';

useSandboxes();

const success = (id: string): Record<string, unknown> => ({
  status: 'success',
  reference_id: id,
  InternalReferenceID: id,
});

describe('update', () => {
  it('answers with the push reference id and changes only the fields given', async () => {
    let clock = new Date('2026-01-01T10:00:00Z');
    const sandbox = await start({ now: () => clock });
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    const before = sandbox.permits()[0];
    clock = new Date('2026-01-01T10:05:00Z');

    const answer = await call(sandbox, 'update', { apiToken: TOKEN, referenceID: id, endTime: '2018-07-02T10:00:00' });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(success(id));
    expect(sandbox.permits()[0]).toEqual({
      ...before,
      endTime: '2018-07-02T10:00:00',
      updatedAt: '2026-01-01T10:05:00.000Z',
    });
  });

  it('applies the documented update example (plate, Amount, currency, endTime)', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, { ...DOCUMENTED_PUSH, LicencePlate: 'OLD1', Amount: '1.00', CurrencyID: 'USD' });
    await call(sandbox, 'update', {
      apiToken: TOKEN,
      referenceID: id,
      plate: 'PL8RDR',
      Amount: '14.50',
      currency: 'CAD',
      endTime: '2018-07-02T09:30:00',
    });
    expect(sandbox.permits()[0]).toMatchObject({
      plate: 'PL8RDR',
      amount: '14.50',
      currency: 'CAD',
      endTime: '2018-07-02T09:30:00',
      startTime: '2018-07-02T09:00:00',
      zone: 'Lot 4',
      permitNo: 'L4-1138',
    });
  });

  it.each(['referenceid', 'referenceID', 'reference_id'])('finds the permit by %s', async (name) => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    const answer = await call(sandbox, 'update', { apiToken: TOKEN, [name]: id, plate: 'NEW1' });
    expect(answer.json).toEqual(success(id));
    expect(sandbox.permits()[0]?.plate).toBe('NEW1');
  });

  it.each([
    ['LicencePlate', 'plate', 'NEW2'],
    ['EndDateUtc', 'endTime', '2018-07-02T11:00:00'],
    ['amount', 'amount', '20.00'],
    ['CurrencyID', 'currency', 'USD'],
  ])('accepts the field name %s', async (name, stored, value) => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    await call(sandbox, 'update', { apiToken: TOKEN, reference_id: id, [name]: value });
    expect(sandbox.permits()[0]).toMatchObject({ [stored]: value });
  });

  it('ignores fields update does not document (zone, permitNo, startTime)', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    const before = sandbox.permits()[0];
    const answer = await call(sandbox, 'update', {
      apiToken: TOKEN,
      referenceID: id,
      zone: 'Lot 1',
      permitNo: 'X',
      startTime: '2018-07-02T09:10:00',
    });
    expect(answer.status).toBe(200);
    expect(sandbox.permits()[0]).toMatchObject({ ...before, updatedAt: expect.any(String) });
  });

  it.each<[string, Record<string, unknown>, ErrorCode]>([
    ['endTime invalid', { endTime: '2018-07-02T09:30' }, 9005],
    ['endTime not a string', { endTime: 5 }, 9005],
    ['endTime on Feb 30', { endTime: '2018-02-30T09:30:00' }, 9005],
    ['endTime not after the stored start', { endTime: '2018-07-02T09:00:00' }, 9005],
    ['plate empty', { plate: '' }, 9006],
    ['plate only spaces', { LicencePlate: '  ' }, 9006],
    ['plate of 26 characters', { plate: 'P'.repeat(26) }, 9021],
    ['plate not a string', { plate: 7 }, 9033],
    ['amount "14.5"', { Amount: '14.5' }, 9033],
    ['amount as a number', { amount: 14.5 }, 9033],
    ['currency of 11 characters', { currency: 'C'.repeat(11) }, 9030],
    ['currency not a string', { currency: false }, 9033],
  ])('refuses %s and changes nothing', async (_case, fields, code) => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    const before = sandbox.permits();
    const answer = await call(sandbox, 'update', { apiToken: TOKEN, referenceID: id, ...fields });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual({ ErrorCode: code, ErrorMessage: ERROR_MESSAGES[code] });
    expect(sandbox.permits()).toEqual(before);
  });
});

describe('reference ids on update and delete', () => {
  it.each(['update', 'delete'])('%s: missing id is 9008; malformed or unknown id is 9009', async (action) => {
    const sandbox = await start();
    await pushOk(sandbox, DOCUMENTED_PUSH);
    const missing = await call(sandbox, action, { apiToken: TOKEN, plate: 'X' });
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ ErrorCode: 9008, ErrorMessage: 'Reference ID is required.' });
    expect((await call(sandbox, action, { apiToken: TOKEN, referenceID: '' })).json.ErrorCode).toBe(9008);

    for (const bad of ['not a uuid', 'x'.repeat(51), 42, '1a9b5375-cb75-4c71-9939-eeae550b09ac']) {
      const answer = await call(sandbox, action, { apiToken: TOKEN, referenceID: bad });
      expect(answer.status).toBe(404);
      expect(answer.json).toEqual({ ErrorCode: 9009, ErrorMessage: 'Record not found.' });
    }
  });

  it('checks the reference id before the other update fields', async () => {
    const sandbox = await start();
    const answer = await call(sandbox, 'update', { apiToken: TOKEN, referenceID: 'unknown', plate: '' });
    expect(answer.json.ErrorCode).toBe(9009);
  });
});

describe('delete', () => {
  it('marks the permit deleted, keeps it in the view, and answers with its reference id', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    const answer = await call(sandbox, 'delete', { apiToken: TOKEN, referenceID: id });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual(success(id));
    expect(sandbox.permits()).toEqual([expect.objectContaining({ referenceId: id, deleted: true })]);
  });

  it('after delete, update and a second delete are 9009', async () => {
    const sandbox = await start();
    const id = await pushOk(sandbox, DOCUMENTED_PUSH);
    await call(sandbox, 'delete', { apiToken: TOKEN, referenceid: id });
    const update = await call(sandbox, 'update', { apiToken: TOKEN, referenceID: id, plate: 'NEW1' });
    expect(update.status).toBe(404);
    expect(update.json).toEqual({ ErrorCode: 9009, ErrorMessage: 'Record not found.' });
    const again = await call(sandbox, 'delete', { apiToken: TOKEN, reference_id: id });
    expect(again.json.ErrorCode).toBe(9009);
    expect(sandbox.permits()[0]?.plate).toBe('PL8RDR');
  });
});
