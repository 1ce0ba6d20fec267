import type { RecordedTender } from '../../../../shared/money/ledger-entries';
import type { I18n } from '../../i18n/useT';

/** One line saying how a sale was paid, for the confirmation, the receipt and the permit's details. */
export function tenderText({ t, money }: Pick<I18n, 't' | 'money'>, tender: RecordedTender, currency: string): string {
  switch (tender.method) {
    case 'cash':
      return t.tenderCashLine(money(tender.tenderedCents, currency), money(tender.changeCents, currency));
    case 'card':
      return t.tenderCardLine(tender.last4 ?? null, tender.approvalCode ?? null);
    case 'other':
      return t.tenderOtherLine(tender.kind, tender.reason);
    case 'unrecorded':
      return t.tenderUnrecorded;
  }
}
