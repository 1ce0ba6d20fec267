/**
 * OPSCOM's Permits API as documented, written down as data: one row per request, with the answer a controller
 * that follows the docs gives. The same table drives the sandbox's own tests (src/sandbox/conformance.test.ts)
 * and `npm run conformance`, which checks a real controller (OPSCOM's preview system) before go-live.
 *
 * Sources: OPSCOM's "Permits API" page (push, update, delete, stats; field names and limits) and its "API Error
 * Codes" page. Values here are written out from those pages on purpose — not taken from the sandbox's own
 * constants — so that the sandbox passing this table means something.
 *
 * Three kinds of row (`documented`):
 * - omitted: the docs fix the answer. Any other answer is a FAIL.
 * - 'refusal': the docs say the request is refused, but not with which ErrorCode. `expect` holds the sandbox's
 *   code; another ErrorCode is informational, a success is a FAIL.
 * - false: the docs are silent and `expect` is the sandbox's choice. Any other well-formed answer is
 *   informational, so an integrator can tell us and the sandbox can follow the real controller.
 * A fourth kind, a probe (`finds`), asks something the docs leave open and the kiosk needs as a setting: either
 * of its two answers is INFO, and the run's findings say what to set.
 * An answer that is not JSON with an ErrorCode or the documented success body is always a FAIL.
 */
import type { ErrorCode } from '../sandbox/errors';

export const ENDPOINTS = ['push', 'update', 'delete', 'stats'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

/** What a case's body may use; the runner fills it in for each case. */
export interface CaseContext {
  token: string;
  /** Set for cases with `needs`: the reference id of the permit pushed for this case. */
  referenceId?: string;
  /** Zone names to use (for stats, and the first one for pushes). Never empty. */
  zones: readonly string[];
  now: Date;
  /** Unique per case and run, letters and digits only: makes plates and permit numbers recognisable. */
  uniqueSuffix: string;
}

/** `stats: true` = the stats body `{"data":[{type, zone, total}]}` with `total` a string of digits. */
export type Expectation = { success: true; stats?: true } | { errorCode: ErrorCode };

interface CaseBase {
  /** Stable, dot-separated, starts with the endpoint: `--only push.alias` selects by prefix. */
  id: string;
  title: string;
  endpoint: Endpoint;
  /** True when a controller that accepts the request would create or change a permit. */
  writes: boolean;
  /** A permit pushed (and for 'deleted-permit', then deleted) before the case; its id is `ctx.referenceId`. */
  needs?: 'permit' | 'deleted-permit';
  /** The JSON body as an object, or a raw string sent as-is (for malformed bodies). */
  body: (ctx: CaseContext) => Record<string, unknown> | string;
}

/** A case judged against the docs, or against the sandbox's choice where they are silent. */
export interface CheckCase extends CaseBase {
  expect: Expectation;
  documented?: 'refusal' | false;
  /** For 'refusal' and undocumented rows: what the docs leave open, and what the sandbox chose. */
  why?: string;
  finds?: undefined;
}

/** A kiosk setting, as the Settings screen names it (keep `label` in step with that screen). */
export interface KioskSetting {
  key: 'repeatedTicketRefused';
  label: string;
}
export type SettingValue = 'yes' | 'no' | 'unknown';

export const REPEATED_TICKET_REFUSED: KioskSetting = {
  key: 'repeatedTicketRefused',
  label: 'OPSCOM refuses a repeated ticket number with 9022',
};

/** An answer that settles a setting, and what it means in plain words (the row's `got` says it). */
export interface ProbeAnswer {
  answer: Expectation;
  means: string;
}

/**
 * A case whose answer the kiosk needs as a setting. A check row would PASS one answer and INFO the other, as if
 * the docs preferred one; here both are INFO and the run reports the setting's value. Any other JSON answer
 * leaves it 'unknown'.
 */
export interface ProbeCase extends CaseBase {
  finds: { setting: KioskSetting; yes: ProbeAnswer; no: ProbeAnswer };
  /** What the docs leave open. */
  why: string;
  expect?: undefined;
  documented?: undefined;
}

export type ConformanceCase = CheckCase | ProbeCase;

// ---------------------------------------------------------------------------------------------------------------
// Building blocks

/** OPSCOM's `Y-m-d\TH:i:s`, in UTC (its alias names say `StartDateUtc`; the docs give no zone). */
export function opscomTime(date: Date): string {
  return date.toISOString().slice(0, 19);
}

/** Pushed permits start an hour from now and last an hour, so they never cover a real car's visit. */
const at = (ctx: CaseContext, minutes: number): string => opscomTime(new Date(ctx.now.getTime() + minutes * 60_000));
const START = 60;
const END = 120;
/** Later than END: an update's new end time. */
const LATER = 180;

export const PLATE_PREFIX = 'CONF';
const plate = (ctx: CaseContext): string => `${PLATE_PREFIX}${ctx.uniqueSuffix}`;
const permitNo = (ctx: CaseContext): string => `${PLATE_PREFIX}-${ctx.uniqueSuffix}`;
const zone = (ctx: CaseContext): string => ctx.zones[0] ?? 'Lot 4';
/** Pads a recognisable value to an exact length. */
const sized = (value: string, length: number): string => value.padEnd(length, 'X').slice(0, length);

/** Well-formed (letters, digits, dashes) and surely unknown to any controller. */
export const UNKNOWN_REFERENCE_ID = '00000000-0000-4000-8000-00000c0f0c0f';
const unknownToken = (ctx: CaseContext): string => `CONF-UNKNOWN-TOKEN-${ctx.uniqueSuffix}`;

function referenceId(ctx: CaseContext): string {
  if (ctx.referenceId === undefined) throw new Error('This case needs a pushed permit, but none was given.');
  return ctx.referenceId;
}

function omit(body: Record<string, unknown>, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== key));
}

