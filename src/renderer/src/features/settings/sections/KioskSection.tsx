import { useT } from '../../../i18n/useT';
import { errorFor, Field, SettingsSection, type SectionProps } from '../FormFields';

/** The kiosk's own id (in every request to OPSCOM) and the name people see. */
export function KioskSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  return (
    <SettingsSection id="kiosk" title={t.sectionKiosk} view={view} provisioned={['kioskName']}>
      <Field
        label={t.kioskId}
        value={draft.kioskId}
        keyboard="code"
        error={errorFor(errors, 'kioskId')}
        className="field--short"
        onChange={(kioskId) => update({ kioskId: kioskId.toUpperCase() })}
      />
      <Field
        label={t.kioskName}
        value={draft.kioskName}
        error={errorFor(errors, 'kioskName')}
        onChange={(kioskName) => update({ kioskName })}
      />
    </SettingsSection>
  );
}
