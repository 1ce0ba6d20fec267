import { problemMessage, type Problem } from '../../../shared/errors/problems';
import type { Logger } from '../host/log';
import type { CallOptions, OpscomClient, OpscomOutcome } from '../opscom/client';
import {
  backoffDelayMs,
  DEFAULT_BACKOFF,
  DEFAULT_UNCLEAR_BACKOFF,
  unclearRetryDelayMs,
  type BackoffPolicy,
} from './backoff';
import type { DeliveryPlan } from './outbox-state';
import type { Outbox } from './outbox';
import type { RepeatedTicketPolicy } from './records';

export interface CourierOptions {
  outbox: Outbox;
  client: OpscomClient;
  log: Logger;
  /** How many permits are sent in parallel; actions of one permit always go one at a time, in order. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  /** The wait before resending to a permit whose last answer was unclear (it may already be stored). */
  unclearBackoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  /** The setting "OPSCOM refuses a repeated ticket number with 9022", read at each decision. */
  repeatedTicketPolicy?: () => RepeatedTicketPolicy;
  /** Told of every controller answer (the status bar's online / offline). */
  onOutcome?: (outcome: OpscomOutcome<unknown>) => void;
  onStateChange?: () => void;
}

/**
 * Delivers the outbox. Permits wait in one ordered set; a permit being sent is out of that set, so however
 * many triggers fire (reconnect, timer, new action), a permit never has two requests in flight.
 *
 * A transient failure (no answer, 5xx, 429) says the controller or the network is unwell, not one permit: the
 * whole courier backs off, and the permit that failed goes to the back of the line, so one bad permit cannot
 * hold up the others. A permit whose answer was unclear also waits on its own (with jitter, never in a tight
 * loop, and "Send now" does not cut it short), because each resend may store one more copy.
 *
 * A request past the client's soft timeout is not abandoned: its slot goes to another permit while it waits
 * for its answer up to the hard limit, because a late answer still tells us the reference.
 * `unauthorised` pauses everything until the credentials change.
 */
export class Courier {
  private readonly ready = new Set<string>();
  private readonly inFlight = new Map<string, AbortController>();
  /** In flight past the soft timeout: still waiting for an answer, no longer holding a slot. */
  private readonly lingering = new Set<string>();
  /** OPSCOM's answers the disk refused to record, by permit: recorded again first (see `record`). */
  private readonly unrecorded = new Map<string, () => void>();
  /** While an answer is being recorded, state-change news waits until the record is over (see `quietly`). */
  private holdingNews = false;
  private newsHeld = false;
  /** Permits whose last answer was unclear: the time each may be sent again, and how many in a row. */
  private readonly unclear = new Map<string, { streak: number; notBefore: number }>();
  private concurrency: number;
  private readonly backoff: BackoffPolicy;
  private readonly unclearBackoff: BackoffPolicy;
  private readonly random: () => number;
  private readonly now: () => number;
  private consecutiveFailures = 0;
  private resumeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = 0;
  private pausedProblem: Problem | null = null;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private readonly unsubscribe: () => void;

  private client: OpscomClient;

  constructor(private readonly options: CourierOptions) {
    this.client = options.client;
    this.concurrency = options.concurrency ?? 4;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.unclearBackoff = options.unclearBackoff ?? DEFAULT_UNCLEAR_BACKOFF;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    for (const ticket of options.outbox.ticketsWithWork()) this.ready.add(ticket);
    // A restart must not cut short the wait after an unclear answer (a crash loop would resend in a tight loop).
    for (const { ticketNumber, streak, lastAttemptAt } of options.outbox.unclearHeads()) {
      const delay = unclearRetryDelayMs(streak, this.unclearBackoff, this.random);
      // Never later than a full wait from now, whatever clock wrote the journal.
      const notBefore = Math.min(Date.parse(lastAttemptAt) + delay, this.now() + delay);
      this.unclear.set(ticketNumber, { streak, notBefore });
    }
    this.unsubscribe = options.outbox.subscribe(({ tickets }) => {
      // Runs after an action committed: a failure here must not turn the confirmed action into a refusal.
      try {
        for (const ticket of tickets) {
          if (this.inFlight.has(ticket)) continue;
          this.ready.add(ticket);
          this.settleLocally(ticket);
        }
      } catch (error) {
        this.options.log.error('Outbox could not record a local settlement', error);
      }
      this.pump();
    });
  }

