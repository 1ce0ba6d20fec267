import { PLATE_MAX_LENGTH } from '../../../../shared/plates/plate';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';

/** Read-only on purpose: typing goes through the keypad or the window key handler, never a soft keyboard. */
export function PlateDisplay() {
  const plate = useKiosk((s) => s.plate);
  const clearPlate = useKiosk((s) => s.clearPlate);
  const { t } = useT();

  return (
    <div className="plate-row">
      <input
        className="plate-display"
        data-testid="plate-display"
        aria-label={t.plateLabel}
        readOnly
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        maxLength={PLATE_MAX_LENGTH}
        placeholder={t.platePlaceholder}
        value={plate}
      />
      <button type="button" className="button button--secondary plate-row__clear" onClick={clearPlate}>
        {t.clear}
      </button>
    </div>
  );
}
