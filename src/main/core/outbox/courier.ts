import type { Logger } from '../log';
import type { OpscomClient, OpscomOutcome } from '../opscom/client';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { DeliveryPlan } from './outbox-state';
import type { Outbox } from './outbox';

export interface CourierOptions {
  outbox: Outbox;
  client: OpscomClient;
  log: Logger;
  /** How many permits are sent in parallel; actions of one permit always go one at a time, in order. */
  concurrency?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Told of every controller answer (the status bar's online / offline). */
  onOutcome?: (outcome: OpscomOutcome<unknown>) => void;
  onStateChange?: () => void;
}

/**
 * Delivers the outbox. Permits wait in one ordered set; a permit being sent is out of that set, so however
 * many triggers fire (reconnect, timer, new action), no action is ever in flight twice.
 *
 * A transient failure (no answer, 5xx, 429) says the controller or the network is unwell, not one permit: the
 * whole courier backs off, and the permit that failed goes to the back of the line, so one bad permit cannot
 * hold up the others. `unauthorised` pauses everything until the credentials change.
 */
export class Courier {
  private readonly ready = new Set<string>();
  private readonly inFlight = new Set<string>();
  private concurrency: number;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;
  private consecutiveFailures = 0;
  private resumeAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private pausedReason: string | null = null;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private readonly unsubscribe: () => void;

  private client: OpscomClient;

  constructor(private readonly options: CourierOptions) {
    this.client = options.client;
    this.concurrency = options.concurrency ?? 4;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.random = options.random ?? Math.random;
    for (const ticket of options.outbox.ticketsWithWork()) this.ready.add(ticket);
    this.unsubscribe = options.outbox.subscribe(({ tickets }) => {
      for (const ticket of tickets) {
        if (this.inFlight.has(ticket)) continue;
        this.ready.add(ticket);
        this.settleLocally(ticket);
      }
      this.pump();
    });
  }

  get paused(): { reason: string } | null {
    return this.pausedReason === null ? null : { reason: this.pausedReason };
  }

  get sending(): ReadonlySet<string> {
    return this.inFlight;
  }

  /** Send now: the network is back, or a person asked. Clears the backoff wait. */
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
    if (this.pausedReason !== null) this.options.log.info('Outbox resumed: the controller settings changed.');
    this.pausedReason = null;
    this.options.onStateChange?.();
    this.flushNow();
  }

  /** Resolves once nothing is in flight and nothing more can be sent right now (for tests and shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    this.notifyIdle();
  }

  pump(): void {
    if (this.stopped || this.pausedReason !== null) return this.notifyIdle();
    const wait = this.resumeAt - Date.now();
    if (wait > 0) {
      this.schedule(wait);
      return this.notifyIdle();
    }
    while (this.inFlight.size < this.concurrency) {
      const ticket = this.takeReady();
      if (ticket === undefined) break;
      const plan = this.options.outbox.plan(ticket);
      if (!plan) continue; // parked for a person, or nothing left
      this.inFlight.add(ticket);
      void this.deliver(ticket, plan).finally(() => {
        this.inFlight.delete(ticket);
        if (this.options.outbox.plan(ticket)) this.ready.add(ticket);
        this.pump();
      });
    }
    this.notifyIdle();
  }

  /** A void (issue then cancel, never sent) or a blocked action needs no network: settle it even offline. */
  private settleLocally(ticket: string): void {
    const plan = this.options.outbox.plan(ticket);
    if (plan?.kind === 'void') this.options.outbox.recordVoided(plan.ids);
    else if (plan?.kind === 'blocked') this.options.outbox.recordParked(plan.id, plan.message);
  }

