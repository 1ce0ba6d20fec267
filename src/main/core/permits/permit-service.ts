import type { Permit } from '../../../shared/domain';
import { addMinutes, isAfter, minutesBetween, toInstant, type Clock } from '../../../shared/time';
import { fail } from '../failure';
import type { Outbox } from '../outbox/outbox';
import type { ActionKind, PermitValues } from '../outbox/records';
import { findZone, priceCents, type RateTable, type ZoneRate } from '../pricing';
import type { TicketNumberAllocator } from './ticket-numbers';

export interface PermitServiceDeps {
  outbox: Outbox;
  tickets: TicketNumberAllocator;
  /** The rates in force (a supervisor may change them while the kiosk runs). */
  rates: () => RateTable;
  clock: Clock;
  /** Who is at the screen; refuses when nobody has signed in. */
  attendant: () => string;
}

/**
 * Issue, extend and cancel: validated and priced here, then written durably to the outbox and confirmed at
 * once, whether or not OPSCOM is reachable. The courier delivers them in the background.
 */
export class PermitService {
  /** One answer per request id while it is being worked on: a double tap is one action. */
  private readonly inProgress = new Map<string, Promise<Permit>>();

  constructor(private readonly deps: PermitServiceDeps) {}

  active(): Permit[] {
    return this.deps.outbox.activePermits();
  }

  issue(requestId: string, input: { plate: string; zone: string; durationMinutes: number }): Promise<Permit> {
    return this.once(requestId, async () => {
      const rate = this.zone(input.zone);
      const startAt = this.now();
      const values: PermitValues = {
        plate: input.plate,
        zone: rate.name,
        startAt,
        endAt: addMinutes(startAt, input.durationMinutes),
        amountCents: priceCents(rate, input.durationMinutes),
        currency: rate.currency,
      };
      const attendant = this.deps.attendant();
      const ticketNumber = await this.deps.tickets.next();
      return this.take({ id: requestId, kind: 'issue', ticketNumber, values, attendant, charged: values.amountCents });
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
      const attendant = this.deps.attendant();
      const permit = this.activePermit(ticketNumber);
      const quote = this.quoteExtend(ticketNumber, minutes);
      const values = { ...valuesOf(permit), endAt: quote.newEndAt, amountCents: quote.totalCents };
      return this.take({ id: requestId, kind: 'extend', ticketNumber, values, attendant, charged: quote.addedCents });
    });
  }

  cancel(requestId: string, ticketNumber: string, reason?: string): Promise<Permit> {
    return this.once(requestId, async () => {
      const attendant = this.deps.attendant();
      const values = valuesOf(this.activePermit(ticketNumber));
      return this.take({ id: requestId, kind: 'cancel', ticketNumber, values, attendant, charged: 0, note: reason });
    });
  }

  private take(taken: {
    id: string;
    kind: ActionKind;
    ticketNumber: string;
    values: PermitValues;
    attendant: string;
    charged: number;
    note?: string | undefined;
  }): Permit {
    const { outbox } = this.deps;
    return outbox.accept({
      id: taken.id,
      seq: outbox.nextSeq,
      ticketNumber: taken.ticketNumber,
      kind: taken.kind,
      values: taken.values,
      takenAt: this.now(),
      attendant: taken.attendant,
      chargedCents: taken.charged,
      ...(taken.note ? { note: taken.note } : {}),
    });
  }

  private async once(requestId: string, action: () => Promise<Permit>): Promise<Permit> {
    const known = this.deps.outbox.ticketOf(requestId);
    if (known !== undefined) return this.deps.outbox.permit(known) as Permit;
    const running = this.inProgress.get(requestId) ?? action();
    this.inProgress.set(requestId, running);
    try {
      return await running;
    } finally {
      this.inProgress.delete(requestId);
    }
  }

  private zone(name: string): ZoneRate {
    return (
      findZone(this.deps.rates(), name) ??
      fail('invalid-request', 'zone-unknown', { params: { zone: name }, field: 'zone' })
    );
  }

  private activePermit(ticketNumber: string): Permit {
    const permit = this.deps.outbox.permit(ticketNumber);
    if (!permit)
      return fail('invalid-request', 'permit-unknown', { params: { ticket: ticketNumber }, field: 'ticketNumber' });
    if (permit.status !== 'active') return fail('not-active', 'permit-cancelled', { params: { ticket: ticketNumber } });
    if (!isAfter(permit.endAt, this.now())) {
      return fail('not-active', 'permit-ended', { params: { ticket: ticketNumber } });
    }
    return permit;
  }

  private now(): string {
    return toInstant(this.deps.clock.now());
  }
}

function valuesOf(permit: Permit): PermitValues {
  const { plate, zone, startAt, endAt, amountCents, currency } = permit;
  return { plate, zone, startAt, endAt, amountCents, currency };
}
