/**
 * The delivery guarantees, checked ticket by ticket: the soak's confirmed actions and the kiosk's final view
 * against what the sandbox (standing in for OPSCOM) holds. Pure: no I/O, so each rule reads on its own.
 */
import { problemMessage } from '../../src/shared/errors/problems';
import type { SandboxPermit } from '../../src/sandbox/store';
import type { Permit } from '../../src/shared/permits/permit';
import type { ReconcileEntry } from '../../src/shared/outbox/outbox-view';
import type { KnownPermit } from './ledger';

export interface Finding {
  ticket: string;
  /** Which rule, e.g. "cancel" for a lost cancel; a report groups by it. */
  rule: string;
  why: string;
}

export interface CheckInput {
  /** Every permit the soak saw confirmed. */
  known: ReadonlyMap<string, KnownPermit>;
  /** The kiosk's final view of every ticket checked; null when the kiosk no longer knows it. */
  views: ReadonlyMap<string, Permit | null>;
  entries: readonly ReconcileEntry[];
  sandbox: readonly SandboxPermit[];
}

export interface CheckResult {
  lost: Finding[];
  wrong: Finding[];
  uncounted: Finding[];
  /** Cancelled in the kiosk, still live in OPSCOM, and not on the reconciliation list. */
  cancelledLiveUnlisted: Finding[];
  /** Tickets checked: the confirmed ones and any other the sandbox holds (issues whose answer a kill cut off). */
  ticketsChecked: number;
  unconfirmedInOpscom: number;
  /** Live copies beyond the one each active permit should have (all of a cancelled permit's live copies). */
  extraInOpscom: number;
  /** The same, as the kiosk counts them (references plus unreachable copies, or the list's copies). */
  extraCounted: number;
  listed: number;
  needAttention: number;
  cancelledLive: number;
  cancelledLiveListed: number;
}

/** OPSCOM's `Y-m-d\TH:i:s` (UTC) for a kiosk instant; worked out here, not with the kiosk's own helper. */
export function opscomTime(instant: string): string {
  return new Date(instant).toISOString().slice(0, 19);
}

