import type { Shift } from '../../../shared/shift/shift-view';
import {
  collectsMoney,
  DENOMINATIONS,
  type CountResult,
  type DayReport,
  type DenominationCount,
  type DrawerStatus,
  type LedgerEntry,
  type LedgerEntryOf,
  type MoneyReport,
  type PermitPayments,
  type RecordedTender,
  type RefundInput,
  type TenderInput,
} from '../../../shared/money/ledger-entries';
import { localDateOf, toInstant, type Clock } from '../../../shared/time';
import type { AdminPin } from '../settings/admin-pin';
import type { AuditEntry, AuditLog } from '../audit/audit-log';
import { fail } from '../channels/failure';
import type { PermitMoney } from '../permits/permit-service';
import type { KioskStore } from '../storage/kiosk-store';
import type { MoneyLedger } from './money-ledger';
import { buildDayReport, buildReport, countResult, drawerFigures, lastCount, movesCash } from './reports';
import { describeTender, settleTender } from './settle-tender';

export interface MoneyServiceDeps {
  /** Where an entry and its audit record commit together. */
  store: KioskStore;
  ledger: MoneyLedger;
  audit: AuditLog;
  clock: Clock;
  pin: AdminPin;
  /** The open shift, if any. */
  shift: () => Shift | null;
  kioskId: () => string;
  /** The drawer's currency when no float says otherwise: the first zone's. */
  defaultCurrency: () => string;
  refundPinAboveCents: () => number;
  drawerToleranceCents: () => number;
}

/**
 * The money side of a shift: tenders and refunds (for PermitService), the cash drawer, and the X and Z reports.
 * Everything is written to the ledger (durable first) and then to the audit log; reports are rebuilt from the
 * ledger, so they survive a restart and can be printed again.
 */
export class MoneyService implements PermitMoney {
  constructor(private readonly deps: MoneyServiceDeps) {}

  // --- sales and cancels ----------------------------------------------------------------------------------

  tender(input: TenderInput | undefined, sale: { amountCents: number; currency: string }): RecordedTender {
    return settleTender(input, sale, this.drawerCurrency(this.requireShift().id));
  }

  recordSale(sale: Parameters<PermitMoney['recordSale']>[0]): void {
    const shift = this.requireShift();
    const { id, ticketNumber, action, amountCents, currency, tender, attendant } = sale;
    this.write(
      {
        type: 'sale',
        id,
        at: this.now(),
        shiftId: shift.id,
        attendant,
        ticketNumber,
        action,
        amountCents,
        currency,
        tender,
      },
      {
        event: 'tendered',
        ticketNumber,
        kind: action,
        amountCents,
        currency,
        attendant,
        detail: describeTender(tender),
      },
    );
  }

  /**
   * A sale already in the ledger under this request id whose permit the outbox never took (the kiosk stopped
   * between the two writes): the repeated request keeps its ticket number, so the books and the permit agree.
   */
  priorSale(id: string): { ticketNumber: string } | undefined {
    const entry = this.deps.ledger.find(id);
    return entry?.type === 'sale' ? { ticketNumber: entry.ticketNumber } : undefined;
  }

  /** The tender a sale was recorded with, by its request id (for a repeated request's answer). */
  saleTender(id: string): RecordedTender | undefined {
    const entry = this.deps.ledger.find(id);
    return entry?.type === 'sale' ? entry.tender : undefined;
  }

  /** Whether this refund needs the admin PIN (above the setting `refundPinAboveCents`). */
  refundNeedsPin(refund: RefundInput | undefined): boolean {
    return refund !== undefined && refund.amountCents > this.deps.refundPinAboveCents();
  }

  checkRefund(ticketNumber: string, currency: string, refund: RefundInput | undefined): void {
    if (!refund) return;
    const max = this.refundable(ticketNumber);
    if (refund.amountCents > max) {
      fail('invalid-request', 'refund-too-much', {
        params: { max, currency, ticket: ticketNumber },
        field: 'refund.amountCents',
      });
    }
    const drawer = this.drawerCurrency(this.requireShift().id);
    if (refund.method === 'cash' && currency !== drawer) {
      fail('invalid-request', 'cash-other-currency', { params: { drawer, currency }, field: 'refund.method' });
    }
  }

