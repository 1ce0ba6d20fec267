import { useT } from '../../../i18n/useT';
import { pinDigits } from '../../admin-pin/pin-digits';
import { draftFields, Field, SettingsSection, type SectionProps } from '../FormFields';

/** A new admin PIN (write-only: empty keeps the current one), under the same rule as every PIN field. */
export function PinSection(props: SectionProps) {
  const { t } = useT();
  const field = draftFields(props);
  return (
    <SettingsSection id="pin" title={t.sectionPin} view={props.view} provisioned={['adminPinHash']}>
      <Field
        label={t.newAdminPin}
        type="password"
        inputMode="numeric"
        className="field--short"
        keyboard="number"
        hint={t.newAdminPinHint}
        {...field('newAdminPin', { clean: pinDigits })}
      />
    </SettingsSection>
  );
}