  get paused(): { problem: Problem } | null {
    return this.pausedProblem === null ? null : { problem: this.pausedProblem };
  }

  get sending(): ReadonlySet<string> {
    return new Set(this.inFlight.keys());
  }

  /** Send now: the network is back, or a person asked. Clears the shared backoff, not a permit's own wait. */
  flushNow(): void {
    this.resumeAt = 0;
    this.consecutiveFailures = 0;
    this.pump();
  }

  /** New controller URL or token: send with this client from now on, and try again whatever was paused. */
  useClient(client: OpscomClient): void {
    this.client = client;
    this.resume();
  }

  setConcurrency(concurrency: number): void {
    this.concurrency = concurrency;
    this.pump();
  }

  /** The credentials changed: whatever paused sending may be fixed. */
  resume(): void {
    const wasPaused = this.pausedProblem !== null;
    this.pausedProblem = null;
    if (wasPaused) {
      this.options.log.info('Outbox resumed: the controller settings changed.');
      try {
        this.options.outbox.recordResumed('The controller settings changed.');
      } catch (error) {
        // Only the audit line is lost: sending resumes, and the saved settings stay saved.
        this.options.log.error('Could not write the resumption to the audit log', error);
      }
    }
    this.options.onStateChange?.();
    this.flushNow();
  }

  /** Resolves once nothing is in flight and nothing more can be sent right now (for tests and shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops sending and abandons open requests: their actions stay unsettled and are resent after a restart. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    for (const controller of this.inFlight.values()) controller.abort();
    this.notifyIdle();
  }

  pump(): void {
    if (this.stopped) return this.notifyIdle();
    if (this.unrecorded.size > 0) this.recordAgain();
    if (this.pausedProblem !== null) return this.notifyIdle();
    const now = this.now();
    if (this.resumeAt > now) {
      this.schedule(this.resumeAt);
      return this.notifyIdle();
    }
    // Lingering requests keep a connection each; at most as many again as the concurrency.
    while (this.inFlight.size - this.lingering.size < this.concurrency && this.inFlight.size < 2 * this.concurrency) {
      const ticket = this.takeReady(now);
      if (ticket === undefined) break;
      const plan = this.options.outbox.plan(ticket, this.policy());
      if (!plan) continue; // parked for a person, or nothing left
      const controller = new AbortController();
      this.inFlight.set(ticket, controller);
      void this.deliver(ticket, plan, controller.signal).finally(() => {
        this.inFlight.delete(ticket);
        this.lingering.delete(ticket);
        if (this.stopped) return;
        try {
          // What came in meanwhile may need no network at all (a cancel that voids a push never received).
          this.settleLocally(ticket);
        } catch (error) {
          // Only the disk can throw here: nothing was recorded, and the same plan comes up again.
          this.options.log.error(`Outbox could not record a local settlement for ${ticket}`, error);
        }
        if (this.options.outbox.plan(ticket, this.policy())) this.ready.add(ticket);
        this.pump();
      });
    }
    // The same `now` as takeReady's: a permit it skipped as still waiting always gets its timer, even when the
    // clock has moved past its time meanwhile (else it would wait for the next action or reconnect to be sent).
    const nextUnclear = this.earliestUnclearWait(now);
    if (nextUnclear !== undefined) this.schedule(nextUnclear);
    this.notifyIdle();
  }

  /**
   * Records what OPSCOM answered. When the disk refuses, the answer is kept here and recorded again before anything
   * else is done with that permit: a cancel taken meanwhile must not be planned from a state that lacks it (a push
   * OPSCOM stored would be handed over without its copy on the list). A restart before it is recorded makes it an
   * unanswered attempt, which counts the copy.
   */
  private record(
    ticket: string,
    plan: Extract<DeliveryPlan, { kind: 'push' | 'update' | 'delete' }>,
    outcome: OpscomOutcome<{ referenceId: string }>,
  ): void {
    if (this.stopped) return; // stopping aborted it: no answer is recorded, so the next start counts it unclear
    this.options.onOutcome?.(outcome);
    // All that one answer records commits together (a copy counted and its permit parked, say), or none of it; the
    // news of it goes out after, never from inside the transaction.
    const write = () => this.quietly(() => this.options.outbox.together(() => this.settle(ticket, plan, outcome)));
    try {
      write();
    } catch (error) {
      if (this.stopped) return;
      this.options.log.error(`Outbox could not record OPSCOM's answer for ${ticket}; it tries again`, error);
      this.unrecorded.set(ticket, write);
      this.failed(null);
    }
  }

