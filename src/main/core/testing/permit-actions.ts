/**
 * Selling, extending, cancelling and reading permits through a test kiosk's core, as the page asks for them, for
 * tests that are about what follows rather than the request itself. One place, instead of a local `issue` in
 * every test file.
 */
import type { TenderInput } from '../../../shared/money/ledger-entries';
import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import { value, type TestKiosk } from './test-kiosk';

/** What a sale may say besides the plate; by default a fresh request id, Lot 1, 60 minutes and no tender. */
export interface Sale {
  requestId?: string;
  zone?: string;
  durationMinutes?: number;
  tender?: TenderInput;
}

/** A `permits:issue` request, as the page sends it. */
export function issueRequest(plate: string, sale: Sale = {}) {
  return {
    requestId: sale.requestId ?? crypto.randomUUID(),
    plate,
    zone: sale.zone ?? 'Lot 1',
    durationMinutes: sale.durationMinutes ?? 60,
    ...(sale.tender ? { tender: sale.tender } : {}),
  };
}

/** Sells a permit and gives back the core's answer as it is, refusals included. */
export const tryIssue = (k: TestKiosk, plate: string, sale: Sale = {}) =>
  k.core.dispatch('permits:issue', issueRequest(plate, sale));

/** Sells a permit that must go through: the permit, or the test fails with the core's own words. */
export const issue = async (k: TestKiosk, plate: string, sale: Sale = {}): Promise<Permit> =>
  value<Permit>(await tryIssue(k, plate, sale));

/** Adds 30 minutes to a permit, which must go through. */
export const extend = async (k: TestKiosk, ticketNumber: string): Promise<Permit> =>
  value<Permit>(await k.core.dispatch('permits:extend', { requestId: crypto.randomUUID(), ticketNumber, minutes: 30 }));

/** Cancels a permit (no reason given), which must go through. */
export const cancel = async (k: TestKiosk, ticketNumber: string): Promise<Permit> =>
  value<Permit>(await k.core.dispatch('permits:cancel', { requestId: crypto.randomUUID(), ticketNumber }));

/** A permit as the kiosk shows it now. */
export const viewPermit = async (k: TestKiosk, ticketNumber: string): Promise<Permit> =>
  value<Permit>(await k.core.dispatch('permits:get', { ticketNumber }));

export const outboxStatus = async (k: TestKiosk): Promise<OutboxStatus> =>
  value<OutboxStatus>(await k.core.dispatch('outbox:status', {}));

/** The first zone the kiosk offers (Lot 1 with the shipped rates), for tests that take whatever it offers. */
export const firstZone = (k: TestKiosk): string => k.core.info.zones[0]!.name;

/** A cash tender of `tenderedCents`. */
export const cash = (tenderedCents: number): TenderInput => ({ method: 'cash', tenderedCents });