/**
 * The push example from the docs, field names and order exactly as there (`Amount`, `CurrencyID`,
 * `LicencePlate`, `zone`, `permitNo`), with a recognisable plate and permit number and times in the future.
 * Also the permit the runner pushes for cases that need one.
 */
export function examplePush(ctx: CaseContext): Record<string, unknown> {
  return {
    apiToken: ctx.token,
    Amount: '14.50',
    CurrencyID: 'CAD',
    LicencePlate: plate(ctx),
    zone: zone(ctx),
    permitNo: permitNo(ctx),
    startTime: at(ctx, START),
    endTime: at(ctx, END),
  };
}

/** The required push fields under their first names, plus a permit number so the permit is recognisable. */
function basePush(ctx: CaseContext): Record<string, unknown> {
  return { apiToken: ctx.token, plate: plate(ctx), startTime: at(ctx, START), endTime: at(ctx, END) };
}
const recognisablePush = (ctx: CaseContext): Record<string, unknown> => ({
  ...basePush(ctx),
  permitNo: permitNo(ctx),
});
const pushWith = (ctx: CaseContext, fields: Record<string, unknown>): Record<string, unknown> => ({
  ...recognisablePush(ctx),
  ...fields,
});
const updateWith = (ctx: CaseContext, fields: Record<string, unknown>): Record<string, unknown> => ({
  apiToken: ctx.token,
  referenceID: referenceId(ctx),
  ...fields,
});
/** Cut off mid-way: not JSON. The token is inside so that only the parse can fail. */
const truncated = (body: Record<string, unknown>): string => JSON.stringify(body).slice(0, -12);

// ---------------------------------------------------------------------------------------------------------------
// Field names: every documented alias, each alone carrying its field.

interface Alias {
  /** Documented names, first one first. */
  names: readonly string[];
  value: (ctx: CaseContext) => string;
  label: string;
}

const PUSH_FIELDS: readonly Alias[] = [
  { names: ['plate', 'LicencePlate'], value: plate, label: 'the plate' },
  { names: ['amount', 'Amount'], value: () => '14.50', label: 'the amount' },
  { names: ['currency', 'CurrencyID'], value: () => 'CAD', label: 'the currency' },
  { names: ['startTime', 'StartDateUtc'], value: (ctx) => at(ctx, START), label: 'the start' },
  { names: ['endTime', 'EndDateUtc'], value: (ctx) => at(ctx, END), label: 'the end' },
  { names: ['permitNo', 'TicketNumber'], value: permitNo, label: 'the ticket number' },
  { names: ['zone', 'ParkingZoneName'], value: zone, label: 'the zone' },
];