  recordCancel(cancel: Parameters<PermitMoney['recordCancel']>[0]): void {
    const shift = this.requireShift();
    const { id, ticketNumber, currency, attendant } = cancel;
    const refund = cancel.refund ? { ...cancel.refund, approvedByPin: cancel.approvedByPin } : null;
    const entry: LedgerEntry = {
      type: 'cancel',
      id,
      at: this.now(),
      shiftId: shift.id,
      attendant,
      ticketNumber,
      currency,
      refund,
      ...(cancel.reason ? { reason: cancel.reason } : {}),
    };
    const detail = refund
      ? `${refund.method}${refund.approvedByPin ? ', approved with the admin PIN' : ''}`
      : 'the money was kept';
    this.write(entry, {
      event: refund ? 'refunded' : 'not-refunded',
      ticketNumber,
      kind: 'cancel',
      amountCents: refund?.amountCents ?? 0,
      currency,
      attendant,
      detail,
    });
  }

  /** Money taken for a permit (complimentary excluded), net of refunds. */
  refundable(ticketNumber: string): number {
    let cents = 0;
    for (const entry of this.deps.ledger.ofTicket(ticketNumber)) {
      if (entry.type === 'sale' && entry.ticketNumber === ticketNumber && collectsMoney(entry.tender)) {
        cents += entry.amountCents;
      }
      if (entry.type === 'cancel' && entry.ticketNumber === ticketNumber) cents -= entry.refund?.amountCents ?? 0;
    }
    return Math.max(0, cents);
  }

  payments(ticketNumber: string): PermitPayments {
    const entries = [...this.deps.ledger.ofTicket(ticketNumber)];
    const first = entries[0];
    return {
      ticketNumber,
      entries,
      currency: first && 'currency' in first ? first.currency : null,
      refundableCents: this.refundable(ticketNumber),
    };
  }

  /** Refunded per currency during a shift: the shift summary's amounts are net of them. */
  refundsOf(shiftId: string): Array<{ currency: string; cents: number }> {
    const totals = new Map<string, number>();
    for (const entry of this.entriesOf(shiftId)) {
      if (entry.type === 'cancel' && entry.refund) {
        totals.set(entry.currency, (totals.get(entry.currency) ?? 0) + entry.refund.amountCents);
      }
    }
    return [...totals].map(([currency, cents]) => ({ currency, cents }));
  }

  // --- the drawer -----------------------------------------------------------------------------------------

  status(): DrawerStatus {
    const shift = this.openShift();
    const entries = this.entriesOf(shift.id);
    const currency = this.drawerCurrency(shift.id);
    const float = entries.find((entry) => entry.type === 'float');
    return {
      shiftId: shift.id,
      currency,
      floatCents: float?.type === 'float' ? float.amountCents : null,
      denominations: [...(DENOMINATIONS[currency] ?? [])],
      paidOuts: entries.filter((entry) => entry.type === 'paid-out').length,
      drops: entries.filter((entry) => entry.type === 'drop').length,
      lastCount: lastCount(entries),
    };
  }

  /** The float: once a shift, before any cash moves (else the drawer started empty, and the count says so). */
  open(floatCents: number, currency = this.deps.defaultCurrency()): DrawerStatus {
    const shift = this.openShift();
    const entries = this.entriesOf(shift.id);
    if (entries.some((entry) => entry.type === 'float')) fail('not-allowed', 'drawer-already-open');
    if (entries.some((entry) => movesCash(entry) || entry.type === 'count')) {
      fail('not-allowed', 'drawer-open-too-late');
    }
    if (!DENOMINATIONS[currency]) {
      fail('invalid-request', 'drawer-currency-unsupported', { params: { currency }, field: 'currency' });
    }
    this.write(
      {
        type: 'float',
        id: crypto.randomUUID(),
        at: this.now(),
        shiftId: shift.id,
        attendant: shift.attendant,
        amountCents: floatCents,
        currency,
      },
      { event: 'drawer-float', amountCents: floatCents, currency, attendant: shift.attendant },
    );
    return this.status();
  }

