import { useT } from '../../../i18n/useT';
import { draftFields, Field, SettingsSection, type SectionProps } from '../FormFields';

/** The kiosk's own id (in every request to OPSCOM) and the name people see. */
export function KioskSection(props: SectionProps) {
  const { t } = useT();
  const field = draftFields(props);
  return (
    <SettingsSection id="kiosk" title={t.sectionKiosk} view={props.view} provisioned={['kioskName']}>
      <Field
        label={t.kioskId}
        keyboard="code"
        className="field--short"
        {...field('kioskId', { clean: (kioskId) => kioskId.toUpperCase() })}
      />
      <Field label={t.kioskName} {...field('kioskName')} />
    </SettingsSection>
  );
}
