import { useT } from '../../../i18n/useT';
import { errorFor, Field, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** Software updates: where they come from and the hour they may install. Absent from an older main. */
export function UpdatesSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  if (view.updateFeedUrl === undefined) return null;
  return (
    <SettingsSection
      id="updates"
      title={t.sectionUpdates}
      view={view}
      provisioned={['updateFeedUrl', 'maintenanceHour']}
    >
      <Field
        label={t.updateFeedUrlLabel}
        value={draft.updateFeedUrl}
        type="url"
        inputMode="url"
        keyboard="url"
        hint={t.updateFeedUrlHint}
        error={errorFor(errors, 'updateFeedUrl')}
        onChange={(updateFeedUrl) => update({ updateFeedUrl })}
      />
      <NumberField
        label={t.maintenanceHourLabel}
        value={draft.maintenanceHour}
        hint={t.maintenanceHourHint}
        error={errorFor(errors, 'maintenanceHour')}
        onChange={(maintenanceHour) => update({ maintenanceHour })}
      />
    </SettingsSection>
  );
}