const UPDATE_FIELDS: readonly Alias[] = [
  { names: ['plate', 'LicencePlate'], value: (ctx) => `${plate(ctx)}U`, label: 'a new plate' },
  { names: ['amount', 'Amount'], value: () => '20.00', label: 'a new amount' },
  { names: ['currency', 'CurrencyID'], value: () => 'USD', label: 'a new currency' },
  { names: ['endTime', 'EndDateUtc'], value: (ctx) => at(ctx, LATER), label: 'a later end' },
];

const REFERENCE_ID_NAMES = ['referenceid', 'referenceID', 'reference_id'] as const;

const pushAliases: ConformanceCase[] = PUSH_FIELDS.flatMap(({ names, value, label }) =>
  names.map((name): ConformanceCase => ({
    id: `push.alias.${name}`,
    title: `Push with ${label} sent as "${name}"`,
    endpoint: 'push',
    writes: true,
    // The first name is dropped so that the name under test alone carries the field.
    body: (ctx) => ({ ...omit(recognisablePush(ctx), names[0] ?? name), [name]: value(ctx) }),
    expect: { success: true },
  })),
);

const updateAliases: ConformanceCase[] = [
  ...REFERENCE_ID_NAMES.map((name): ConformanceCase => ({
    id: `update.alias.${name}`,
    title: `Update naming the permit by "${name}"`,
    endpoint: 'update',
    writes: true,
    needs: 'permit',
    body: (ctx) => ({ apiToken: ctx.token, [name]: referenceId(ctx), endTime: at(ctx, LATER) }),
    expect: { success: true },
  })),
  // Each sends one field only: update changes just what it is given.
  ...UPDATE_FIELDS.flatMap(({ names, value, label }) =>
    names.map((name): ConformanceCase => ({
      id: `update.alias.${name}`,
      title: `Update sending only ${label}, as "${name}"`,
      endpoint: 'update',
      writes: true,
      needs: 'permit',
      body: (ctx) => updateWith(ctx, { [name]: value(ctx) }),
      expect: { success: true },
    })),
  ),
];

const deleteAliases: ConformanceCase[] = REFERENCE_ID_NAMES.map((name): ConformanceCase => ({
  id: `delete.alias.${name}`,
  title: `Delete naming the permit by "${name}"`,
  endpoint: 'delete',
  writes: true,
  needs: 'permit',
  body: (ctx) => ({ apiToken: ctx.token, [name]: referenceId(ctx) }),
  expect: { success: true },
}));

// ---------------------------------------------------------------------------------------------------------------
// Cases every endpoint shares: the token, and a body that is not JSON. None of them can change anything on a
// controller that checks its token and parses its body, so they run without --allow-writes.

/** A request that would be valid apart from the token: so 9001/9002 can only be about the token. */
const VALID_WITHOUT_TOKEN: Record<Endpoint, (ctx: CaseContext) => Record<string, unknown>> = {
  push: (ctx) => omit(examplePush(ctx), 'apiToken'),
  update: (ctx) => ({ referenceID: UNKNOWN_REFERENCE_ID, endTime: at(ctx, LATER) }),
  delete: () => ({ referenceID: UNKNOWN_REFERENCE_ID }),
  stats: (ctx) => ({ zones: ctx.zones.join(',') }),
};

