import { channels } from '../../../../shared/contract';
import { isProblemCode } from '../../../../shared/errors/problems';
import type { Language } from '../../../../shared/language';
import type { ReceiptWidth, SettingsView, ZoneRate } from '../../../../shared/settings/settings-view';
import type { RegionCode } from '../../../../shared/plates/plate-formats';

type RepeatedTicketRefused = SettingsView['repeatedTicketRefused'];
import type { SettingsChanges } from './settings-slice';
import type { Catalog } from '../../i18n/catalog';

/**
 * The settings form as the supervisor edits it (numbers as typed text) and what a Save sends: only what changed,
 * checked first with the very schema main applies, so every field's problem shows at once.
 */
export interface ZoneDraft {
  /** Stable across edits, for React keys: names change while typing. */
  key: number;
  name: string;
  currency: string;
  centsPerHour: string;
  maxCents: string;
  /** Minutes separated by spaces, e.g. "30 60 120". */
  presets: string;
}

export interface SettingsDraft {
  controllerUrl: string;
  /** Write-only: always starts empty; empty means "keep the token in force". */
  apiToken: string;
  /** The supervisor confirmed sending the stored token to a new controller address (shown by host). */
  useStoredToken: boolean;
  /** The supervisor accepted that, with no keyring here, a new token is only obscured at rest. */
  acceptObscuredToken: boolean;
  kioskId: string;
  kioskName: string;
  zones: ZoneDraft[];
  timeMode: 'utc' | 'local';
  language: Language;
  outboxConcurrency: string;
  /** Seconds as typed; main keeps milliseconds. */
  requestSoftTimeoutSeconds: string;
  requestHardTimeoutSeconds: string;
  repeatedTicketRefused: RepeatedTicketRefused;
  idleResetSeconds: string;
  /** The plate check's home regions, in the order tapped (the first one's corrections are offered first). */
  homeRegions: RegionCode[];
  /** Empty means "keep the current PIN". */
  newAdminPin: string;
  /** The money settings, as typed: cents (the screen shows the amount beside), and minutes. */
  refundPinAboveCents: string;
  drawerToleranceCents: string;
  plateFixWindowMinutes: string;
  /** The receipt roll, and the printer chosen from the list ('' = the print dialog or the system default). */
  receiptWidth: ReceiptWidth;
  printerName: string;
  /** Fleet monitoring: the /metrics address and the Pushgateway ('' = off), and the push interval in seconds. */
  metricsListen: string;
  pushgatewayUrl: string;
  pushIntervalSeconds: string;
  /** Updates: the generic feed ('' = off) and the maintenance hour as typed ('' = none). */
  updateFeedUrl: string;
  maintenanceHour: string;
}

/** Field path ("kioskName", "zones.0.presets") → the message to show under it. */
export type FieldErrors = Record<string, string>;

let nextKey = 1;

export function zoneDraft(zone: ZoneRate): ZoneDraft {
  return {
    key: nextKey++,
    name: zone.name,
    currency: zone.currency,
    centsPerHour: String(zone.centsPerHour),
    maxCents: String(zone.maxCents),
    presets: zone.presets.join(' '),
  };
}

export function emptyZoneDraft(name: string, currency = 'CAD'): ZoneDraft {
  return { key: nextKey++, name, currency, centsPerHour: '', maxCents: '', presets: '' };
}

