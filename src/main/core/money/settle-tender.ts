import type { RecordedTender, TenderInput } from '../../../shared/money/ledger-entries';
import { fail } from '../channels/failure';

/**
 * The tender of a sale as the ledger records it, or a refusal: cash must cover the amount and be in the drawer's
 * currency (a drawer holds one currency: totals never mix them); the change is what cash gives back. A sale from
 * a screen that sends no tender is `unrecorded`, never assumed to be cash.
 */
export function settleTender(
  input: TenderInput | undefined,
  sale: { amountCents: number; currency: string },
  drawerCurrency: string,
): RecordedTender {
  if (input === undefined) return { method: 'unrecorded' };
  switch (input.method) {
    case 'cash': {
      if (sale.currency !== drawerCurrency) {
        fail('invalid-request', 'cash-other-currency', {
          params: { drawer: drawerCurrency, currency: sale.currency },
          field: 'tender.method',
        });
      }
      if (input.tenderedCents < sale.amountCents) {
        fail('invalid-request', 'cash-short', {
          params: { tendered: input.tenderedCents, amount: sale.amountCents, currency: sale.currency },
          field: 'tender.tenderedCents',
        });
      }
      return {
        method: 'cash',
        tenderedCents: input.tenderedCents,
        changeCents: input.tenderedCents - sale.amountCents,
      };
    }
    case 'card':
      return {
        method: 'card',
        ...(input.last4 !== undefined ? { last4: input.last4 } : {}),
        ...(input.approvalCode !== undefined ? { approvalCode: input.approvalCode } : {}),
      };
    case 'other':
      return { method: 'other', kind: input.kind, reason: input.reason };
  }
}

/** The tender in a few words, for the audit log's detail column. */
export function describeTender(tender: RecordedTender): string {
  switch (tender.method) {
    case 'cash':
      return `cash: tendered ${tender.tenderedCents}, change ${tender.changeCents}`;
    case 'card': {
      const parts = [
        tender.approvalCode ? `approval ${tender.approvalCode}` : '',
        tender.last4 ? `card ending ${tender.last4}` : '',
      ].filter(Boolean);
      return parts.length > 0 ? `card: ${parts.join(', ')}` : 'card';
    }
    case 'other':
      return `${tender.kind}: ${tender.reason}`;
    case 'unrecorded':
      return 'tender not recorded (sent without one)';
  }
}
