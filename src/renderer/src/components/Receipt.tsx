import type { KioskInfo, Permit } from '../../../shared/domain';
import { useT } from '../i18n/useT';
import { PrintArea } from './PrintArea';

/**
 * The driver's paper copy: who sold it, for which car and zone, from when to when, for how much. A plate corrected
 * after the sale says which plate it replaced; a reprint says it is a copy.
 */
export function Receipt({ permit, info, reprint = false }: { permit: Permit; info: KioskInfo; reprint?: boolean }) {
  const { t, dateTime, money } = useT();
  const rows: [string, string][] = [
    [t.kiosk, `${info.kioskName} (${info.kioskId})`],
    [t.plate, permit.plate],
    [t.zone, permit.zone],
    [t.startsAt, dateTime(permit.startAt)],
    [t.endsAt, dateTime(permit.endAt)],
    [t.amount, money(permit.amountCents, permit.currency)],
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
            <div key={label} className={label === t.plate ? 'receipt__row receipt__row--plate' : 'receipt__row'}>
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
