import type { KioskInfo, Permit } from '../../../shared/domain';
import type { RecordedTender } from '../../../shared/ledger';
import { tenderText } from '../tender-words';
import { useT } from '../i18n/useT';
import { PrintArea } from './PrintArea';

/** The driver's paper copy: who sold it, for which car and zone, from when to when, for how much. */
export function Receipt({
  permit,
  info,
  tender = null,
}: {
  permit: Permit;
  info: KioskInfo;
  /** How it was paid, when known (the sale's answer, or the permit's payments): printed under the amount. */
  tender?: RecordedTender | null;
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
    ...(tender ? [[t.paidWith, tenderText(i18n, tender, permit.currency)] as [string, string]] : []),
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
