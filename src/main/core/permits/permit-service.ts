import type { Permit } from '../../../shared/permits/permit';
import type { RecordedTender, RefundInput, TenderInput } from '../../../shared/money/ledger-entries';
import { addMinutes, isAfter, minutesBetween, toInstant, type Clock } from '../../../shared/time';
import { fail } from '../channels/failure';
import type { Outbox } from '../outbox/outbox';
import type { ActionKind, PermitValues } from '../outbox/records';
import { findZone, priceCents, type RateTable, type ZoneRate } from './pricing';
import type { KioskStore } from '../storage/kiosk-store';
import type { TicketNumberAllocator } from './ticket-numbers';

export interface PermitServiceDeps {
  /** Each action (its ticket number, ledger entry, outbox change and audit records) is one transaction here. */
  store: KioskStore;
  outbox: Outbox;
  tickets: TicketNumberAllocator;
  /** The rates in force (a supervisor may change them while the kiosk runs). */
  rates: () => RateTable;
  clock: Clock;
  /** Who is at the screen; refuses when nobody has signed in. */
  attendant: () => string;
  /** The money ledger: each sale's tender and each cancel's refund, written before the outbox takes the action. */
  money: PermitMoney;
  /** Minutes after issuing during which the attendant alone may correct a plate (a setting). */
  plateFixWindowMinutes: () => number;
}

/** What PermitService needs of the money side (MoneyService). */
export interface PermitMoney {
  /** The ticket of a sale written under this request id before a crash kept its permit from the outbox. */
  priorSale(id: string): { ticketNumber: string } | undefined;
  /** The tender of a sale, checked (cash covers the amount); nothing is written. */
  tender(input: TenderInput | undefined, sale: { amountCents: number; currency: string }): RecordedTender;
  /** Refuses a refund above what was paid for the permit, net of earlier refunds. */
  checkRefund(ticketNumber: string, currency: string, refund: RefundInput | undefined): void;
  /** Durable when it returns; a repeated request id is written once. */
  recordSale(sale: {
    id: string;
    ticketNumber: string;
    action: 'issue' | 'extend';
    amountCents: number;
    currency: string;
    tender: RecordedTender;
    attendant: string;
  }): void;
  recordCancel(cancel: {
    id: string;
    ticketNumber: string;
    currency: string;
    refund: RefundInput | undefined;
    approvedByPin: boolean;
    reason: string | undefined;
    attendant: string;
  }): void;
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

  /** Issues a permit paid by `tender` (none: recorded as unrecorded); the ledger has the sale before the outbox. */
  issue(
    requestId: string,
    input: { plate: string; zone: string; durationMinutes: number; tender?: TenderInput | undefined },
  ): Promise<Permit> {
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
      const tender = this.deps.money.tender(input.tender, values);
      const { amountCents, currency } = values;
      return this.deps.store.transaction(() => {
        // A sale a crash kept from the outbox before the store (files written one after another) keeps its number.
        const ticketNumber = this.deps.money.priorSale(requestId)?.ticketNumber ?? this.deps.tickets.next();
        this.deps.money.recordSale({
          id: requestId,
          ticketNumber,
          action: 'issue',
          amountCents,
          currency,
          tender,
          attendant,
        });
        return this.take({ id: requestId, kind: 'issue', ticketNumber, values, attendant, charged: amountCents });
      });
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

  /** Extends a permit; `tender` pays what the extension adds. */
  extend(requestId: string, ticketNumber: string, minutes: number, tender?: TenderInput): Promise<Permit> {
    return this.once(requestId, async () => {
      const attendant = this.deps.attendant();
      const permit = this.activePermit(ticketNumber);
      const quote = this.quoteExtend(ticketNumber, minutes);
      const values = { ...valuesOf(permit), endAt: quote.newEndAt, amountCents: quote.totalCents };
      const sale = { amountCents: quote.addedCents, currency: permit.currency };
      const recorded = this.deps.money.tender(tender, sale);
      return this.deps.store.transaction(() => {
        this.deps.money.recordSale({
          id: requestId,
          ticketNumber,
          action: 'extend',
          ...sale,
          tender: recorded,
          attendant,
        });
        return this.take({ id: requestId, kind: 'extend', ticketNumber, values, attendant, charged: quote.addedCents });
      });
    });
  }

  /** Cancels a permit, giving back `refund` (none: the money is kept); `approvedByPin` when above the limit. */
  cancel(
    requestId: string,
    ticketNumber: string,
    reason?: string,
    money: { refund?: RefundInput | undefined; approvedByPin?: boolean } = {},
  ): Promise<Permit> {
    return this.once(requestId, async () => {
      const attendant = this.deps.attendant();
      const values = valuesOf(this.activePermit(ticketNumber));
      this.deps.money.checkRefund(ticketNumber, values.currency, money.refund);
      return this.deps.store.transaction(() => {
        this.deps.money.recordCancel({
          id: requestId,
          ticketNumber,
          currency: values.currency,
          refund: money.refund,
          approvedByPin: money.approvedByPin ?? false,
          reason,
          attendant,
        });
        return this.take({ id: requestId, kind: 'cancel', ticketNumber, values, attendant, charged: 0, note: reason });
      });
    });
  }

  /** Whether correcting this permit's plate now needs the admin PIN: its issue is older than the window. */
  plateFixNeedsPin(ticketNumber: string): boolean {
    const permit = this.activePermit(ticketNumber);
    const windowEnds = addMinutes(permit.issuedAt, this.deps.plateFixWindowMinutes());
    return !isAfter(windowEnds, this.now());
  }

  /** A request id this kiosk already took (a repeated tap gets the first answer, and no second check). */
  isKnownRequest(requestId: string): boolean {
    return this.deps.outbox.ticketOf(requestId) !== undefined;
  }

  /**
   * Corrects the plate after the sale: an action the outbox delivers like an extend (the whole values), so a push
   * still waiting goes with the new plate and a sent permit gets an update. A permit parked for attention is
   * corrected in the queue instead, where its refused action is.
   */
  fixPlate(
    requestId: string,
    ticketNumber: string,
    plate: string,
    reason: string,
    options: { withPin?: boolean } = {},
  ): Promise<Permit> {
    return this.once(requestId, async () => {
      const attendant = this.deps.attendant();
      const permit = this.activePermit(ticketNumber);
      if (permit.sync === 'attention') fail('not-allowed', 'plate-fix-in-queue');
      if (permit.plate === plate) fail('invalid-request', 'plate-fix-same', { params: { plate }, field: 'plate' });
      const values = { ...valuesOf(permit), plate };
      const pin = options.withPin ? ' (after the window, with the admin PIN)' : '';
      const note = `plate ${permit.plate} → ${plate}${pin}: ${reason}`;
      return this.take({ id: requestId, kind: 'fix-plate', ticketNumber, values, attendant, charged: 0, note });
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
