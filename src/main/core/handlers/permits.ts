import type { Handlers } from '../dispatch';
import { fail } from '../failure';
import type { KioskServices } from '../services';

type PermitChannels =
  'permits:list' | 'permits:get' | 'permits:issue' | 'permits:quote-extend' | 'permits:extend' | 'permits:cancel';

/** Issue, extend and cancel; nothing is sold before the admin PIN exists (PermitService asks for a shift). */
export function permitHandlers(k: KioskServices): Pick<Handlers, PermitChannels> {
  return {
    'permits:list': () => ({ permits: k.permits.active() }),
    'permits:get': ({ ticketNumber }) =>
      k.outbox.permit(ticketNumber) ??
      fail('not-found', 'permit-unknown', { params: { ticket: ticketNumber }, field: 'ticketNumber' }),
    'permits:issue': async ({ requestId, ...input }) => {
      k.pin.requireSet();
      const permit = await k.permits.issue(requestId, input);
      void k.issueMemory.plateIssued(permit.plate);
      return permit;
    },
    'permits:quote-extend': ({ ticketNumber, minutes }) => k.permits.quoteExtend(ticketNumber, minutes),
    'permits:extend': ({ requestId, ticketNumber, minutes }) => {
      k.pin.requireSet();
      return k.permits.extend(requestId, ticketNumber, minutes);
    },
    'permits:cancel': async ({ requestId, ticketNumber, reason }) => {
      k.pin.requireSet();
      const permit = await k.permits.cancel(requestId, ticketNumber, reason);
      // A cancelled plate was most often the wrong one: it is not offered again.
      void k.issueMemory.plateCancelled(permit.plate);
      return permit;
    },
  };
}
