import type { Permit } from '../../../shared/domain';
import { addMinutes, isAfter, minutesBetween, toInstant, type Clock } from '../../../shared/time';
import type { EventHub } from '../events';
import { fail } from '../failure';
import type { OpscomClient, OpscomOutcome } from '../opscom/client';
import { findZone, priceCents, type RateTable, type ZoneRate } from '../pricing';
import type { PermitStore } from './permit-store';
import type { TicketNumberAllocator } from './ticket-numbers';

export interface PermitServiceDeps {
  client: OpscomClient;
  store: PermitStore;
  tickets: TicketNumberAllocator;
  rates: RateTable;
  clock: Clock;
  events: EventHub;
  /** Told of every controller answer, so the status bar knows whether OPSCOM is reachable. */
  onControllerOutcome(outcome: OpscomOutcome<unknown>): void;
}

/**
 * Issue, extend and cancel. Until the offline outbox exists, each action goes to OPSCOM directly and the
 * attendant is told plainly when it did not: nothing is queued, and nothing is dropped without saying so.
 */
export class PermitService {
  /** One answer per request id: a double tap or a retried call does the action once. */
  private readonly byRequestId = new Map<string, Promise<Permit>>();

  constructor(private readonly deps: PermitServiceDeps) {}

  active(): Permit[] {
    const now = toInstant(this.deps.clock.now());
    return this.deps.store
      .all()
      .filter((p) => p.status === 'active' && isAfter(p.endAt, now))
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }

  issue(requestId: string, input: { plate: string; zone: string; durationMinutes: number }): Promise<Permit> {
    return this.once(requestId, async () => {
      const rate = this.zone(input.zone);
      const startAt = toInstant(this.deps.clock.now());
      const endAt = addMinutes(startAt, input.durationMinutes);
      const amountCents = priceCents(rate, input.durationMinutes);
      const ticketNumber = await this.deps.tickets.next();
      const outcome = await this.deps.client.push({
        plate: input.plate,
        startAt,
        endAt,
        amountCents,
        currency: rate.currency,
        permitNo: ticketNumber,
        zone: rate.name,
      });
      const { referenceId } = this.expectSuccess(outcome, 'The permit was not issued.');
      const permit: Permit = {
        ticketNumber,
        plate: input.plate,
        zone: rate.name,
        startAt,
        endAt,
        amountCents,
        currency: rate.currency,
        referenceId,
        status: 'active',
        issuedAt: startAt,
        updatedAt: startAt,
      };
      return this.record(permit);
    });
  }

  quoteExtend(ticketNumber: string, minutes: number): { newEndAt: string; addedCents: number; totalCents: number } {
    const permit = this.activePermit(ticketNumber);
    const rate = this.zone(permit.zone);
    const totalMinutes = minutesBetween(permit.startAt, permit.endAt) + minutes;
    // An extension is priced as part of the whole stay, so the zone's cap applies to the total paid.
    const totalCents = priceCents(rate, totalMinutes);
    return { newEndAt: addMinutes(permit.endAt, minutes), addedCents: totalCents - permit.amountCents, totalCents };
  }

  extend(requestId: string, ticketNumber: string, minutes: number): Promise<Permit> {
    return this.once(requestId, async () => {
      const permit = this.activePermit(ticketNumber);
      const quote = this.quoteExtend(ticketNumber, minutes);
      const outcome = await this.deps.client.update({
        referenceId: this.referenceOf(permit),
        endAt: quote.newEndAt,
        amountCents: quote.totalCents,
        currency: permit.currency,
      });
      this.expectSuccess(outcome, 'The permit was not extended.');
      return this.record({ ...permit, endAt: quote.newEndAt, amountCents: quote.totalCents, updatedAt: this.now() });
    });
  }

  cancel(requestId: string, ticketNumber: string): Promise<Permit> {
    return this.once(requestId, async () => {
      const permit = this.activePermit(ticketNumber);
      const outcome = await this.deps.client.delete(this.referenceOf(permit));
      this.expectSuccess(outcome, 'The permit was not cancelled.');
      return this.record({ ...permit, status: 'cancelled', updatedAt: this.now() });
    });
  }

  private once(requestId: string, action: () => Promise<Permit>): Promise<Permit> {
    const known = this.byRequestId.get(requestId);
    if (known) return known;
    const running = action();
    this.byRequestId.set(requestId, running);
    // A failed action may be tried again with the same id; only successes are remembered.
    running.catch(() => this.byRequestId.delete(requestId));
    if (this.byRequestId.size > 1000) {
      const oldest = this.byRequestId.keys().next().value;
      if (oldest !== undefined) this.byRequestId.delete(oldest);
    }
    return running;
  }

  private async record(permit: Permit): Promise<Permit> {
    await this.deps.store.save(permit);
    this.deps.events.emit('permit:changed', permit);
    return permit;
  }

  private zone(name: string): ZoneRate {
    return (
      findZone(this.deps.rates, name) ?? fail('invalid-request', `“${name}” is not one of this kiosk’s zones.`, 'zone')
    );
  }

  private activePermit(ticketNumber: string): Permit {
    const permit = this.deps.store.get(ticketNumber);
    if (!permit) return fail('invalid-request', `This kiosk has no permit ${ticketNumber}.`, 'ticketNumber');
    if (permit.status !== 'active') return fail('not-active', `Permit ${ticketNumber} was already cancelled.`);
    if (!isAfter(permit.endAt, this.now())) {
      return fail('not-active', `Permit ${ticketNumber} has already ended. Issue a new one instead.`);
    }
    return permit;
  }

  private referenceOf(permit: Permit): string {
    return permit.referenceId ?? fail('not-active', `Permit ${permit.ticketNumber} has not reached OPSCOM yet.`);
  }

  private now(): string {
    return toInstant(this.deps.clock.now());
  }

  private expectSuccess<T>(outcome: OpscomOutcome<T>, notDone: string): T {
    this.deps.onControllerOutcome(outcome);
    switch (outcome.kind) {
      case 'success':
        return outcome.value;
      case 'transient':
        return fail('unreachable', `${notDone} ${outcome.message} Try again in a moment.`);
      case 'rejected':
        return fail('rejected', `${notDone} ${outcome.message}`, outcome.field);
      case 'unauthorised':
        return fail('unauthorised', `${notDone} ${outcome.message}`);
      case 'not-found':
        return fail('not-found', `${notDone} ${outcome.message}`);
      case 'duplicate':
        return fail('duplicate', `${notDone} ${outcome.message}`);
    }
  }
}
