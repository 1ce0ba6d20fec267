import type { Language } from '../../../../../shared/language';
import type { SettingsView } from '../../../../../shared/settings/settings-view';
import { LANGUAGE_NAMES } from '../../../i18n/catalog';
import { useT } from '../../../i18n/useT';
import { RadioButtons } from '../../../ui/RadioButtons';
import { draftFields, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** How the kiosk behaves: times, language, sending to OPSCOM, repeated tickets and the idle reset. */
export function BehaviourSection(props: SectionProps) {
  const { t } = useT();
  const { view, draft, update } = props;
  const field = draftFields(props);
  return (
    <SettingsSection
      id="behaviour"
      title={t.sectionBehaviour}
      view={view}
      provisioned={[
        'timeMode',
        'language',
        'outboxConcurrency',
        'requestSoftTimeoutMs',
        'requestHardTimeoutMs',
        'repeatedTicketRefused',
        'idleResetSeconds',
      ]}
    >
      <p className="field-label">{t.timeMode}</p>
      <RadioButtons
        label={t.timeMode}
        options={[
          { value: 'utc', label: t.timeUtc },
          { value: 'local', label: t.timeLocal },
        ]}
        selected={draft.timeMode}
        onSelect={(timeMode) => update({ timeMode })}
      />
      <p className="field-label">{t.languageSetting}</p>
      <RadioButtons<Language>
        label={t.languageSetting}
        options={(['en-CA', 'fr-CA'] as const).map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
        selected={draft.language}
        onSelect={(language) => update({ language })}
      />
      <NumberField label={t.outboxConcurrency} {...field('outboxConcurrency')} />
      <NumberField
        label={t.requestSoftTimeout}
        {...field('requestSoftTimeoutSeconds', { errorKey: 'requestSoftTimeoutMs' })}
      />
      <NumberField
        label={t.requestHardTimeout}
        {...field('requestHardTimeoutSeconds', { errorKey: 'requestHardTimeoutMs' })}
      />
      <p className="field-label">{t.repeatedTicketRefused}</p>
      <RadioButtons<SettingsView['repeatedTicketRefused']>
        label={t.repeatedTicketRefused}
        options={[
          { value: 'unknown', label: t.answerUnknown },
          { value: 'yes', label: t.answerYes },
          { value: 'no', label: t.answerNo },
        ]}
        selected={draft.repeatedTicketRefused}
        onSelect={(repeatedTicketRefused) => update({ repeatedTicketRefused })}
      />
      <p className="hint">{t.repeatedTicketHint}</p>
      <NumberField label={t.idleReset} {...field('idleResetSeconds')} />
    </SettingsSection>
  );
}