  /** A paid-out or a drop, with its reason. A repeated request id is recorded once. */
  move(type: 'paid-out' | 'drop', input: { requestId: string; amountCents: number; reason: string }): DrawerStatus {
    const shift = this.openShift();
    const currency = this.drawerCurrency(shift.id);
    this.write(
      {
        type,
        id: input.requestId,
        at: this.now(),
        shiftId: shift.id,
        attendant: shift.attendant,
        amountCents: input.amountCents,
        currency,
        reason: input.reason,
      },
      { event: type, amountCents: input.amountCents, currency, attendant: shift.attendant, detail: input.reason },
    );
    return this.status();
  }

  /** The blind count: recorded first, and only then compared with the expected cash. */
  count(counts: DenominationCount[]): CountResult {
    const shift = this.openShift();
    const currency = this.drawerCurrency(shift.id);
    const denominations = DENOMINATIONS[currency];
    if (!denominations) fail('invalid-request', 'drawer-currency-unsupported', { params: { currency } });
    const seen = new Set<number>();
    counts.forEach((each, index) => {
      const field = `counts.${index}.cents`;
      if (!denominations.includes(each.cents)) {
        fail('invalid-request', 'denomination-unknown', { params: { cents: each.cents, currency }, field });
      }
      if (seen.has(each.cents)) {
        fail('invalid-request', 'denomination-repeated', { params: { cents: each.cents, currency }, field });
      }
      seen.add(each.cents);
    });
    const ordered = [...counts].sort((a, b) => b.cents - a.cents);
    const countedCents = ordered.reduce((sum, each) => sum + each.cents * each.count, 0);
    const expectedCents = drawerFigures(this.entriesOf(shift.id), currency).expectedCents;
    const entry: LedgerEntryOf<'count'> = {
      type: 'count',
      id: crypto.randomUUID(),
      at: this.now(),
      shiftId: shift.id,
      attendant: shift.attendant,
      currency,
      counts: ordered,
      countedCents,
      expectedCents,
      toleranceCents: this.deps.drawerToleranceCents(),
    };
    const result = countResult(entry, false);
    this.write(entry, {
      event: 'drawer-count',
      amountCents: countedCents,
      currency,
      attendant: shift.attendant,
      detail: `expected ${expectedCents}, ${result.outcome} ${Math.abs(result.differenceCents)}`,
    });
    return result;
  }

  /**
   * Before the shift closes: a shift that moved cash needs a count made after the last cash movement, and a
   * count beyond the tolerance needs the admin PIN. Writes the close (the Z), and `alsoClose` in the same
   * transaction (the shift itself), and returns the Z-report.
   */
  async close(adminPin: string | undefined, alsoClose: () => void = () => undefined): Promise<MoneyReport> {
    const shift = this.openShift();
    const entries = this.entriesOf(shift.id);
    const count = lastCount(entries);
    if (entries.some(movesCash)) {
      if (!count) fail('not-allowed', 'drawer-count-first');
      if (count.stale) fail('not-allowed', 'drawer-count-stale');
    }
    let approvedByPin = false;
    if (count?.needsPin) {
      if (adminPin === undefined) {
        fail('not-allowed', 'drawer-difference-needs-pin', {
          params: { difference: count.differenceCents, tolerance: count.toleranceCents, currency: count.currency },
          field: 'adminPin',
        });
      }
      await this.deps.pin.require(adminPin);
      approvedByPin = true;
    }
    const write = (entry: LedgerEntry, audit: Omit<AuditEntry, 'at'>) =>
      this.deps.store.transaction(() => {
        this.write(entry, audit);
        alsoClose();
      });
    write(
      {
        type: 'close',
        id: crypto.randomUUID(),
        at: this.now(),
        shiftId: shift.id,
        attendant: shift.attendant,
        startedAt: shift.startedAt,
        approvedByPin,
      },
      {
        event: 'drawer-closed',
        attendant: shift.attendant,
        detail: approvedByPin ? 'difference approved with the admin PIN' : 'closed',
      },
    );
    return this.report(shift, false);
  }

  // --- reports --------------------------------------------------------------------------------------------

