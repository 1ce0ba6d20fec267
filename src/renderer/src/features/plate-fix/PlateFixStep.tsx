import { useId } from 'react';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import { PLATE_MAX_LENGTH } from '../../../../shared/plates/plate';
import { useT } from '../../i18n/useT';
import { DEFAULT_PLATE_FIX_WINDOW_MINUTES, PLATE_FIX_REASONS, type PlateFixReason } from './plate-fix-slice';
import { useKiosk } from '../../app/store';
import { PinField } from '../admin-pin/PinInput';
import { PinPad, usePinLock } from '../admin-pin/PinPad';
import { PlateKeypad } from '../keyboard/PlateKeypad';
import { RadioButtons } from '../../ui/RadioButtons';

/**
 * Correcting a permit's plate after the sale, inside its details: the new plate on the plate keys, a reason, and,
 * past the window, the admin PIN. Main sends the new plate to OPSCOM (a waiting push, or an update).
 */
export function PlateFixStep({ permit, info }: { permit: Permit; info: KioskInfo }) {
  const { t } = useT();
  const plateId = useId();
  const step = useKiosk((s) => s.plateFix);
  const busy = useKiosk((s) => s.inFlight.plateFix);
  const { locked } = usePinLock();
  const {
    typePlateFix,
    backspacePlateFix,
    clearPlateFix,
    choosePlateFixReason,
    typePlateFixPin,
    backspacePlateFixPin,
    clearPlateFixPin,
    confirmPlateFix,
    closePlateFix,
  } = useKiosk.getState();
  if (!step || step.ticketNumber !== permit.ticketNumber) return null;

  const minutes = info.plateFixWindowMinutes ?? DEFAULT_PLATE_FIX_WINDOW_MINUTES;
  const missing = !step.plate
    ? t.plateFixTypeFirst
    : !step.reason
      ? t.plateFixChooseReason
      : step.needsPin && !step.pin
        ? t.plateFixEnterPin
        : null;

  return (
    <section className="plate-fix" aria-labelledby={`${plateId}-title`} data-testid="plate-fix">
      <h3 className="section-title" id={`${plateId}-title`}>
        {t.plateFixTitle(permit.plate)}
      </h3>
      <p className={step.needsPin ? 'warning-note' : 'hint'} data-testid="plate-fix-window">
        {step.needsPin ? t.plateFixPinPrompt(minutes) : t.plateFixNoPin(minutes)}
      </p>
      <div className="plate-fix__plate">
        <label className="field-label" htmlFor={plateId}>
          {t.plateFixNewPlate}
        </label>
        <div className="plate-row">
          {/* Read-only: the plate keys below type it, as on the Issue screen. */}
          <input
            id={plateId}
            className="plate-display"
            data-testid="plate-fix-plate"
            readOnly
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            maxLength={PLATE_MAX_LENGTH}
            value={step.plate}
          />
          <button type="button" className="button button--secondary plate-row__clear" onClick={clearPlateFix}>
            {t.clear}
          </button>
        </div>
        <PlateKeypad onCharacter={typePlateFix} onBackspace={backspacePlateFix} />
      </div>
      <div className="plate-fix__side">
        <p className="field-label">{t.plateFixReason}</p>
        <RadioButtons<PlateFixReason>
          label={t.plateFixReason}
          options={PLATE_FIX_REASONS.map((reason) => ({ value: reason.value, label: t[reason.label] }))}
          selected={step.reason}
          onSelect={choosePlateFixReason}
        />
        {step.needsPin && (
          <div className="plate-fix__pin">
            <PinField pin={step.pin} label={t.adminPin} disabled={locked} padOnly />
            <PinPad
              disabled={busy}
              onDigit={typePlateFixPin}
              onBackspace={backspacePlateFixPin}
              onClear={clearPlateFixPin}
            />
          </div>
        )}
        {missing && <p className="hint">{missing}</p>}
        <div className="actions">
          <button type="button" className="button button--secondary" disabled={busy} onClick={closePlateFix}>
            {t.plateFixBack}
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-busy={busy}
            disabled={busy || missing !== null || (step.needsPin && locked)}
            onClick={() => void confirmPlateFix()}
          >
            {busy ? t.plateFixing : t.plateFixConfirm}
          </button>
        </div>
      </div>
    </section>
  );
}