export function draftFrom(view: SettingsView): SettingsDraft {
  return {
    controllerUrl: view.controllerUrl ?? '',
    apiToken: '',
    useStoredToken: false,
    acceptObscuredToken: false,
    kioskId: view.kioskId,
    kioskName: view.kioskName,
    zones: view.zones.map(zoneDraft),
    timeMode: view.timeMode,
    language: view.language,
    outboxConcurrency: String(view.outboxConcurrency),
    requestSoftTimeoutSeconds: String(Math.round(view.requestSoftTimeoutMs / 1000)),
    requestHardTimeoutSeconds: String(Math.round(view.requestHardTimeoutMs / 1000)),
    repeatedTicketRefused: view.repeatedTicketRefused,
    idleResetSeconds: String(view.idleResetSeconds),
    homeRegions: [...view.homeRegions],
    newAdminPin: '',
    refundPinAboveCents: view.refundPinAboveCents === undefined ? '' : String(view.refundPinAboveCents),
    drawerToleranceCents: view.drawerToleranceCents === undefined ? '' : String(view.drawerToleranceCents),
    plateFixWindowMinutes: view.plateFixWindowMinutes === undefined ? '' : String(view.plateFixWindowMinutes),
    receiptWidth: view.receiptWidth ?? '80mm',
    printerName: view.printerName ?? '',
    metricsListen: view.metricsListen ?? '',
    pushgatewayUrl: view.pushgatewayUrl ?? '',
    pushIntervalSeconds: view.pushIntervalSeconds === undefined ? '' : String(view.pushIntervalSeconds),
    updateFeedUrl: view.updateFeedUrl ?? '',
    maintenanceHour:
      view.maintenanceHour === undefined || view.maintenanceHour === null ? '' : String(view.maintenanceHour),
  };
}

/** The host a new controller address names, to show before the stored token goes there; null if unreadable. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** A whole number as typed ("  60 " is fine, "6.5" and "" are not). */
export function parseWhole(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** "30 60, 120" → [30, 60, 120]; null when any part is not a whole number. */
export function parseMinutes(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean);
  const minutes = parts.map(parseWhole);
  return minutes.every((m): m is number => m !== null) ? minutes : null;
}