  /** Runs `work` with state-change news held back, and gives it once `work` is over (whether it worked or not). */
  private quietly(work: () => void): void {
    this.holdingNews = true;
    try {
      work();
    } finally {
      this.holdingNews = false;
      if (this.newsHeld) {
        this.newsHeld = false;
        this.options.onStateChange?.();
      }
    }
  }

  private stateChanged(): void {
    if (this.holdingNews) this.newsHeld = true;
    else this.options.onStateChange?.();
  }

  /** Answers the disk refused before: recorded now when it takes them (their permits go back in line). */
  private recordAgain(): void {
    for (const [ticket, write] of this.unrecorded) {
      try {
        write();
      } catch {
        continue;
      }
      this.unrecorded.delete(ticket);
      this.ready.add(ticket);
    }
  }

  /** A void, a handover (issue then cancel, or no reference) or a blocked action needs no network. */
  private settleLocally(ticket: string): void {
    if (this.unrecorded.has(ticket)) return; // its last answer first
    const plan = this.options.outbox.plan(ticket, this.policy());
    if (plan?.kind === 'void') this.options.outbox.recordVoided(plan.ids);
    else if (plan?.kind === 'handover') this.options.outbox.recordHandedOver(plan.ids, plan.why);
    else if (plan?.kind === 'blocked') this.options.outbox.recordParked(plan.id, plan.problem);
  }

  private async deliver(ticket: string, plan: DeliveryPlan, signal: AbortSignal): Promise<void> {
    const { outbox } = this.options;
    const call: CallOptions = {
      signal,
      onSlow: () => {
        this.options.log.warn(`OPSCOM is slow to answer for ${ticket}; waiting for its answer, sending others.`);
        this.lingering.add(ticket);
        this.pump();
      },
    };
    try {
      switch (plan.kind) {
        case 'void':
          return outbox.recordVoided(plan.ids);
        case 'handover':
          return outbox.recordHandedOver(plan.ids, plan.why);
        case 'blocked':
          return outbox.recordParked(plan.id, plan.problem);
        case 'push':
          outbox.recordAttempt(plan.ids, { sent: plan.values });
          return this.record(ticket, plan, await this.client.push({ ...plan.values, permitNo: ticket }, call));
        case 'update':
          outbox.recordAttempt(plan.ids, { referenceId: plan.referenceId });
          return this.record(
            ticket,
            plan,
            await this.client.update(
              {
                referenceId: plan.referenceId,
                endAt: plan.values.endAt,
                plate: plan.values.plate,
                amountCents: plan.values.amountCents,
                currency: plan.values.currency,
              },
              call,
            ),
          );
        case 'delete':
          outbox.recordAttempt(plan.ids, { referenceId: plan.referenceId });
          return this.record(ticket, plan, await this.client.delete(plan.referenceId, call));
      }
    } catch (error) {
      if (this.stopped) return; // the outbox closed under a late answer: the next start resends it
      // Only the disk can throw here (the client never does). Leave the action pending and try later.
      this.options.log.error(`Outbox could not record a delivery for ${ticket}`, error);
      this.failed(null);
    }
  }