/** "14.50" for 1450 cents, in integers so no float rounding can hide a cent. */
export function amountString(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** What differs between an OPSCOM copy and the kiosk's view, e.g. ["end 2026-…T10:30:00 ≠ …T11:00:00"]. */
export function differences(copy: SandboxPermit, view: Permit): string[] {
  const diffs: string[] = [];
  if (copy.endTime !== opscomTime(view.endAt)) diffs.push(`end ${copy.endTime} ≠ ${opscomTime(view.endAt)}`);
  if (copy.amount !== amountString(view.amountCents))
    diffs.push(`amount ${copy.amount} ≠ ${amountString(view.amountCents)}`);
  if (copy.plate !== view.plate) diffs.push(`plate ${copy.plate} ≠ ${view.plate}`);
  if (copy.permitNo !== view.ticketNumber) diffs.push(`permitNo ${copy.permitNo} ≠ ${view.ticketNumber}`);
  return diffs;
}

export function check(input: CheckInput): CheckResult {
  const byTicket = groupBy(input.sandbox, (copy) => copy.permitNo ?? '');
  const byReference = new Map(input.sandbox.map((copy) => [copy.referenceId, copy]));
  const entries = new Map(input.entries.map((entry) => [entry.ticketNumber, entry]));
  const result: CheckResult = {
    lost: [],
    wrong: [],
    uncounted: [],
    cancelledLiveUnlisted: [],
    ticketsChecked: input.views.size,
    unconfirmedInOpscom: 0,
    extraInOpscom: 0,
    extraCounted: 0,
    listed: input.entries.length,
    needAttention: input.entries.filter((entry) => entry.needsAttention).length,
    cancelledLive: 0,
    cancelledLiveListed: 0,
  };

  for (const [ticket, view] of input.views) {
    const copies = byTicket.get(ticket) ?? [];
    const ticketCase: TicketCase = {
      ticket,
      known: input.known.get(ticket),
      view,
      entry: entries.get(ticket),
      copies,
      live: copies.filter((copy) => !copy.deleted),
      byReference,
    };
    if (!ticketCase.known) result.unconfirmedInOpscom += 1;
    result.lost.push(...lostActions(ticketCase));
    result.wrong.push(...wrongValues(ticketCase));
    countCopies(ticketCase, result);
  }
  return result;
}

interface TicketCase {
  ticket: string;
  known: KnownPermit | undefined;
  view: Permit | null;
  entry: ReconcileEntry | undefined;
  /** Every record OPSCOM ever stored under this ticket number, removed ones included. */
  copies: SandboxPermit[];
  live: SandboxPermit[];
  byReference: ReadonlyMap<string, SandboxPermit>;
}

/** A confirmed action whose effect is nowhere: not in OPSCOM, not in the kiosk, not on the list. */
function lostActions(c: TicketCase): Finding[] {
  const { ticket, known, view, entry } = c;
  if (!known) return []; // never confirmed: nothing was promised
  const found: Finding[] = [];
  const lost = (rule: string, why: string): void => {
    found.push({ ticket, rule, why });
  };
  if (view === null) {
    lost('forgotten', `the kiosk no longer knows it; OPSCOM holds ${c.live.length} live of ${c.copies.length} copies`);
    return found;
  }
  if (known.cancelConfirmed && view.status !== 'cancelled') lost('cancel', 'cancel confirmed, kiosk shows it active');
  if (view.status === 'active' && !entry && c.live.length === 0 && c.copies.length === 0)
    lost('issue', `never stored in OPSCOM and not on the list (sync ${view.sync}${syncNote(view)})`);
  if (Date.parse(view.endAt) < Date.parse(known.confirmedEnd))
    lost('extend', `kiosk ends ${view.endAt}, an extend confirmed ${known.confirmedEnd}`);
  if (known.cancelConfirmed && view.status === 'cancelled' && c.live.length > 0 && !entry)
    lost(
      'cancel',
      `cancel confirmed, ${c.live.length} live cop${c.live.length === 1 ? 'y' : 'ies'} in OPSCOM, not listed`,
    );
  return found;
}

/**
 * An active permit's copies that the kiosk can reach must say what the driver paid for; one not on the list
 * must have exactly one live copy in OPSCOM, and it must match.
 */
function wrongValues(c: TicketCase): Finding[] {
  const { ticket, view, entry } = c;
  if (view === null || view.status !== 'active') return [];
  const reasons = new Set<string>();
  for (const reference of view.references) {
    const copy = c.byReference.get(reference);
    if (!copy || copy.deleted) reasons.add(`its reference ${reference} reaches no live copy`);
    else for (const diff of differences(copy, view)) reasons.add(`copy ${reference}: ${diff}`);
  }
  if (!entry) {
    if (c.live.length === 0 && c.copies.length > 0) reasons.add('no live copy left in OPSCOM');
    if (c.live.length > 1) reasons.add(`${c.live.length} live copies in OPSCOM, not listed`);
    const [only] = c.live;
    if (c.live.length === 1 && only)
      for (const diff of differences(only, view)) reasons.add(`copy ${only.referenceId}: ${diff}`);
  }
  return [...reasons].map((why) => ({ ticket, rule: 'values', why }));
}

/** Live copies in OPSCOM against the copies the kiosk says may exist; more live than counted is "uncounted". */
function countCopies(c: TicketCase, result: CheckResult): void {
  const { ticket, view, entry } = c;
  const active = view?.status === 'active';
  const counted = !view
    ? 0
    : active
      ? view.references.length + view.unreachableCopies.length
      : (entry?.copies.length ?? 0);
  const intended = active ? 1 : 0;
  result.extraInOpscom += Math.max(0, c.live.length - intended);
  result.extraCounted += Math.max(0, counted - intended);
  if (c.live.length > counted) {
    const what = view ? `${view.status}, ${view.references.length} reference(s)` : 'unknown to the kiosk';
    result.uncounted.push({
      ticket,
      rule: 'uncounted',
      why: `${c.live.length} live in OPSCOM, kiosk counts ${counted} (${what})`,
    });
  }
  if (view && !active && c.live.length > 0) {
    result.cancelledLive += 1;
    if (entry) result.cancelledLiveListed += 1;
    else
      result.cancelledLiveUnlisted.push({
        ticket,
        rule: 'cancelled-live',
        why: `cancelled, ${c.live.length} live in OPSCOM (${c.live.map((copy) => copy.referenceId).join(', ')})`,
      });
  }
}

function syncNote(view: Permit): string {
  return view.syncProblem ? `: ${problemMessage(view.syncProblem)}` : '';
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
