/**
 * What the soak knows: only what the kiosk confirmed (an ok:true answer), as an attendant would. An action whose
 * answer never came is counted as interrupted and never resent: the attendant never saw it confirmed.
 */
import type { Permit } from '../../src/shared/permits/permit';

export type ActionKind = 'issue' | 'extend' | 'cancel';
export const ACTION_KINDS: readonly ActionKind[] = ['issue', 'extend', 'cancel'];

export interface KnownPermit {
  ticket: string;
  zone: string;
  /** The issue's answer. */
  issued: Permit;
  /** The latest end the kiosk confirmed (issue or extend): its final view may not end before this. */
  confirmedEnd: string;
  confirmedExtends: number;
  cancelConfirmed: boolean;
  /** What the soak believes the permit's state is, for picking the next action. */
  believedActive: boolean;
  /** An extend or cancel on it was interrupted: its state is re-read after the restart. */
  uncertain: boolean;
}

export type Tally = Record<ActionKind, number>;
const tally = (): Tally => ({ issue: 0, extend: 0, cancel: 0 });

export class Ledger {
  readonly permits = new Map<string, KnownPermit>();
  readonly confirmed = tally();
  /** Sent, and no answer came: a kill landed on it (or, should it happen, the bridge failed on its own). */
  readonly interrupted = tally();
  readonly interruptedWithoutKill = tally();
  /** The kiosk answered ok:false. Counted by error code, e.g. "extend not-active". */
  readonly refused = new Map<string, number>();
  /** Tickets with a request in flight: an attendant works on one permit at a time. */
  private readonly busy = new Set<string>();

  confirmIssue(permit: Permit): void {
    this.confirmed.issue += 1;
    this.permits.set(permit.ticketNumber, {
      ticket: permit.ticketNumber,
      zone: permit.zone,
      issued: permit,
      confirmedEnd: permit.endAt,
      confirmedExtends: 0,
      cancelConfirmed: false,
      believedActive: permit.status === 'active',
      uncertain: false,
    });
  }

  confirmExtend(known: KnownPermit, answer: Permit): void {
    this.confirmed.extend += 1;
    known.confirmedExtends += 1;
    if (Date.parse(answer.endAt) > Date.parse(known.confirmedEnd)) known.confirmedEnd = answer.endAt;
  }

  confirmCancel(known: KnownPermit): void {
    this.confirmed.cancel += 1;
    known.cancelConfirmed = true;
    known.believedActive = false;
  }

  /** The plates of issues the kiosk refused: OPSCOM must never get them. */
  readonly refusedPlates: string[] = [];

  refuse(kind: ActionKind, code: string, plate?: string): void {
    const key = `${kind} ${code}`;
    this.refused.set(key, (this.refused.get(key) ?? 0) + 1);
    if (kind === 'issue' && plate !== undefined) this.refusedPlates.push(plate);
  }

  /** Permits an extend or cancel may be taken on now: active, not ending within `marginMs`, not busy. */
  pickable(nowMs: number, marginMs: number): KnownPermit[] {
    const result: KnownPermit[] = [];
    for (const known of this.permits.values()) {
      if (!known.believedActive || known.uncertain || this.busy.has(known.ticket)) continue;
      if (Date.parse(known.confirmedEnd) - nowMs < marginMs) continue;
      result.push(known);
    }
    return result;
  }

  take(ticket: string): void {
    this.busy.add(ticket);
  }

  release(ticket: string): void {
    this.busy.delete(ticket);
  }

  uncertainPermits(): KnownPermit[] {
    return [...this.permits.values()].filter((known) => known.uncertain);
  }
}
