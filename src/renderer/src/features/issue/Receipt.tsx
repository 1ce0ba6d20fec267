import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import type { RecordedTender } from '../../../../shared/money/ledger-entries';
import { tenderText } from '../payment/tender-words';
import { useT } from '../../i18n/useT';
import { PrintArea } from '../../ui/PrintArea';

/**
 * The driver's paper copy: who sold it, for which car and zone, from when to when, for how much and how it was
 * paid. A plate corrected after the sale says which plate it replaced; a reprint says it is a copy.
 */
export function Receipt({
  permit,
  info,
  tenders = [],
  reprint = false,
}: {
  permit: Permit;
  info: KioskInfo;
  /** How it was paid, when known (the sale's answer, or the permit's payments, an extension's too): printed under
   * the amount, one line per payment. */
  tenders?: RecordedTender[];
  reprint?: boolean;
}) {
  const i18n = useT();
  const { t, dateTime, money } = i18n;
  const rows: [string, string][] = [
    [t.kiosk, `${info.kioskName} (${info.kioskId})`],
    [t.plate, permit.plate],
    [t.zone, permit.zone],
    [t.startsAt, dateTime(permit.startAt)],
    [t.endsAt, dateTime(permit.endAt)],
    [t.amount, money(permit.amountCents, permit.currency)],
    ...tenders.map((tender): [string, string] => [t.paidWith, tenderText(i18n, tender, permit.currency)]),
    [t.ticketNumber, permit.ticketNumber],
    [t.opscomReference, permit.referenceId ?? t.referenceWaiting],
  ];
  return (
    <PrintArea testId="receipt">
      <section className="receipt">
        <h1 className="receipt__title">{t.receiptTitle}</h1>
        {reprint && (
          <p className="receipt__copy" data-testid="receipt-copy">
            {t.receiptReprinted}
          </p>
        )}
        <dl className="receipt__details">
          {rows.map(([label, value]) => (
            <div
              key={`${label}-${value}`}
              className={label === t.plate ? 'receipt__row receipt__row--plate' : 'receipt__row'}
            >
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {permit.plateCorrectedFrom && (
          <p className="receipt__corrected" data-testid="receipt-plate-corrected">
            {t.plateCorrectedWas(permit.plateCorrectedFrom)}
          </p>
        )}
        <p className="receipt__note">{t.receiptKeep}</p>
      </section>
    </PrintArea>
  );
}