  /** The open shift's X-report; the expected cash only with the admin PIN until the drawer is counted. */
  async xReport(adminPin: string | undefined): Promise<MoneyReport> {
    const shift = this.openShift();
    if (adminPin !== undefined) await this.deps.pin.require(adminPin);
    return this.report(shift, adminPin !== undefined);
  }

  /** The Z-report of a closed shift: the last one closed unless a shift id is given. */
  zReport(shiftId?: string): MoneyReport {
    const closes = this.closes();
    const close = shiftId === undefined ? closes.at(-1) : closes.find((entry) => entry.shiftId === shiftId);
    if (!close) {
      return shiftId === undefined
        ? fail('not-found', 'no-closed-shift')
        : fail('not-found', 'shift-unknown', { field: 'shiftId' });
    }
    return this.report(shiftOf(close), false);
  }

  /** Every shift that started on this local date (closed ones as Z, the open one as X), per attendant. */
  dayReport(date = localDateOf(this.now())): DayReport {
    const shifts = this.closes().map(shiftOf);
    const open = this.deps.shift();
    if (open && !shifts.some((shift) => shift.id === open.id)) shifts.push(open);
    const reports = shifts
      .filter((shift) => localDateOf(shift.startedAt) === date)
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((shift) => this.report(shift, false));
    return buildDayReport(date, reports);
  }

  // --- internals ------------------------------------------------------------------------------------------

  /**
   * The retention rule's money side: each shift closed before `before` whose permits are all settled keeps its
   * Z-report and loses its entries (the close stays, so reports still list the shift). Returns the counts.
   */
  archiveShiftsClosedBefore(
    before: string,
    stillKnown: (ticketNumber: string) => boolean,
  ): { shifts: number; entries: number } {
    let shifts = 0;
    let entries = 0;
    for (const close of this.closes()) {
      if (close.at >= before || this.deps.ledger.archivedReport(close.shiftId)) continue;
      const own = this.entriesOf(close.shiftId);
      if (own.some((entry) => (entry.type === 'sale' || entry.type === 'cancel') && stillKnown(entry.ticketNumber)))
        continue;
      entries += this.deps.ledger.archiveShift(close.shiftId, this.report(shiftOf(close), false));
      shifts += 1;
    }
    return { shifts, entries };
  }

  private report(shift: Shift, showExpected: boolean): MoneyReport {
    const archived = this.deps.ledger.archivedReport(shift.id);
    if (archived) return archived;
    return buildReport(
      {
        kioskId: this.deps.kioskId(),
        shift,
        entries: this.entriesOf(shift.id),
        drawerCurrency: this.drawerCurrency(shift.id),
      },
      { showExpected },
    );
  }

  private closes(): Array<LedgerEntryOf<'close'>> {
    return this.deps.ledger.ofType('close');
  }

  private entriesOf(shiftId: string): readonly LedgerEntry[] {
    return this.deps.ledger.ofShift(shiftId);
  }

  private drawerCurrency(shiftId: string): string {
    const float = this.entriesOf(shiftId).find((entry) => entry.type === 'float');
    return float?.type === 'float' ? float.currency : this.deps.defaultCurrency();
  }

  /** For a sale or a cancel: nothing is sold before someone signs in. */
  private requireShift(): Shift {
    return this.deps.shift() ?? fail('not-allowed', 'shift-needed');
  }

  /** For the drawer and the X-report, which belong to the open shift. */
  private openShift(): Shift {
    return this.deps.shift() ?? fail('not-allowed', 'no-shift-open');
  }

  /** The entry and its audit record, in one transaction; a repeated id is neither written nor audited again. */
  private write(entry: LedgerEntry, audit: Omit<AuditEntry, 'at'>): void {
    this.deps.store.transaction(() => {
      if (!this.deps.ledger.append(entry)) return;
      this.deps.audit.append({ at: entry.at, ...audit });
    });
  }

  private now(): string {
    return toInstant(this.deps.clock.now());
  }
}

function shiftOf(close: LedgerEntryOf<'close'>): Shift {
  return { id: close.shiftId, attendant: close.attendant, startedAt: close.startedAt };
}
