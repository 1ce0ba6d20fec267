import type { Permit } from '../../../../shared/permits/permit';
import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { printSection } from '../../ui/PrintArea';

/** Under a permit's details: correct its plate (while it is active) and print its receipt again. */
export function PermitPaperActions({ permit, canChange }: { permit: Permit; canChange: boolean }) {
  const { t } = useT();
  const busy = useKiosk((s) => s.inFlight.extend || s.inFlight.cancel || s.inFlight.plateFix);
  const startPlateFix = useKiosk((s) => s.startPlateFix);
  return (
    <div className="actions permit-paper-actions">
      {canChange && permit.status === 'active' && permit.sync !== 'attention' && (
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => startPlateFix(permit.ticketNumber)}
        >
          {t.plateFixOpen}
        </button>
      )}
      <button type="button" className="button button--secondary" onClick={() => printSection('receipt')}>
        {t.reprintReceipt}
      </button>
    </div>
  );
}
