import type { Permit, PermitValuesView, UnreachableCopy } from '../../../../shared/permits/permit';
import { useT } from '../../i18n/useT';

/** What one permit says: plate, zone, start–end and amount, as a supervisor would look for it in OPSCOM. */
export function PermitValuesLine({ values }: { values: PermitValuesView }) {
  const { money, dateTime, time } = useT();
  return (
    <span className="copy-values">
      <strong>{values.plate}</strong> · {values.zone} · {dateTime(values.startAt)}–{time(values.endAt)} ·{' '}
      {money(values.amountCents, values.currency)}
    </span>
  );
}

/** Each copy OPSCOM may hold that the kiosk cannot reach, with what it says and why the kiosk is unsure. */
export function CopyList({ copies }: { copies: UnreachableCopy[] }) {
  const { t, dateTime } = useT();
  return (
    <ol className="copy-list" data-testid="copy-list">
      {copies.map((copy, index) => (
        <li key={`${copy.sentAt}-${index}`} className="copy-list__item">
          <span className="copy-list__title">{t.copyAsSent(index + 1)}</span> <PermitValuesLine values={copy} />
          <span className="copy-list__why">
            {' '}
            ({t.sentAt(dateTime(copy.sentAt))}: {t.copyWhy(copy.why)})
          </span>
        </li>
      ))}
    </ol>
  );
}

/** On Active permits and in the Queue: the copies the kiosk counted but cannot reach, never left unsaid. */
export function ExtraCopiesNote({
  copies,
  heldWithoutReference,
}: {
  copies: UnreachableCopy[];
  heldWithoutReference: Permit['heldWithoutReference'];
}) {
  const { t } = useT();
  if (copies.length === 0 && !heldWithoutReference) return null;
  return (
    <div className="extra-copies" data-testid="extra-copies">
      <p className="extra-copies__title">
        <span aria-hidden="true">⚠ </span>
        {heldWithoutReference ? t.heldWithoutReference : t.extraCopies(copies.length)}
      </p>
      {copies.length > 0 && <CopyList copies={copies} />}
    </div>
  );
}
