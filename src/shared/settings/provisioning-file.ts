import { z } from 'zod';
import { checkPinHash } from './pin-hash';
import { isProblemCode, problemMessage, type Problem, type ProblemParams } from '../errors/problems';
import { settingFields } from './setting-fields';

/**
 * `kiosk-provision.json` (#13): one file IT writes once and copies to every kiosk of a site, so that a new kiosk
 * is ready to sell with no taps. Its values are the Settings screen's own (`settingFields`, same rules and
 * words) plus the admin PIN as a hash. Three things are refused by name rather than as unknown keys:
 *
 * - the API token: the file is copied to 30 machines, e-mailed and kept in a repository, so it must hold nothing
 *   that is worth stealing; the token comes from `--token-file` or `OPSCOM_TOKEN`;
 * - the admin PIN in clear: only its scrypt hash (`npm run provision -- --hash-pin`);
 * - the kiosk id: each kiosk makes its own, because ticket numbers start with it.
 *
 * Two more are refused wherever they stand, at any depth: `__proto__`, `constructor` and `prototype`, which zod
 * would otherwise drop without a word inside a zone. And the PIN hash's scrypt parameters are bounded
 * (src/shared/settings/pin-hash.ts), the refusal naming the one out of bounds.
 */
export const PROVISION_FILE_NAME = 'kiosk-provision.json';

/** The settings a provisioning file may set, in the order `--check` reports them. */
export const PROVISIONABLE_KEYS = [
  'controllerUrl',
  'kioskName',
  'zones',
  'homeRegions',
  'language',
  'timeMode',
  'idleResetSeconds',
  'outboxConcurrency',
  'requestSoftTimeoutMs',
  'requestHardTimeoutMs',
  'repeatedTicketRefused',
  'refundPinAboveCents',
  'drawerToleranceCents',
  'plateFixWindowMinutes',
  'printerName',
  'receiptWidth',
  'metricsListen',
  'pushgatewayUrl',
  'pushIntervalSeconds',
] as const satisfies ReadonlyArray<keyof typeof settingFields>;

/**
 * Settings other work on #13 adds (the update feed and its maintenance hour): provisionable as soon as the
 * settings have them, with the settings' own rules, and unknown keys until then.
 */
const LATER_KEYS = ['updateFeedUrl', 'maintenanceHour'] as const;

/** `scrypt$N$r$p$salt$hash`, as src/main/core/settings/admin-pin.ts writes it. */
const PIN_HASH = /^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$/;

const REFUSED: Record<string, Problem['code']> = {
  token: 'provision-token-refused',
  apiToken: 'provision-token-refused',
  opscomToken: 'provision-token-refused',
  OPSCOM_TOKEN: 'provision-token-refused',
  adminPin: 'provision-plain-pin-refused',
  pin: 'provision-plain-pin-refused',
  kioskId: 'provision-kiosk-id-refused',
};

const fields = settingFields as Record<string, z.ZodType | undefined>;
const laterShape = Object.fromEntries(
  LATER_KEYS.flatMap((key) => {
    const schema = fields[key];
    return schema ? [[key, schema.optional()]] : [];
  }),
);

const pickMask = Object.fromEntries(PROVISIONABLE_KEYS.map((key) => [key, true])) as {
  [K in (typeof PROVISIONABLE_KEYS)[number]]: true;
};

export const ProvisionSchema = z
  .object(settingFields)
  .pick(pickMask)
  .extend({
    adminPinHash: z
      .string({ error: 'provision-pin-hash-format' })
      .regex(PIN_HASH, 'provision-pin-hash-format')
      .superRefine((hash, ctx) => {
        const checked = checkPinHash(hash);
        if (checked.ok || checked.reason !== 'bounds') return;
        const { part, value, min, max } = checked;
        ctx.addIssue({ code: 'custom', message: 'provision-pin-hash-bounds', params: { part, value, min, max } });
      }),
  })
  // Typed as nothing: their types are the settings', which this file does not know yet.
  .extend(laterShape as Record<never, z.ZodType>)
  .partial()
  .strict()
  .superRefine((value, ctx) => {
    const { requestSoftTimeoutMs: soft, requestHardTimeoutMs: hard } = value;
    if (soft !== undefined && hard !== undefined && hard < soft)
      ctx.addIssue({ code: 'custom', path: ['requestHardTimeoutMs'], message: 'hard-below-soft' });
  });
export type Provision = z.infer<typeof ProvisionSchema> & Record<string, unknown>;

export type ProvisionCheck = { ok: true; provision: Provision } | { ok: false; errors: string[] };

/** The keys a provisioning file may hold: known now, with the later ones once the settings have them. */
export function provisionableKeys(): string[] {
  return [...PROVISIONABLE_KEYS, ...Object.keys(laterShape), 'adminPinHash'];
}

/** A file's text, checked: its values, or every problem as `path: words` in English (IT reads a terminal). */
export function checkProvisionText(text: string): ProvisionCheck {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [words({ code: 'provision-not-json', params: { detail: (error as Error).message } })] };
  }
  return checkProvision(raw);
}

export function checkProvision(raw: unknown): ProvisionCheck {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [words({ code: 'provision-not-object' })] };
  const errors = reservedKeyPaths(raw).map((at) => `${pathText(at)}: ${words({ code: 'provision-reserved-key' })}`);
  const known = new Set(provisionableKeys());
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const refused = REFUSED[key];
    if (RESERVED_KEYS.has(key))
      continue; // already said
    else if (refused) errors.push(`${key}: ${words({ code: refused })}`);
    else if (!known.has(key)) errors.push(`${key}: ${words({ code: 'provision-unknown-key' })}`);
    else rest[key] = value;
  }
  const parsed = ProvisionSchema.safeParse(rest);
  if (!parsed.success)
    errors.push(...parsed.error.issues.map((issue) => `${pathText(issue.path)}: ${issueWords(issue)}`));
  return errors.length ? { ok: false, errors } : { ok: true, provision: parsed.data as Provision };
}

/** Names that reach an object's prototype when code copies keys: refused by name, never silently dropped. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Where reserved keys stand in a parsed file, at any depth. `JSON.parse` makes `__proto__` an own key like any
 * other, so walking own keys finds it. A stack, not recursion: a deeply nested file cannot overflow it.
 */
function reservedKeyPaths(raw: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: Array<{ value: unknown; at: PropertyKey[] }> = [{ value: raw, at: [] }];
  while (stack.length) {
    const { value, at } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    const entries: Array<[PropertyKey, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.entries(value);
    for (const [key, item] of entries) {
      if (typeof key === 'string' && RESERVED_KEYS.has(key)) found.push([...at, key]);
      else stack.push({ value: item, at: [...at, key] });
    }
  }
  return found.sort((a, b) => pathText(a).localeCompare(pathText(b)));
}

/** `zones[1].centsPerHour`, as IT would point at it in the file. */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    '',
  );
}

function issueWords(issue: z.core.$ZodIssue): string {
  if (isProblemCode(issue.message)) {
    const params = issue.code === 'custom' ? (issue.params as ProblemParams | undefined) : undefined;
    return words(params ? { code: issue.message, params } : { code: issue.message });
  }
  if (issue.code === 'invalid_type')
    return words({ code: 'provision-wrong-type', params: { expected: issue.expected } });
  if (issue.code === 'invalid_value')
    return words({ code: 'provision-one-of', params: { values: issue.values.map(String).join(', ') } });
  return words({ code: 'provision-invalid' });
}

function words(problem: Problem): string {
  return problemMessage(problem);
}
