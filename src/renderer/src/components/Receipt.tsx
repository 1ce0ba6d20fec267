import type { KioskInfo, Permit } from '../../../shared/domain';
import { useT } from '../i18n/useT';
import { PrintArea } from './PrintArea';

/** The driver's paper copy: who sold it, for which car and zone, from when to when, for how much. */
export function Receipt({ permit, info }: { permit: Permit; info: KioskInfo }) {
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
        <dl className="receipt__details">
          {rows.map(([label, value]) => (
            <div key={label} className={label === t.plate ? 'receipt__row receipt__row--plate' : 'receipt__row'}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="receipt__note">{t.receiptKeep}</p>
      </section>
    </PrintArea>
  );
}
