import type { Permit } from '../../../shared/permits/permit';
import type { RecordedTender } from '../../../shared/money/ledger-entries';
import type { Handlers } from '../channels/dispatch';
import { fail } from '../channels/failure';
import type { KioskServices } from '../channels/services';

type PermitChannels =
  | 'permits:list'
  | 'permits:get'
  | 'permits:issue'
  | 'permits:quote-extend'
  | 'permits:extend'
  | 'permits:cancel'
  | 'permits:fix-plate';

/**
 * Issue, extend, cancel and correct a plate; nothing is sold before the admin PIN exists (PermitService asks for
 * a shift). A sale answers with the tender the ledger recorded (a cash tender with its change).
 */
export function permitHandlers(k: KioskServices): Pick<Handlers, PermitChannels> {
  return {
    'permits:list': () => ({ permits: k.permits.active() }),
    'permits:get': ({ ticketNumber }) =>
      k.outbox.permit(ticketNumber) ??
      fail('not-found', 'permit-unknown', { params: { ticket: ticketNumber }, field: 'ticketNumber' }),
    'permits:issue': async ({ requestId, ...input }) => {
      k.pin.requireSet();
      // Below the disk's floor a new sale is refused, so the outbox keeps room to deliver; a retry of a sale
      // already recorded is still answered (#19).
      if (!k.permits.isKnownRequest(requestId)) k.storage.assertRoomForNewSale();
      const permit = await k.permits.issue(requestId, input);
      void k.issueMemory.plateIssued(permit.plate);
      return withTender(k, requestId, permit);
    },
    'permits:quote-extend': ({ ticketNumber, minutes }) => k.permits.quoteExtend(ticketNumber, minutes),
    'permits:extend': async ({ requestId, ticketNumber, minutes, tender }) => {
      k.pin.requireSet();
      return withTender(k, requestId, await k.permits.extend(requestId, ticketNumber, minutes, tender));
    },
    'permits:cancel': async ({ requestId, ticketNumber, reason, refund, adminPin }) => {
      k.pin.requireSet();
      const known = k.outbox.permit(ticketNumber);
      const needsPin = !!known && !k.permits.isKnownRequest(requestId) && k.money.refundNeedsPin(refund);
      if (needsPin && known && refund) {
        // The amount is checked before the PIN is asked for: a refund that cannot be given needs no supervisor.
        k.money.checkRefund(ticketNumber, known.currency, refund);
        if (adminPin === undefined) {
          const above = k.settings.current.refundPinAboveCents;
          fail('not-allowed', 'refund-needs-pin', { params: { above, currency: known.currency }, field: 'adminPin' });
        }
        await k.pin.require(adminPin);
      }
      const permit = await k.permits.cancel(requestId, ticketNumber, reason, { refund, approvedByPin: needsPin });
      // A cancelled plate was most often the wrong one: it is not offered again.
      void k.issueMemory.plateCancelled(permit.plate);
      return permit;
    },
    'permits:fix-plate': async ({ requestId, ticketNumber, plate, reason, adminPin }) => {
      k.pin.requireSet();
      const needsPin = !k.permits.isKnownRequest(requestId) && k.permits.plateFixNeedsPin(ticketNumber);
      if (needsPin) {
        if (adminPin === undefined) {
          const minutes = k.settings.current.plateFixWindowMinutes;
          fail('not-allowed', 'plate-fix-needs-pin', { params: { minutes }, field: 'adminPin' });
        }
        await k.pin.require(adminPin);
      }
      const before = k.outbox.permit(ticketNumber)?.plate;
      const permit = await k.permits.fixPlate(requestId, ticketNumber, plate, reason, { withPin: needsPin });
      // The mistyped plate is not offered again; the right one is.
      if (before !== undefined && before !== permit.plate) void k.issueMemory.plateCancelled(before);
      void k.issueMemory.plateIssued(permit.plate);
      return permit;
    },
  };
}

/** A sale's answer: the permit and its tender as the ledger has it. */
function withTender(k: KioskServices, requestId: string, permit: Permit): Permit & { tender?: RecordedTender } {
  const tender = k.money.saleTender(requestId);
  return tender ? { ...permit, tender } : permit;
}
