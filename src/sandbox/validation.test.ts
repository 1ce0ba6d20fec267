import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, errorBody, httpStatusFor } from './errors';
import { checkPush, checkStatsZones, isOpscomTime, isValidAmount, isValidToken, pick } from './validation';

describe('isOpscomTime', () => {
  it.each([
    '2000-05-30T14:38:22',
    '2018-07-02T09:00:00',
    '2024-02-29T00:00:00',
    '2000-02-29T23:59:59',
    '1999-12-31T23:59:59',
  ])('accepts %s', (value) => expect(isOpscomTime(value)).toBe(true));

  it.each([
    '2018-02-30T09:00:00', // no Feb 30
    '2023-02-29T09:00:00', // not a leap year
    '1900-02-29T09:00:00', // century, not a leap year
    '2018-04-31T09:00:00',
    '2018-00-10T09:00:00',
    '2018-07-00T09:00:00',
    '2018-07-02T24:00:00',
    '2018-07-02T09:60:00',
    '2018-07-02T09:00:60',
    '2018-07-02T09:00:00+00:00',
    '2018-07-02T09:00:00Z',
    '2018-07-02T09:00:00.000',
    '2018-07-02T09:00',
    '2018-07-02 09:00:00',
    '2018-7-2T09:00:00',
    '2018-07-02t09:00:00',
    ' 2018-07-02T09:00:00',
    '2018-07-02T09:00:00\n',
    '',
  ])('refuses %j', (value) => expect(isOpscomTime(value)).toBe(false));
});

describe('isValidAmount', () => {
  it.each(['0.01', '14.50', '999999.99', '1.00', '000001.00'])('accepts %s', (value) =>
    expect(isValidAmount(value)).toBe(true),
  );
  it.each(['14.5', '0.00', '1000000.00', '14', '14.500', '.50', '-1.00', '+1.00', '1e2.00', ' 1.00', '1.00 ', ''])(
    'refuses %j',
    (value) => expect(isValidAmount(value)).toBe(false),
  );
});

describe('isValidToken', () => {
  it('allows 1 to 50 letters, digits and dashes', () => {
    expect(isValidToken('a')).toBe(true);
    expect(isValidToken('A'.repeat(50))).toBe(true);
    expect(isValidToken('DEMO-KIOSK-TOKEN')).toBe(true);
    expect(isValidToken('A'.repeat(51))).toBe(false);
    expect(isValidToken('')).toBe(false);
    expect(isValidToken('tök')).toBe(false);
    expect(isValidToken(5)).toBe(false);
  });
});

describe('pick', () => {
  it('takes the first documented name that carries a value', () => {
    expect(pick({ LicencePlate: 'B', plate: 'A' }, 'plate')).toBe('A');
    expect(pick({ LicencePlate: 'B', plate: '' }, 'plate')).toBe('B');
    expect(pick({ reference_id: 'C', referenceID: 'B' }, 'referenceId')).toBe('B');
    expect(pick({ PLATE: 'A' }, 'plate')).toBeUndefined();
  });
});

describe('checkPush', () => {
  it('counts plate length in characters, not bytes', () => {
    const body = { plate: 'É'.repeat(25), startTime: '2018-07-02T09:00:00', endTime: '2018-07-02T09:30:00' };
    expect(checkPush(body).ok).toBe(true);
    expect(checkPush({ ...body, plate: 'É'.repeat(26) })).toEqual({ ok: false, code: 9021 });
  });
});

describe('checkStatsZones', () => {
  it('splits on commas and trims names', () => {
    expect(checkStatsZones({ zones: 'Lot 01,Lot 02, Red Lot ,,Street parking' })).toEqual({
      ok: true,
      value: ['Lot 01', 'Lot 02', 'Red Lot', 'Street parking'],
    });
  });
});

describe('the error table', () => {
  it('has every documented code with its documented message', () => {
    expect(Object.keys(ERROR_MESSAGES).map(Number)).toEqual([
      9000, 9001, 9002, 9003, 9004, 9005, 9006, 9007, 9008, 9009, 9021, 9022, 9030, 9031, 9032, 9033,
    ]);
    expect(errorBody(9001)).toEqual({ ErrorCode: 9001, ErrorMessage: 'API Token is missing from the request.' });
    expect(errorBody(9000).ErrorMessage).toBe('Client Code is missing from the request.');
    expect(errorBody(9021).ErrorMessage).toBe("The vehicle's plate length exceeds 50 characters.");
  });

  it('maps codes to HTTP statuses for the http style', () => {
    expect([9000, 9001, 9002, 9009, 9022, 9003, 9033].map((code) => httpStatusFor(code as 9000))).toEqual([
      401, 401, 403, 404, 409, 400, 400,
    ]);
  });
});
