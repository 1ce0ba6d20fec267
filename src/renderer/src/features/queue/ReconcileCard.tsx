import { useState } from 'react';
import type { ReconcileEntry, ReconcileInstruction } from '../../../../shared/outbox/outbox-view';
import type { Catalog } from '../../i18n/catalog';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { PinInput } from '../admin-pin/PinInput';
import { RadioButtons } from '../../ui/RadioButtons';
import { CopyList, PermitValuesLine } from '../permits/UnreachableCopies';

const INSTRUCTION = {
  'remove-extra-copies': 'instructionRemoveExtra',
  'remove-all-copies': 'instructionRemoveAll',
  'update-held-copy': 'instructionUpdateHeld',
  'keep-held-copy': 'instructionKeepHeld',
  'check-after-discard': 'instructionCheckAfterDiscard',
} as const satisfies Record<ReconcileInstruction, keyof Catalog>;

/** What the supervisor did, for the audit log; sent in English whatever the screen says, so reports agree. */
const DONE_NOTES = [
  { value: 'Removed or changed in OPSCOM', label: 'doneFixed' },
  { value: 'Checked: no such copy in OPSCOM', label: 'doneNoCopy' },
] as const satisfies readonly { value: string; label: keyof Catalog }[];

/** "Done in OPSCOM": what was done, and the admin PIN, which main checks. */
function DoneForm({ entry }: { entry: ReconcileEntry }) {
  const { t } = useT();
  const [note, setNote] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const saving = useKiosk((s) => s.inFlight.reconcileClear);
  const { clearReconciliation, closeReconcileStep } = useKiosk.getState();
  const submit = async () => {
    if (!pin || !note || saving) return;
    // A refused PIN is cleared so the next try starts clean; the reason shows in the alert.
    if (!(await clearReconciliation(entry.ticketNumber, pin, note))) setPin('');
  };
  return (
    <div className="queue-step">
      <p className="queue-step__prompt">{t.markDonePrompt(entry.ticketNumber)}</p>
      <RadioButtons
        label={t.markDone}
        options={DONE_NOTES.map((each) => ({ value: each.value, label: t[each.label] }))}
        selected={note}
        onSelect={setNote}
      />
      <PinInput pin={pin} onPin={setPin} />
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!pin || !note || saving}
          onClick={() => void submit()}
        >
          {saving ? t.savingDone : t.confirmDone}
        </button>
        <button type="button" className="button button--secondary" disabled={saving} onClick={closeReconcileStep}>
          {t.back}
        </button>
      </div>
    </div>
  );
}

/** One permit on the reconciliation list: what to do in OPSCOM, what the driver paid for, what OPSCOM may hold. */
export function ReconcileCard({ entry }: { entry: ReconcileEntry }) {
  const { t } = useT();
  const open = useKiosk((s) => s.reconcileStep === entry.ticketNumber);
  const openStep = useKiosk((s) => s.openReconcileStep);
  return (
    <li
      className={`reconcile-card${entry.needsAttention ? ' reconcile-card--attention' : ''}`}
      data-testid="reconcile-row"
      data-ticket={entry.ticketNumber}
    >
      <div className="queue-row__head">
        <span className="queue-row__kind">{entry.ticketNumber}</span>
        <span className="queue-row__plate">{entry.intended.plate}</span>
        <span className={`queue-state queue-state--${entry.needsAttention ? 'attention' : 'waiting'}`}>
          {entry.needsAttention ? t.reconcileNeedsSupervisor : t.reconcileToCheck}
        </span>
      </div>
      <p className="reconcile-card__instruction" data-testid="reconcile-instruction">
        {t[INSTRUCTION[entry.instruction]]}
      </p>
      <dl className="details details--compact">
        <div className="detail-row detail-row--wide">
          <dt>{t.driverPaidFor}</dt>
          <dd>
            {entry.status === 'cancelled' ? `${t.statusCancelled}: ` : ''}
            <PermitValuesLine values={entry.intended} />
          </dd>
        </div>
        <div className="detail-row detail-row--wide">
          <dt>{t.opscomMayHold}</dt>
          <dd>
            <CopyList copies={entry.copies} />
          </dd>
        </div>
      </dl>
      <p className="reconcile-card__references">
        {entry.references.length > 0 ? t.kioskReferences(entry.references.join(', ')) : t.noKioskReference}
      </p>
      {open ? (
        <DoneForm entry={entry} />
      ) : (
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => openStep(entry.ticketNumber)}>
            {t.markDone}
          </button>
        </div>
      )}
    </li>
  );
}
