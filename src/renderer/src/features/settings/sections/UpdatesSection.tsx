import { useT } from '../../../i18n/useT';
import { draftFields, Field, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** Software updates: where they come from and the hour they may install. Absent from an older main. */
export function UpdatesSection(props: SectionProps) {
  const { t } = useT();
  const field = draftFields(props);
  if (props.view.updateFeedUrl === undefined) return null;
  return (
    <SettingsSection
      id="updates"
      title={t.sectionUpdates}
      view={props.view}
      provisioned={['updateFeedUrl', 'maintenanceHour']}
    >
      <Field
        label={t.updateFeedUrlLabel}
        type="url"
        inputMode="url"
        keyboard="url"
        hint={t.updateFeedUrlHint}
        {...field('updateFeedUrl')}
      />
      <NumberField label={t.maintenanceHourLabel} hint={t.maintenanceHourHint} {...field('maintenanceHour')} />
    </SettingsSection>
  );
}