  private settle(
    ticket: string,
    plan: Extract<DeliveryPlan, { kind: 'push' | 'update' | 'delete' }>,
    outcome: OpscomOutcome<{ referenceId: string }>,
  ): void {
    const { outbox } = this.options;
    const head = plan.ids[0] ?? '';
    // An answer that settles the question ends the permit's wait; one that leaves it open keeps it.
    if (outcome.kind !== 'transient' && outcome.kind !== 'unauthorised') this.unclear.delete(ticket);
    switch (outcome.kind) {
      case 'success':
        this.consecutiveFailures = 0;
        if (plan.kind !== 'push') return outbox.recordDelivered(plan.ids, plan.referenceId);
        // With OPSCOM refusing repeated ticket numbers, a resend that is accepted proves the first was not stored.
        return outbox.recordDelivered(plan.ids, outcome.value.referenceId, { notStored: this.policy() === 'yes' });
      case 'transient': {
        const maybeStored = outcome.certainty === 'may-be-stored';
        outbox.recordFailed(plan.ids, outcome.problem, maybeStored, outcome.reason);
        if (maybeStored) this.waitAfterUnclear(ticket, outcome.retryAfterMs);
        // A redirect means the address is wrong: resending cannot help, a supervisor must fix the URL.
        if (outcome.reason === 'redirect') return this.pause(outcome.problem);
        return this.failed(outcome.retryAfterMs);
      }
      case 'unauthorised':
        outbox.recordFailed(plan.ids, outcome.problem, outcome.certainty === 'may-be-stored', 'unauthorised');
        if (outcome.certainty === 'may-be-stored') this.waitAfterUnclear(ticket, null);
        return this.pause(outcome.problem);
      case 'duplicate':
        // 9022 to a resend of a push whose earlier answer was unclear: OPSCOM already holds that earlier copy.
        if (plan.kind === 'push' && outbox.hasOpenCopies(ticket) && this.policy() !== 'no') {
          return outbox.recordHeld(plan.ids, this.policy() === 'yes');
        }
        return outbox.recordParked(head, { code: 'opscom-duplicate' }, 'duplicate');
      case 'rejected':
        // An undocumented code does not say OPSCOM turned it away: count the copy, then ask a person.
        if (outcome.certainty === 'may-be-stored') {
          outbox.recordFailed(plan.ids, outcome.problem, true, 'undocumented-error');
        }
        return outbox.recordParked(head, outcome.problem);
      case 'not-found':
        // A cancel whose permit is already gone has done its job (typically our own earlier attempt whose
        // answer was lost); anything else that finds no permit needs a person.
        if (plan.kind === 'delete') {
          const detail = 'OPSCOM no longer had this permit (9009): already removed.';
          return outbox.recordDelivered(plan.ids, plan.referenceId, { detail });
        }
        return outbox.recordParked(head, { code: 'opscom-not-found-update' });
    }
  }

  private pause(problem: Problem): void {
    this.pausedProblem = problem;
    this.options.log.warn(`Outbox paused: ${problemMessage(problem)}`);
    this.options.outbox.recordPaused(problem);
    this.stateChanged();
  }

  private policy(): RepeatedTicketPolicy {
    return this.options.repeatedTicketPolicy?.() ?? 'unknown';
  }

  private failed(retryAfterMs: number | null): void {
    this.consecutiveFailures += 1;
    const delay = backoffDelayMs(this.consecutiveFailures, this.backoff, this.random, retryAfterMs);
    this.resumeAt = Math.max(this.resumeAt, this.now() + delay);
    this.stateChanged();
  }

  private waitAfterUnclear(ticket: string, retryAfterMs: number | null): void {
    const streak = (this.unclear.get(ticket)?.streak ?? 0) + 1;
    const delay = unclearRetryDelayMs(streak, this.unclearBackoff, this.random, retryAfterMs);
    this.unclear.set(ticket, { streak, notBefore: this.now() + delay });
  }

  /** The first ready permit that is not waiting out an unclear answer; waiting ones stay in line. */
  private takeReady(now: number): string | undefined {
    for (const ticket of this.ready) {
      if ((this.unclear.get(ticket)?.notBefore ?? 0) > now) continue;
      if (this.unrecorded.has(ticket)) continue;
      this.ready.delete(ticket);
      if (!this.inFlight.has(ticket)) return ticket;
    }
    return undefined;
  }

  private earliestUnclearWait(now: number): number | undefined {
    let earliest: number | undefined;
    for (const ticket of this.ready) {
      const notBefore = this.unclear.get(ticket)?.notBefore;
      if (notBefore !== undefined && notBefore > now && (earliest === undefined || notBefore < earliest)) {
        earliest = notBefore;
      }
    }
    return earliest;
  }

  /** One timer, for the earliest moment something may be sent again. */
  private schedule(at: number): void {
    if (this.timer !== undefined && this.timerAt > this.now() && this.timerAt <= at) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, at - this.now()),
    );
    this.timer.unref?.();
  }

  private isIdle(): boolean {
    if (this.inFlight.size > 0) return false;
    if (this.stopped || this.pausedProblem !== null) return true;
    const now = this.now();
    if (this.resumeAt > now) return true;
    if (this.unrecorded.size > 0) return false;
    for (const ticket of this.ready) {
      if ((this.unclear.get(ticket)?.notBefore ?? 0) > now) continue;
      if (this.options.outbox.plan(ticket, this.policy())) return false;
    }
    return true;
  }

  private notifyIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
