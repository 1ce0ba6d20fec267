/**
 * OPSCOM's field rules as documented: accepted names, limits, and which error code each failure gives.
 * Pure functions over the parsed JSON body; nothing here knows about HTTP or the store.
 */
import type { ErrorCode } from './errors';

export type RequestBody = Record<string, unknown>;
export type Check<T> = { ok: true; value: T } | { ok: false; code: ErrorCode };

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const fail = (code: ErrorCode): { ok: false; code: ErrorCode } => ({ ok: false, code });

/** Tokens and reference ids share one documented rule: up to 50 letters, digits and dashes. */
export const TOKEN_PATTERN = /^[A-Za-z0-9-]{1,50}$/;
const REFERENCE_ID_PATTERN = TOKEN_PATTERN;
/** PHP `Y-m-d\TH:i:s`: no offset, no fraction, seconds required. */
const TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
/** "At least 3 digits, two of which are penny values", at most 9 characters. */
const AMOUNT_PATTERN = /^\d{1,6}\.\d{2}$/;

export const LIMITS = { plate: 25, amount: 9, currency: 10, permitNo: 50, zone: 200 } as const;
const MIN_AMOUNT_CENTS = 1;
const MAX_AMOUNT_CENTS = 99_999_999;

/**
 * Every accepted name of each field, in the documented order. When a body carries more than one alias of the
 * same field, the first listed wins (the canonical name first, e.g. `plate` before `LicencePlate`): OPSCOM
 * does not say, and a fixed, documented rule is easier to test against than "whichever".
 */
export const FIELD_NAMES = {
  apiToken: ['apiToken'],
  referenceId: ['referenceid', 'referenceID', 'reference_id'],
  amount: ['amount', 'Amount'],
  currency: ['currency', 'CurrencyID'],
  startTime: ['startTime', 'StartDateUtc'],
  endTime: ['endTime', 'EndDateUtc'],
  plate: ['plate', 'LicencePlate'],
  permitNo: ['permitNo', 'TicketNumber'],
  zone: ['zone', 'ParkingZoneName'],
  zones: ['zones'],
} as const;
export type FieldName = keyof typeof FIELD_NAMES;

