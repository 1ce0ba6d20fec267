import type { Language } from '../../../../../shared/language';
import type { SettingsView } from '../../../../../shared/settings/settings-view';
import { LANGUAGE_NAMES } from '../../../i18n/catalog';
import { useT } from '../../../i18n/useT';
import { RadioButtons } from '../../../ui/RadioButtons';
import { errorFor, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** How the kiosk behaves: times, language, sending to OPSCOM, repeated tickets and the idle reset. */
export function BehaviourSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
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
      <NumberField
        label={t.outboxConcurrency}
        value={draft.outboxConcurrency}
        error={errorFor(errors, 'outboxConcurrency')}
        onChange={(outboxConcurrency) => update({ outboxConcurrency })}
      />
      <NumberField
        label={t.requestSoftTimeout}
        value={draft.requestSoftTimeoutSeconds}
        error={errorFor(errors, 'requestSoftTimeoutMs')}
        onChange={(requestSoftTimeoutSeconds) => update({ requestSoftTimeoutSeconds })}
      />
      <NumberField
        label={t.requestHardTimeout}
        value={draft.requestHardTimeoutSeconds}
        error={errorFor(errors, 'requestHardTimeoutMs')}
        onChange={(requestHardTimeoutSeconds) => update({ requestHardTimeoutSeconds })}
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
      <NumberField
        label={t.idleReset}
        value={draft.idleResetSeconds}
        error={errorFor(errors, 'idleResetSeconds')}
        onChange={(idleResetSeconds) => update({ idleResetSeconds })}
      />
    </SettingsSection>
  );
}
