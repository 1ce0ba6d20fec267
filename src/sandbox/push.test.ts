import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type ErrorCode } from './errors';
import { call, DOCUMENTED_PUSH, MINIMAL_PUSH, pushOk, raw, start, TOKEN, useSandboxes, without } from './test-helpers';

useSandboxes();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('push', () => {
  it('accepts the documented example (LicencePlate, Amount, CurrencyID) and stores it', async () => {
    const sandbox = await start();
    const answer = await call(sandbox, 'push', DOCUMENTED_PUSH);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.json)).toEqual(['status', 'reference_id', 'InternalReferenceID']);
    expect(answer.json.status).toBe('success');
    expect(answer.json.reference_id).toMatch(UUID);
    expect(answer.json.InternalReferenceID).toBe(answer.json.reference_id);

    const view = await raw(sandbox, '/__sandbox/permits');
    expect(view.status).toBe(200);
    expect(view.json.permits).toEqual([
      {
        referenceId: answer.json.reference_id,
        plate: 'PL8RDR',
        startTime: '2018-07-02T09:00:00',
        endTime: '2018-07-02T09:30:00',
        amount: '14.50',
        currency: 'CAD',
        permitNo: 'L4-1138',
        zone: 'Lot 4',
        zoneConnected: true,
        type: 'temp',
        deleted: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        timesStored: 1,
      },
    ]);
    expect(sandbox.permits()).toEqual(view.json.permits);
  });

  it('needs only apiToken, plate, startTime and endTime; optional fields are stored as null', async () => {
    const sandbox = await start();
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(sandbox.permits()[0]).toMatchObject({
      plate: 'ABC123',
      amount: null,
      currency: null,
      permitNo: null,
      zone: null,
      zoneConnected: false,
    });
  });

  it('gives each push its own reference id', async () => {
    const sandbox = await start();
    const first = await pushOk(sandbox, MINIMAL_PUSH);
    const second = await pushOk(sandbox, MINIMAL_PUSH);
    expect(first).not.toBe(second);
  });

  it.each([
    ['plate', 'plate', 'PLATE1'],
    ['LicencePlate', 'plate', 'PLATE1'],
    ['startTime', 'startTime', '2018-07-02T08:00:00'],
    ['StartDateUtc', 'startTime', '2018-07-02T08:00:00'],
    ['endTime', 'endTime', '2018-07-02T10:00:00'],
    ['EndDateUtc', 'endTime', '2018-07-02T10:00:00'],
    ['amount', 'amount', '3.25'],
    ['Amount', 'amount', '3.25'],
    ['currency', 'currency', 'USD'],
    ['CurrencyID', 'currency', 'USD'],
    ['permitNo', 'permitNo', 'P-42'],
    ['TicketNumber', 'permitNo', 'P-42'],
    ['zone', 'zone', 'Lot 2'],
    ['ParkingZoneName', 'zone', 'Lot 2'],
  ])('accepts the field name %s', async (name, stored, value) => {
    const sandbox = await start();
    // Drop the canonical name and send only the name under test, so it alone carries the value.
    await pushOk(sandbox, { ...without(MINIMAL_PUSH, stored), [name]: value });
    expect(sandbox.permits()[0]).toMatchObject({ [stored]: value });
  });

  it('uses the first documented name when two aliases of a field are both sent', async () => {
    const sandbox = await start();
    await pushOk(sandbox, {
      apiToken: TOKEN,
      plate: 'FIRST',
      LicencePlate: 'SECOND',
      startTime: '2018-07-02T09:00:00',
      StartDateUtc: '2018-07-02T08:00:00',
      endTime: '2018-07-02T09:30:00',
      EndDateUtc: '2018-07-02T11:00:00',
      amount: '1.00',
      Amount: '2.00',
      currency: 'CAD',
      CurrencyID: 'USD',
      permitNo: 'A',
      TicketNumber: 'B',
      zone: 'Lot 1',
      ParkingZoneName: 'Lot 2',
    });
    expect(sandbox.permits()[0]).toMatchObject({
      plate: 'FIRST',
      startTime: '2018-07-02T09:00:00',
      endTime: '2018-07-02T09:30:00',
      amount: '1.00',
      currency: 'CAD',
      permitNo: 'A',
      zone: 'Lot 1',
    });
  });

  it('falls back to the alias when the first name is null', async () => {
    const sandbox = await start();
    await pushOk(sandbox, { ...MINIMAL_PUSH, plate: null, LicencePlate: 'ALIAS1' });
    expect(sandbox.permits()[0]?.plate).toBe('ALIAS1');
  });

  it('stores a zone OPSCOM does not know as disconnected', async () => {
    const sandbox = await start();
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Moon Base' });
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Street' });
    expect(sandbox.permits().map((p) => [p.zone, p.zoneConnected])).toEqual([
      ['Moon Base', false],
      ['Street', true],
    ]);
  });

  it('uses the zones option as the known zones', async () => {
    const sandbox = await start({ zones: ['North'] });
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'North' });
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: 'Lot 1' });
    expect(sandbox.permits().map((p) => p.zoneConnected)).toEqual([true, false]);
  });

  it('accepts values exactly at the documented limits', async () => {
    const sandbox = await start();
    await pushOk(sandbox, {
      ...MINIMAL_PUSH,
      plate: 'P'.repeat(25),
      amount: '999999.99',
      currency: 'C'.repeat(10),
      permitNo: 'N'.repeat(50),
      zone: 'Z'.repeat(200),
    });
    await pushOk(sandbox, { ...MINIMAL_PUSH, amount: '0.01' });
    expect(sandbox.permits().map((p) => p.amount)).toEqual(['999999.99', '0.01']);
  });

  it('treats an empty optional field as not sent', async () => {
    const sandbox = await start();
    await pushOk(sandbox, { ...MINIMAL_PUSH, zone: '', permitNo: '', currency: '', amount: '' });
    expect(sandbox.permits()[0]).toMatchObject({ zone: null, permitNo: null, currency: null, amount: null });
  });

  const noPlate = without(MINIMAL_PUSH, 'plate');
  const noEnd = without(MINIMAL_PUSH, 'endTime');
  const noStart = without(MINIMAL_PUSH, 'startTime');

  it.each<[string, Record<string, unknown>, ErrorCode]>([
    ['plate missing', noPlate, 9006],
    ['plate empty', { ...MINIMAL_PUSH, plate: '' }, 9006],
    ['plate only spaces', { ...MINIMAL_PUSH, plate: '   ' }, 9006],
    ['plate not a string', { ...MINIMAL_PUSH, plate: 123 }, 9033],
    ['plate of 26 characters', { ...MINIMAL_PUSH, plate: 'P'.repeat(26) }, 9021],
    ['endTime missing', noEnd, 9004],
    ['endTime empty', { ...MINIMAL_PUSH, endTime: '' }, 9004],
    ['endTime invalid', { ...MINIMAL_PUSH, endTime: 'tomorrow' }, 9005],
    ['endTime not a string', { ...MINIMAL_PUSH, endTime: 1530523800 }, 9005],
    ['endTime equal to startTime', { ...MINIMAL_PUSH, endTime: MINIMAL_PUSH.startTime }, 9005],
    ['endTime before startTime', { ...MINIMAL_PUSH, endTime: '2018-07-02T08:59:59' }, 9005],
    ['startTime missing', noStart, 9031],
    ['startTime invalid', { ...MINIMAL_PUSH, startTime: '2018-07-02 09:00:00' }, 9007],
    ['startTime not a string', { ...MINIMAL_PUSH, startTime: true }, 9007],
    ['startTime on Feb 30', { ...MINIMAL_PUSH, startTime: '2018-02-30T09:00:00' }, 9007],
    ['endTime on Feb 30', { ...MINIMAL_PUSH, endTime: '2018-02-30T09:00:00' }, 9005],
    ['endTime with offset +00:00', { ...MINIMAL_PUSH, endTime: '2018-07-02T09:30:00+00:00' }, 9005],
    ['startTime with offset +00:00', { ...MINIMAL_PUSH, startTime: '2018-07-02T09:00:00+00:00' }, 9007],
    ['endTime with Z', { ...MINIMAL_PUSH, endTime: '2018-07-02T09:30:00Z' }, 9005],
    ['endTime with milliseconds', { ...MINIMAL_PUSH, endTime: '2018-07-02T09:30:00.000' }, 9005],
    ['endTime missing seconds', { ...MINIMAL_PUSH, endTime: '2018-07-02T09:30' }, 9005],
    ['startTime missing seconds', { ...MINIMAL_PUSH, startTime: '2018-07-02T09:00' }, 9007],
    ['endTime at hour 24', { ...MINIMAL_PUSH, endTime: '2018-07-02T24:00:00' }, 9005],
    ['endTime at minute 60', { ...MINIMAL_PUSH, endTime: '2018-07-02T09:60:00' }, 9005],
    ['endTime in month 13', { ...MINIMAL_PUSH, endTime: '2018-13-02T09:30:00' }, 9005],
    ['amount "14.5"', { ...MINIMAL_PUSH, amount: '14.5' }, 9033],
    ['amount "0.00"', { ...MINIMAL_PUSH, amount: '0.00' }, 9033],
    ['amount "1000000.00"', { ...MINIMAL_PUSH, amount: '1000000.00' }, 9033],
    ['amount 14.5 as a number', { ...MINIMAL_PUSH, amount: 14.5 }, 9033],
    ['Amount 14.5 as a number', { ...MINIMAL_PUSH, Amount: 14.5 }, 9033],
    ['amount ".50"', { ...MINIMAL_PUSH, amount: '.50' }, 9033],
    ['amount "-1.00"', { ...MINIMAL_PUSH, amount: '-1.00' }, 9033],
    ['amount "1,000.00"', { ...MINIMAL_PUSH, amount: '1,000.00' }, 9033],
    ['amount "$5.00"', { ...MINIMAL_PUSH, amount: '$5.00' }, 9033],
    ['currency of 11 characters', { ...MINIMAL_PUSH, currency: 'C'.repeat(11) }, 9030],
    ['currency not a string', { ...MINIMAL_PUSH, CurrencyID: 124 }, 9033],
    ['permitNo of 51 characters', { ...MINIMAL_PUSH, permitNo: 'N'.repeat(51) }, 9030],
    ['permitNo not a string', { ...MINIMAL_PUSH, TicketNumber: 1138 }, 9033],
    ['zone of 201 characters', { ...MINIMAL_PUSH, zone: 'Z'.repeat(201) }, 9030],
    ['zone not a string', { ...MINIMAL_PUSH, ParkingZoneName: ['Lot 1'] }, 9033],
  ])('refuses %s', async (_case, body, code) => {
    const sandbox = await start();
    const answer = await call(sandbox, 'push', body);
    expect(answer.json).toEqual({ ErrorCode: code, ErrorMessage: ERROR_MESSAGES[code] });
    expect(answer.status).toBe(400);
    expect(sandbox.permits()).toEqual([]);
  });

  it('checks fields in the documented order (plate before end before start)', async () => {
    const sandbox = await start();
    expect((await call(sandbox, 'push', { apiToken: TOKEN })).json.ErrorCode).toBe(9006);
    expect((await call(sandbox, 'push', { apiToken: TOKEN, plate: 'A' })).json.ErrorCode).toBe(9004);
    expect((await call(sandbox, 'push', { apiToken: TOKEN, plate: 'A', endTime: 'x' })).json.ErrorCode).toBe(9005);
    const noStart = { apiToken: TOKEN, plate: 'A', endTime: '2018-07-02T09:30:00', amount: 'bad' };
    expect((await call(sandbox, 'push', noStart)).json.ErrorCode).toBe(9031);
  });

  it('accepts a leap day', async () => {
    const sandbox = await start();
    await pushOk(sandbox, { ...MINIMAL_PUSH, startTime: '2024-02-29T23:30:00', endTime: '2024-03-01T00:30:00' });
    const answer = await call(sandbox, 'push', { ...MINIMAL_PUSH, startTime: '2023-02-29T09:00:00' });
    expect(answer.json.ErrorCode).toBe(9007);
  });
});