const sameZones = (a: ZoneRate[], b: ZoneRate[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What a Save sends, or the problems to fix first. Unchanged settings are left out, so saving a new token does
 * not also resend zones somebody else may have edited meanwhile.
 */
export function buildChanges(
  view: SettingsView,
  draft: SettingsDraft,
  t: Catalog,
): { changes: SettingsChanges; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const changes: SettingsChanges = {};

  const url = draft.controllerUrl.trim();
  if (url !== (view.controllerUrl ?? '')) changes.controllerUrl = url;
  if (draft.apiToken.trim()) changes.apiToken = draft.apiToken.trim();
  const newHost = changes.controllerUrl && !changes.apiToken ? hostOf(changes.controllerUrl) : null;
  if (newHost && draft.useStoredToken) changes.useStoredTokenFor = newHost;
  if (changes.apiToken && view.tokenProtection === 'obscured') {
    if (draft.acceptObscuredToken) changes.acceptObscuredToken = true;
    else errors.acceptObscuredToken = t.obscuredTokenNeedsConsent;
  }
  if (draft.kioskId.trim() !== view.kioskId) changes.kioskId = draft.kioskId.trim();
  if (draft.kioskName.trim() !== view.kioskName) changes.kioskName = draft.kioskName.trim();
  if (draft.timeMode !== view.timeMode) changes.timeMode = draft.timeMode;
  if (draft.language !== view.language) changes.language = draft.language;
  if (draft.newAdminPin) changes.newAdminPin = draft.newAdminPin;
  if (draft.homeRegions.join() !== view.homeRegions.join()) changes.homeRegions = draft.homeRegions;

  const whole = (field: string, text: string, current: number, set: (n: number) => void) => {
    const value = parseWhole(text);
    if (value === null) errors[field] = t.wholeNumber;
    else if (value !== current) set(value);
  };
  whole('outboxConcurrency', draft.outboxConcurrency, view.outboxConcurrency, (n) => (changes.outboxConcurrency = n));
  whole('idleResetSeconds', draft.idleResetSeconds, view.idleResetSeconds, (n) => (changes.idleResetSeconds = n));
  // A main written before the money settings sends none of them: nothing to change there.
  const optionalWhole = (field: string, text: string, current: number | undefined, set: (n: number) => void) => {
    if (current === undefined && text.trim() === '') return;
    whole(field, text, current ?? Number.NaN, set);
  };
  optionalWhole(
    'refundPinAboveCents',
    draft.refundPinAboveCents,
    view.refundPinAboveCents,
    (n) => (changes.refundPinAboveCents = n),
  );
  optionalWhole(
    'drawerToleranceCents',
    draft.drawerToleranceCents,
    view.drawerToleranceCents,
    (n) => (changes.drawerToleranceCents = n),
  );
  optionalWhole(
    'plateFixWindowMinutes',
    draft.plateFixWindowMinutes,
    view.plateFixWindowMinutes,
    (n) => (changes.plateFixWindowMinutes = n),
  );
  if (draft.receiptWidth !== (view.receiptWidth ?? '80mm')) changes.receiptWidth = draft.receiptWidth;
  if (draft.printerName.trim() !== (view.printerName ?? '')) changes.printerName = draft.printerName.trim();
  if (view.metricsListen !== undefined && draft.metricsListen.trim() !== view.metricsListen) {
    changes.metricsListen = draft.metricsListen.trim();
  }
  if (view.pushgatewayUrl !== undefined && draft.pushgatewayUrl.trim() !== view.pushgatewayUrl) {
    changes.pushgatewayUrl = draft.pushgatewayUrl.trim();
  }
  if (view.updateFeedUrl !== undefined && draft.updateFeedUrl.trim() !== view.updateFeedUrl) {
    changes.updateFeedUrl = draft.updateFeedUrl.trim();
  }
  if (view.maintenanceHour !== undefined) {
    // Empty is "no maintenance hour"; otherwise a whole hour, which main checks is 0–23.
    const typed = draft.maintenanceHour.trim();
    const hour = typed === '' ? null : parseWhole(typed);
    if (typed !== '' && hour === null) errors.maintenanceHour = t.wholeNumber;
    else if (hour !== view.maintenanceHour) changes.maintenanceHour = hour;
  }
  optionalWhole(
    'pushIntervalSeconds',
    draft.pushIntervalSeconds,
    view.pushIntervalSeconds,
    (n) => (changes.pushIntervalSeconds = n),
  );
  if (draft.repeatedTicketRefused !== view.repeatedTicketRefused) {
    changes.repeatedTicketRefused = draft.repeatedTicketRefused;
  }
  const soft = parseWhole(draft.requestSoftTimeoutSeconds);
  const hard = parseWhole(draft.requestHardTimeoutSeconds);
  if (soft === null) errors.requestSoftTimeoutMs = t.wholeNumber;
  else if (soft * 1000 !== view.requestSoftTimeoutMs) changes.requestSoftTimeoutMs = soft * 1000;
  if (hard === null) errors.requestHardTimeoutMs = t.wholeNumber;
  else if (hard * 1000 !== view.requestHardTimeoutMs) changes.requestHardTimeoutMs = hard * 1000;
  if (soft !== null && hard !== null && hard < soft) errors.requestHardTimeoutMs = t.hardBelowSoft;

  const zones: ZoneRate[] = [];
  draft.zones.forEach((zone, index) => {
    const centsPerHour = parseWhole(zone.centsPerHour);
    const maxCents = parseWhole(zone.maxCents);
    const presets = parseMinutes(zone.presets);
    if (centsPerHour === null) errors[`zones.${index}.centsPerHour`] = t.wholeNumber;
    if (maxCents === null) errors[`zones.${index}.maxCents`] = t.wholeNumber;
    if (presets === null) errors[`zones.${index}.presets`] = t.minutesList;
    zones.push({
      name: zone.name.trim(),
      currency: zone.currency.trim().toUpperCase(),
      centsPerHour: centsPerHour ?? 0,
      maxCents: maxCents ?? 0,
      presets: presets ?? [],
    });
  });
  if (!sameZones(zones, view.zones)) changes.zones = zones;

  // The same rules main applies; messages in main's words, on the field they concern.
  const parsed = channels['settings:update'].request.shape.changes.safeParse(changes);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      errors[field] ??= isProblemCode(issue.message) ? t.problem({ code: issue.message }) : issue.message;
    }
  }
  return { changes, errors };
}

/** A home region tapped: on at the end of the list, or off. */
export function toggleRegion(regions: readonly RegionCode[], region: RegionCode): RegionCode[] {
  return regions.includes(region) ? regions.filter((r) => r !== region) : [...regions, region];
}
