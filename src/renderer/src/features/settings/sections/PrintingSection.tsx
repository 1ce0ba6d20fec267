import { useEffect } from 'react';
import type { ReceiptWidth } from '../../../../../shared/settings/settings-view';
import { useKiosk } from '../../../app/store';
import { useT } from '../../../i18n/useT';
import { RadioButtons } from '../../../ui/RadioButtons';
import { errorFor, SettingsSection, type SectionProps } from '../FormFields';

/**
 * The printer, chosen by touch from the system's list (the Electron app), or, in the station, why there is none
 * to choose: its Chromium prints to the computer's default printer.
 */
function PrinterChoice({ selected, onSelect }: { selected: string; onSelect: (name: string) => void }) {
  const { t } = useT();
  const printers = useKiosk((s) => s.printers);
  const loading = useKiosk((s) => s.inFlight.printers);
  const loadPrinters = useKiosk((s) => s.loadPrinters);
  useEffect(() => {
    void loadPrinters();
  }, [loadPrinters]);

  if (!printers) {
    return <p className="hint">{loading ? t.printersLoading : null}</p>;
  }
  if (printers.source === 'browser') {
    return (
      <p className="info-note" data-testid="printers-browser">
        {t.printersBrowser}
      </p>
    );
  }
  const listed = printers.printers.map((printer) => ({
    value: printer.name,
    label: printer.isDefault ? t.printerIsDefault(printer.displayName) : printer.displayName,
  }));
  const missing = selected && !printers.printers.some((p) => p.name === selected);
  return (
    <>
      <p className="field-label">{t.printerSetting}</p>
      <RadioButtons<string>
        label={t.printerSetting}
        options={[
          { value: '', label: t.printerAsk },
          ...listed,
          ...(missing ? [{ value: selected, label: t.printerNotFound(selected) }] : []),
        ]}
        selected={selected}
        onSelect={onSelect}
      />
      <p className="hint">{printers.printers.length === 0 ? t.printersNone : t.printerSilentHint}</p>
    </>
  );
}

/** Receipts: the roll's width and the printer. */
export function PrintingSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  return (
    <SettingsSection id="printing" title={t.sectionPrinting} view={view} provisioned={['receiptWidth', 'printerName']}>
      <p className="field-label">{t.receiptWidthSetting}</p>
      <RadioButtons<ReceiptWidth>
        label={t.receiptWidthSetting}
        options={[
          { value: '80mm', label: t.receiptWidth80 },
          { value: '58mm', label: t.receiptWidth58 },
        ]}
        selected={draft.receiptWidth}
        onSelect={(receiptWidth) => update({ receiptWidth })}
      />
      <PrinterChoice selected={draft.printerName} onSelect={(printerName) => update({ printerName })} />
      {errorFor(errors, 'printerName') && <p className="field__error">{errorFor(errors, 'printerName')}</p>}
    </SettingsSection>
  );
}