const sharedCases: ConformanceCase[] = ENDPOINTS.flatMap((endpoint): ConformanceCase[] => [
  {
    id: `${endpoint}.token.missing`,
    title: `${endpoint} without apiToken`,
    endpoint,
    writes: false,
    body: (ctx) => VALID_WITHOUT_TOKEN[endpoint](ctx),
    expect: { errorCode: 9001 },
  },
  {
    id: `${endpoint}.token.unknown`,
    title: `${endpoint} with a token OPSCOM never issued`,
    endpoint,
    writes: false,
    body: (ctx) => ({ apiToken: unknownToken(ctx), ...VALID_WITHOUT_TOKEN[endpoint](ctx) }),
    expect: { errorCode: 9002 },
  },
  {
    id: `${endpoint}.body.not-json`,
    title: `${endpoint} with a body cut off mid-way (not JSON)`,
    endpoint,
    writes: false,
    body: (ctx) => truncated({ apiToken: ctx.token, ...VALID_WITHOUT_TOKEN[endpoint](ctx) }),
    expect: { errorCode: 9003 },
  },
]);

// ---------------------------------------------------------------------------------------------------------------
// The table

const STRING_TYPE = 'The docs type this field as a string but do not say what a controller does with another JSON type';

const TABLE: readonly ConformanceCase[] = [
  // --- push: the documented example and every field name
  {
    id: 'push.example',
    title: 'The documented push example (LicencePlate, Amount, CurrencyID, zone, permitNo)',
    endpoint: 'push',
    writes: true,
    body: examplePush,
    expect: { success: true },
  },
  ...pushAliases,
  {
    id: 'push.zone.unknown',
    title: 'Push to a zone OPSCOM does not know',
    endpoint: 'push',
    writes: true,
    // Documented: "If the zone does not match a zone in our system, it will be a disconnected record".
    body: (ctx) => pushWith(ctx, { zone: `CONF no such zone ${ctx.uniqueSuffix}` }),
    expect: { success: true },
  },

  // --- push: the body itself
  {
    id: 'push.body.empty',
    title: 'Push with an empty body',
    endpoint: 'push',
    writes: false,
    body: () => '',
    expect: { errorCode: 9003 },
    documented: 'refusal',
    why: 'An empty body carries no token, so it is refused; whether as "could not parse" (9003, the sandbox) or "token missing" (9001) is not documented.',
  },
  {
    id: 'push.body.json-array',
    title: 'Push whose body is a JSON array holding the request',
    endpoint: 'push',
    writes: false,
    body: (ctx) => JSON.stringify([examplePush(ctx)]),
    expect: { errorCode: 9003 },
    documented: 'refusal',
    why: 'The docs say "the request object"; an array parses as JSON but is not one. The sandbox answers 9003; a controller may also answer 9001.',
  },
  {
    id: 'push.body.json-string',
    title: 'Push whose body is the request encoded twice (a JSON string)',
    endpoint: 'push',
    writes: false,
    body: (ctx) => JSON.stringify(JSON.stringify(examplePush(ctx))),
    expect: { errorCode: 9003 },
    documented: 'refusal',
    why: 'A JSON string parses as JSON but is not the request object. The sandbox answers 9003; a controller may also answer 9001.',
  },

  // --- push: plate
  {
    id: 'push.plate.missing',
    title: 'Push without a plate',
    endpoint: 'push',
    writes: true,
    body: (ctx) => omit(recognisablePush(ctx), 'plate'),
    expect: { errorCode: 9006 },
  },
  {
    id: 'push.plate.25-chars',
    title: 'Push with a plate of 25 characters (the documented limit)',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { plate: sized(plate(ctx), 25) }),
    expect: { success: true },
  },
  {
    id: 'push.plate.26-chars',
    title: 'Push with a plate of 26 characters',
    endpoint: 'push',
    writes: true,
    // The field table says 25; the 9021 message says 50. The table is the stricter one, and the one we honour.
    body: (ctx) => pushWith(ctx, { plate: sized(plate(ctx), 26) }),
    expect: { errorCode: 9021 },
  },
  {
    id: 'push.plate.51-chars',
    title: 'Push with a plate of 51 characters',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { plate: sized(plate(ctx), 51) }),
    expect: { errorCode: 9021 },
  },
  {
    id: 'push.plate.not-a-string',
    title: 'Push with the plate as a JSON number',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { plate: 1138 }),
    expect: { errorCode: 9033 },
    documented: false,
    why: `${STRING_TYPE}; the sandbox answers 9033 (field value invalid), a lenient controller may store "1138".`,
  },

  // --- push: end time
  {
    id: 'push.end.missing',
    title: 'Push without an end time',
    endpoint: 'push',
    writes: true,
    body: (ctx) => omit(recognisablePush(ctx), 'endTime'),
    expect: { errorCode: 9004 },
  },
  {
    id: 'push.end.offset',
    title: 'Push with an end time carrying a zone offset (+00:00)',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: `${at(ctx, END)}+00:00` }),
    expect: { errorCode: 9005 },
  },
  {
    id: 'push.end.iso-string',
    title: "Push with an end time as JavaScript's toISOString() writes it (milliseconds and Z)",
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: `${at(ctx, END)}.000Z` }),
    expect: { errorCode: 9005 },
  },
  {
    id: 'push.end.no-seconds',
    title: 'Push with an end time without seconds',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: at(ctx, END).slice(0, 16) }),
    expect: { errorCode: 9005 },
  },
  {
    id: 'push.end.date-only',
    title: 'Push with an end time that is only a date',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: at(ctx, 2 * 24 * 60).slice(0, 10) }),
    expect: { errorCode: 9005 },
  },
  {
    id: 'push.end.feb-30',
    title: 'Push ending on 30 February',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: `${ctx.now.getUTCFullYear() + 1}-02-30T10:00:00` }),
    expect: { errorCode: 9005 },
    documented: false,
    why: 'The docs fix the format (Y-m-d\\TH:i:s), which 30 February has; PHP reads it as 2 March unless the controller checks. The sandbox refuses it (9005).',
  },
  {
    id: 'push.end.before-start',
    title: 'Push ending before it starts',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { startTime: at(ctx, END), endTime: at(ctx, START) }),
    expect: { errorCode: 9005 },
    documented: false,
    why: 'The docs do not say the end must follow the start. The sandbox refuses it (9005).',
  },
  {
    id: 'push.end.not-a-string',
    title: 'Push with the end time as a Unix timestamp (JSON number)',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { endTime: Math.floor(ctx.now.getTime() / 1000) + END * 60 }),
    expect: { errorCode: 9005 },
    documented: false,
    why: `${STRING_TYPE}. The sandbox answers 9005 (end time invalid).`,
  },

  // --- push: start time
  {
    id: 'push.start.missing',
    title: 'Push without a start time',
    endpoint: 'push',
    writes: true,
    body: (ctx) => omit(recognisablePush(ctx), 'startTime'),
    expect: { errorCode: 9031 },
    documented: 'refusal',
    why: 'The start is required, but no code is listed for a missing start; the sandbox answers 9031 (field required).',
  },
  {
    id: 'push.start.invalid',
    title: 'Push with a start time using a space instead of T',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { startTime: at(ctx, START).replace('T', ' ') }),
    expect: { errorCode: 9007 },
    documented: 'refusal',
    why: 'The docs list "The start time value is invalid." but the number 9007 is not certain.',
  },
  {
    id: 'push.start.past',
    title: "Push with the documented example's own times (July 2018, in the past)",
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { startTime: '2018-07-02T09:00:00', endTime: '2018-07-02T09:30:00' }),
    expect: { success: true },
    documented: false,
    why: 'The docs do not say whether a permit may lie in the past. The sandbox accepts it.',
  },

  // --- push: amount
  {
    id: 'push.amount.min',
    title: 'Push with the smallest amount, "0.01"',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { amount: '0.01' }),
    expect: { success: true },
  },
  {
    id: 'push.amount.max',
    title: 'Push with the largest amount, "999999.99"',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { amount: '999999.99' }),
    expect: { success: true },
  },
  ...(
    [
      ['one-penny-digit', '"14.5" (one penny digit)', '14.5'],
      ['zero', '"0.00" (below the minimum)', '0.00'],
      ['over-max', '"1000000.00" (above the maximum, 10 characters)', '1000000.00'],
      ['number', '14.5 as a JSON number', 14.5],
    ] as const
  ).map(([name, what, amount]): ConformanceCase => ({
    id: `push.amount.${name}`,
    title: `Push with the amount ${what}`,
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { amount }),
    expect: { errorCode: 9033 },
    documented: 'refusal',
    why: 'The docs rule it out ("at least 3 digits, two of which are penny values", $0.01 to $999999.99, a string) but give no code; the sandbox answers 9033 (field value invalid).',
  })),

  // --- push: currency, ticket number, zone
  {
    id: 'push.currency.11-chars',
    title: 'Push with a currency of 11 characters',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { currency: 'CADCADCADCA' }),
    expect: { errorCode: 9030 },
    documented: 'refusal',
    why: 'Too long (limit 10) is 9030, but the docs also list CAD and USD as its values; a controller that checks those first may answer 9033.',
  },
  {
    id: 'push.currency.other',
    title: 'Push with a currency other than CAD and USD ("EUR")',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { currency: 'EUR' }),
    expect: { success: true },
    documented: false,
    why: 'The docs say "CAD, USD" without saying whether other currencies are refused. The sandbox accepts any up to 10 characters.',
  },
  {
    id: 'push.permitNo.51-chars',
    title: 'Push with a ticket number of 51 characters',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { permitNo: sized(permitNo(ctx), 51) }),
    expect: { errorCode: 9030 },
  },
  {
    id: 'push.permitNo.not-a-string',
    title: 'Push with the ticket number as a JSON number',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { permitNo: 1138 }),
    expect: { errorCode: 9033 },
    documented: false,
    why: `${STRING_TYPE}; the sandbox answers 9033 (field value invalid), a lenient controller may store "1138".`,
  },
  {
    id: 'push.zone.201-chars',
    title: 'Push with a zone name of 201 characters',
    endpoint: 'push',
    writes: true,
    body: (ctx) => pushWith(ctx, { zone: sized(`CONF zone ${ctx.uniqueSuffix} `, 201) }),
    expect: { errorCode: 9030 },
  },
  {
    id: 'push.repeat.permitNo',
    title: 'Push the same body again, same ticket number (the first permit still exists)',
    endpoint: 'push',
    writes: true,
    needs: 'permit',
    // The permit pushed for this case is examplePush(ctx): this sends the very same body a second time.
    body: examplePush,
    finds: {
      setting: REPEATED_TICKET_REFUSED,
      yes: { answer: { errorCode: 9022 }, means: 'refused as already stored' },
      no: { answer: { success: true }, means: 'accepted again, not refused' },
    },
    why: 'The docs do not say whether a repeated push is refused with 9022 ("A record already exists"); the answer is the value of a kiosk setting, printed at the end. The sandbox stores the repeat unless started with rejectDuplicatePermitNo.',
  },

  // --- update
  {
    id: 'update.example',
    title: 'The documented update example (referenceID, plate, Amount, currency, endTime)',
    endpoint: 'update',
    writes: true,
    needs: 'permit',
    body: (ctx) =>
      updateWith(ctx, { plate: `${plate(ctx)}U`, Amount: '14.50', currency: 'CAD', endTime: at(ctx, LATER) }),
    expect: { success: true },
  },
  ...updateAliases,
  {
    id: 'update.nothing',
    title: 'Update naming a permit but changing no field',
    endpoint: 'update',
    writes: true,
    needs: 'permit',
    body: (ctx) => updateWith(ctx, {}),
    expect: { success: true },
    documented: false,
    why: 'Every update field is optional; the docs do not say whether an update with none is refused. The sandbox accepts it.',
  },
  {
    id: 'update.reference.missing',
    title: 'Update without a reference id',
    endpoint: 'update',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, endTime: at(ctx, LATER) }),
    expect: { errorCode: 9008 },
  },
  {
    id: 'update.reference.unknown',
    title: 'Update of a reference id OPSCOM never issued',
    endpoint: 'update',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, referenceID: UNKNOWN_REFERENCE_ID, endTime: at(ctx, LATER) }),
    expect: { errorCode: 9009 },
  },
  {
    id: 'update.deleted',
    title: 'Update of a permit that was deleted',
    endpoint: 'update',
    writes: true,
    needs: 'deleted-permit',
    body: (ctx) => updateWith(ctx, { endTime: at(ctx, LATER) }),
    expect: { errorCode: 9009 },
    documented: false,
    why: 'The docs do not say what happens to a deleted permit\'s record. The sandbox answers 9009 ("Record not found").',
  },
  {
    id: 'update.end.invalid',
    title: 'Update with an end time without seconds',
    endpoint: 'update',
    writes: true,
    needs: 'permit',
    body: (ctx) => updateWith(ctx, { endTime: at(ctx, LATER).slice(0, 16) }),
    expect: { errorCode: 9005 },
  },
  {
    id: 'update.plate.26-chars',
    title: 'Update with a plate of 26 characters',
    endpoint: 'update',
    writes: true,
    needs: 'permit',
    body: (ctx) => updateWith(ctx, { plate: sized(plate(ctx), 26) }),
    expect: { errorCode: 9021 },
  },

  // --- delete
  {
    id: 'delete.example',
    title: 'The documented delete example (referenceID)',
    endpoint: 'delete',
    writes: true,
    needs: 'permit',
    body: (ctx) => ({ apiToken: ctx.token, referenceID: referenceId(ctx) }),
    expect: { success: true },
  },
  ...deleteAliases,
  {
    id: 'delete.reference.missing',
    title: 'Delete without a reference id',
    endpoint: 'delete',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token }),
    expect: { errorCode: 9008 },
  },
  {
    id: 'delete.reference.unknown',
    title: 'Delete of a reference id OPSCOM never issued',
    endpoint: 'delete',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, referenceID: UNKNOWN_REFERENCE_ID }),
    expect: { errorCode: 9009 },
  },
  {
    id: 'delete.deleted',
    title: 'Delete of a permit that was already deleted',
    endpoint: 'delete',
    writes: true,
    needs: 'deleted-permit',
    body: (ctx) => ({ apiToken: ctx.token, referenceID: referenceId(ctx) }),
    expect: { errorCode: 9009 },
    documented: false,
    why: 'The docs do not say whether a second delete succeeds again or is "Record not found". The sandbox answers 9009; a kiosk retrying a delete whose answer was lost sees this.',
  },

  // --- stats
  {
    id: 'stats.example',
    title: 'The documented stats example (comma-delimited zones, e.g. "Lot 1,Lot 2")',
    endpoint: 'stats',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, zones: ctx.zones.join(',') }),
    expect: { success: true, stats: true },
  },
  {
    id: 'stats.zones.spaced',
    title: 'Stats with a space after each comma in zones (e.g. "Lot 1, Lot 2")',
    endpoint: 'stats',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, zones: ctx.zones.join(', ') }),
    expect: { success: true, stats: true },
  },
  {
    id: 'stats.zones.none',
    title: 'Stats without zones (zones is optional)',
    endpoint: 'stats',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token }),
    expect: { success: true, stats: true },
  },
  {
    id: 'stats.zones.not-a-string',
    title: 'Stats with zones as a JSON array instead of a comma-delimited string',
    endpoint: 'stats',
    writes: false,
    body: (ctx) => ({ apiToken: ctx.token, zones: [...ctx.zones] }),
    expect: { errorCode: 9033 },
    documented: false,
    why: `${STRING_TYPE}. The sandbox answers 9033 (field value invalid).`,
  },

  ...sharedCases,
];

/** The table, grouped by endpoint (push, update, delete, stats) and otherwise in the order written above. */
export const CASES: readonly ConformanceCase[] = ENDPOINTS.flatMap((endpoint) =>
  TABLE.filter((c) => c.endpoint === endpoint),
);

/** Cases whose id starts with any of the prefixes (all cases when none are given). */
export function selectCases(prefixes: readonly string[], cases: readonly ConformanceCase[] = CASES): ConformanceCase[] {
  if (prefixes.length === 0) return [...cases];
  return cases.filter((c) => prefixes.some((prefix) => c.id.startsWith(prefix)));
}

/** Whether a case may only run with --allow-writes. */
export function mayWrite(c: ConformanceCase): boolean {
  return c.writes || c.needs !== undefined;
}
