import type { Permit } from '../../../../shared/permits/permit';
import { useT } from '../../i18n/useT';
import { SyncBadge } from './SyncBadge';

interface Props {
  permit: Permit;
  now: Date;
  onOpen: (ticketNumber: string) => void;
}

/**
 * One permit on the Active permits list, one tap to its details: the plate large, the zone, the end and the time
 * left, and where it stands with OPSCOM. The whole row is the button, so a gloved finger cannot miss it.
 */
export function PermitRow({ permit, now, onOpen }: Props) {
  const { t, end, timeLeft } = useT();
  const copies = permit.unreachableCopies.length;
  const checkCopies = copies > 0 || permit.heldWithoutReference;
  return (
    <li className="permit-row" data-testid="permit-row" data-ticket={permit.ticketNumber}>
      <button type="button" className="permit-row__button" onClick={() => onOpen(permit.ticketNumber)}>
        <span className="permit-row__plate" data-testid="row-plate">
          {permit.plate}
        </span>{' '}
        <span className="permit-row__zone">{permit.zone}</span>{' '}
        <span className="permit-row__end">
          <span className="permit-row__end-time" data-testid="row-end">
            {end(permit.endAt, now)}
          </span>{' '}
          <span className="permit-row__left" data-testid="time-left">
            {timeLeft(permit.endAt, now)}
          </span>
        </span>{' '}
        <span className="permit-row__sync">
          {checkCopies && (
            // The details say what each copy holds; the row only flags that there is something to look at.
            <span className="permit-row__copies">
              <span aria-hidden="true">⚠</span>
              <span className="visually-hidden">
                {permit.heldWithoutReference ? t.heldWithoutReference : t.extraCopies(copies)}
              </span>
            </span>
          )}
          <SyncBadge sync={permit.sync} />
        </span>
        <span className="permit-row__open" aria-hidden="true">
          ›
        </span>
      </button>
    </li>
  );
}
