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
    'permits:issue': ({ requestId, ...input }) => {
      k.pin.requireSet();
      return k.permits.issue(requestId, input);
    },
    'permits:quote-extend': ({ ticketNumber, minutes }) => k.permits.quoteExtend(ticketNumber, minutes),
    'permits:extend': ({ requestId, ticketNumber, minutes }) => {
      k.pin.requireSet();
      return k.permits.extend(requestId, ticketNumber, minutes);
    },
    'permits:cancel': ({ requestId, ticketNumber, reason }) => {
      k.pin.requireSet();
      return k.permits.cancel(requestId, ticketNumber, reason);
    },
  };
}