export function isRequestBody(value: unknown): value is RequestBody {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The value sent for a field, or undefined when none of its names carries one. `null` and `""` count as not
 * sent (PHP's `isset`/`empty` habit); required fields then fail with their "required" code.
 */
export function pick(body: RequestBody, field: FieldName): unknown {
  for (const name of FIELD_NAMES[field]) {
    // Object.hasOwn so that names like `constructor` never read from the prototype.
    if (!Object.hasOwn(body, name)) continue;
    const value = body[name];
    if (value !== undefined && value !== null && value !== '') return value;
  }
  return undefined;
}

/** Length in characters (code points), not UTF-16 units or bytes. */
function charLength(text: string): number {
  return [...text].length;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The exact shape AND a real calendar moment: no Feb 30, no 24:00:00, no 12:60. */
export function isOpscomTime(value: string): boolean {
  const match = TIME_PATTERN.exec(value);
  if (match === null) return false;
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hours <= 23 &&
    minutes <= 59 &&
    seconds <= 59
  );
}

/** Times in the fixed `YYYY-MM-DDTHH:MM:SS` shape order correctly as plain strings. */
export function isTimeAfter(later: string, earlier: string): boolean {
  return later > earlier;
}

/** The wire carries no offset; the alias names (`StartDateUtc`) say UTC, so the sandbox reads them as UTC. */
export function opscomTimeToMillis(value: string): number {
  return Date.parse(`${value}Z`);
}

export function isValidToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_PATTERN.test(value);
}

export function isValidAmount(value: string): boolean {
  if (value.length > LIMITS.amount || !AMOUNT_PATTERN.test(value)) return false;
  const cents = Number(value.replace('.', ''));
  return cents >= MIN_AMOUNT_CENTS && cents <= MAX_AMOUNT_CENTS;
}

export function checkToken(body: RequestBody, accepted: ReadonlySet<string>): Check<string> {
  const token = pick(body, 'apiToken');
  if (token === undefined) return fail(9001);
  if (!isValidToken(token) || !accepted.has(token)) return fail(9002);
  return ok(token);
}

/** A malformed id can never name a record, so it is "not found" rather than a format error. */
export function checkReferenceId(body: RequestBody): Check<string> {
  const id = pick(body, 'referenceId');
  if (id === undefined) return fail(9008);
  if (typeof id !== 'string' || !REFERENCE_ID_PATTERN.test(id)) return fail(9009);
  return ok(id);
}

function checkPlate(value: unknown): Check<string> {
  if (value === undefined) return fail(9006);
  if (typeof value !== 'string') return fail(9033);
  if (value.trim() === '') return fail(9006);
  if (charLength(value) > LIMITS.plate) return fail(9021);
  return ok(value);
}

function checkTime(value: unknown, missing: ErrorCode, invalid: ErrorCode): Check<string> {
  if (value === undefined) return fail(missing);
  if (typeof value !== 'string' || !isOpscomTime(value)) return fail(invalid);
  return ok(value);
}

function checkAmount(value: unknown): Check<string | null> {
  if (value === undefined) return ok(null);
  if (typeof value !== 'string' || !isValidAmount(value)) return fail(9033);
  return ok(value);
}

function checkText(value: unknown, max: number): Check<string | null> {
  if (value === undefined) return ok(null);
  if (typeof value !== 'string') return fail(9033);
  if (charLength(value) > max) return fail(9030);
  return ok(value);
}

export interface PushInput {
  plate: string;
  startTime: string;
  endTime: string;
  amount: string | null;
  currency: string | null;
  permitNo: string | null;
  zone: string | null;
}

/** Checks in a fixed order so one body always yields one code: plate, end, start, end>start, then optionals. */
export function checkPush(body: RequestBody): Check<PushInput> {
  const plate = checkPlate(pick(body, 'plate'));
  if (!plate.ok) return plate;
  const endTime = checkTime(pick(body, 'endTime'), 9004, 9005);
  if (!endTime.ok) return endTime;
  // The docs list no code for a missing start; 9031 is the generic "field required".
  const startTime = checkTime(pick(body, 'startTime'), 9031, 9007);
  if (!startTime.ok) return startTime;
  if (!isTimeAfter(endTime.value, startTime.value)) return fail(9005);
  const amount = checkAmount(pick(body, 'amount'));
  if (!amount.ok) return amount;
  const currency = checkText(pick(body, 'currency'), LIMITS.currency);
  if (!currency.ok) return currency;
  const permitNo = checkText(pick(body, 'permitNo'), LIMITS.permitNo);
  if (!permitNo.ok) return permitNo;
  const zone = checkText(pick(body, 'zone'), LIMITS.zone);
  if (!zone.ok) return zone;
  return ok({
    plate: plate.value,
    startTime: startTime.value,
    endTime: endTime.value,
    amount: amount.value,
    currency: currency.value,
    permitNo: permitNo.value,
    zone: zone.value,
  });
}

/** Only the fields update documents; anything else in the body (permitNo, zone, startTime) is ignored. */
export interface UpdateChanges {
  endTime?: string;
  plate?: string;
  amount?: string;
  currency?: string;
}

/**
 * Field rules for update; whether the new end is after the stored start needs the record, so the caller
 * checks that. Update's plate is optional, but an explicitly blank one is still "Plate is required".
 */
export function checkUpdate(body: RequestBody): Check<UpdateChanges> {
  const changes: UpdateChanges = {};
  const endTime = pick(body, 'endTime');
  if (endTime !== undefined) {
    const checked = checkTime(endTime, 9005, 9005);
    if (!checked.ok) return checked;
    changes.endTime = checked.value;
  }
  const plate = pick(body, 'plate');
  const blankPlate = FIELD_NAMES.plate.some((name) => Object.hasOwn(body, name) && body[name] === '');
  if (plate !== undefined || blankPlate) {
    const checked = checkPlate(plate);
    if (!checked.ok) return checked;
    changes.plate = checked.value;
  }
  const amount = checkAmount(pick(body, 'amount'));
  if (!amount.ok) return amount;
  if (amount.value !== null) changes.amount = amount.value;
  const currency = checkText(pick(body, 'currency'), LIMITS.currency);
  if (!currency.ok) return currency;
  if (currency.value !== null) changes.currency = currency.value;
  return ok(changes);
}

/**
 * Zone names as OPSCOM's stats filter takes them, and as the sandbox and conformance CLIs take --zones:
 * comma-delimited, spaces around names ignored ("Lot 1, Lot 2"), empty entries dropped.
 */
export function zoneNames(list: string): string[] {
  return list
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The zones filter (see zoneNames). null means "all zones" — also when the string names no zone at all. */
export function checkStatsZones(body: RequestBody): Check<string[] | null> {
  const zones = pick(body, 'zones');
  if (zones === undefined) return ok(null);
  if (typeof zones !== 'string') return fail(9033);
  const names = zoneNames(zones);
  return ok(names.length === 0 ? null : names);
}