  private async deliver(ticket: string, plan: DeliveryPlan): Promise<void> {
    const { outbox } = this.options;
    try {
      switch (plan.kind) {
        case 'void':
          return outbox.recordVoided(plan.ids);
        case 'blocked':
          return outbox.recordParked(plan.id, plan.message);
        case 'push':
          outbox.recordAttempt(plan.ids);
          return this.settle(plan, await this.client.push({ ...plan.values, permitNo: ticket }));
        case 'update':
          outbox.recordAttempt(plan.ids);
          return this.settle(
            plan,
            await this.client.update({
              referenceId: plan.referenceId,
              endAt: plan.values.endAt,
              plate: plan.values.plate,
              amountCents: plan.values.amountCents,
              currency: plan.values.currency,
            }),
          );
        case 'delete':
          outbox.recordAttempt(plan.ids);
          return this.settle(plan, await this.client.delete(plan.referenceId));
      }
    } catch (error) {
      // Only the disk can throw here (the client never does). Leave the action pending and try later.
      this.options.log.error(`Outbox could not record a delivery for ${ticket}`, error);
      this.failed(null);
    }
  }

  private settle(
    plan: Extract<DeliveryPlan, { ids: string[] }>,
    outcome: OpscomOutcome<{ referenceId: string }>,
  ): void {
    const { outbox } = this.options;
    const head = plan.ids[0] ?? '';
    this.options.onOutcome?.(outcome);
    switch (outcome.kind) {
      case 'success':
        this.consecutiveFailures = 0;
        return outbox.recordDelivered(plan.ids, plan.kind === 'push' ? outcome.value.referenceId : null);
      case 'transient':
        outbox.recordFailed(plan.ids, outcome.message, maybeStored(outcome));
        return this.failed(outcome.retryAfterMs);
      case 'unauthorised':
        outbox.recordFailed(plan.ids, outcome.message, false);
        this.pausedReason = outcome.message;
        this.options.log.warn(`Outbox paused: ${outcome.message}`);
        this.options.onStateChange?.();
        return;
      case 'duplicate':
        return outbox.recordParked(
          head,
          'OPSCOM says it already holds this permit (9022), probably from an earlier attempt whose answer was ' +
            'lost. Its reference is unknown, so check it in OPSCOM.',
          'duplicate',
        );
      case 'rejected':
        return outbox.recordParked(
          head,
          outcome.controllerMessage ? `${outcome.message} (${outcome.controllerMessage})` : outcome.message,
        );
      case 'not-found':
        // A cancel whose permit is already gone has done its job (typically our own earlier attempt whose
        // answer was lost); anything else that finds no permit needs a person.
        if (plan.kind === 'delete') {
          return outbox.recordDelivered(plan.ids, null, 'OPSCOM no longer had this permit (9009): already removed.');
        }
        return outbox.recordParked(head, `${outcome.message} It may have been removed in OPSCOM.`);
    }
  }

  private failed(retryAfterMs: number | null): void {
    this.consecutiveFailures += 1;
    const delay = backoffDelayMs(this.consecutiveFailures, this.backoff, this.random, retryAfterMs);
    this.resumeAt = Math.max(this.resumeAt, Date.now() + delay);
    this.options.onStateChange?.();
  }

  private takeReady(): string | undefined {
    for (const ticket of this.ready) {
      this.ready.delete(ticket);
      if (!this.inFlight.has(ticket)) return ticket;
    }
    return undefined;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.pump(), ms);
    this.timer.unref?.();
  }

  private isIdle(): boolean {
    if (this.inFlight.size > 0) return false;
    if (this.stopped || this.pausedReason !== null) return true;
    if (this.resumeAt > Date.now()) return true;
    for (const ticket of this.ready) if (this.options.outbox.plan(ticket)) return false;
    return true;
  }

  private notifyIdle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** Did the controller perhaps store it anyway? Yes unless it was never reached or answered "slow down". */
function maybeStored(outcome: Extract<OpscomOutcome<unknown>, { kind: 'transient' }>): boolean {
  if (!outcome.reachedController) return false;
  return outcome.httpStatus === null || outcome.httpStatus >= 500;
}