describe('pushing the same permitNo twice', () => {
  it('stores a second record by default and counts the stores in timesStored', async () => {
    const sandbox = await start();
    const first = await pushOk(sandbox, DOCUMENTED_PUSH);
    const second = await pushOk(sandbox, DOCUMENTED_PUSH);
    await pushOk(sandbox, { ...DOCUMENTED_PUSH, permitNo: 'OTHER' });
    await pushOk(sandbox, MINIMAL_PUSH);
    await pushOk(sandbox, MINIMAL_PUSH);
    expect(first).not.toBe(second);
    expect(sandbox.permits().map((p) => [p.permitNo, p.timesStored])).toEqual([
      ['L4-1138', 2],
      ['L4-1138', 2],
      ['OTHER', 1],
      [null, 1],
      [null, 1],
    ]);
  });

  it('refuses it with 9022 when rejectDuplicatePermitNo is on, until the first is deleted', async () => {
    const sandbox = await start({ rejectDuplicatePermitNo: true });
    const first = await pushOk(sandbox, DOCUMENTED_PUSH);
    const again = await call(sandbox, 'push', { ...DOCUMENTED_PUSH, LicencePlate: 'OTHER1' });
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ ErrorCode: 9022, ErrorMessage: 'A record already exists with the supplied details.' });
    // A push without a permitNo is never a duplicate.
    await pushOk(sandbox, MINIMAL_PUSH);
    await pushOk(sandbox, MINIMAL_PUSH);

    await call(sandbox, 'delete', { apiToken: TOKEN, referenceID: first });
    await pushOk(sandbox, DOCUMENTED_PUSH);
    expect(
      sandbox
        .permits()
        .filter((p) => p.permitNo === 'L4-1138')
        .map((p) => p.timesStored),
    ).toEqual([2, 2]);
  });
});
