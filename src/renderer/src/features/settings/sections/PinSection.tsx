import { useT } from '../../../i18n/useT';
import { pinDigits } from '../../admin-pin/pin-digits';
import { errorFor, Field, SettingsSection, type SectionProps } from '../FormFields';

/** A new admin PIN (write-only: empty keeps the current one), under the same rule as every PIN field. */
export function PinSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  return (
    <SettingsSection id="pin" title={t.sectionPin} view={view} provisioned={['adminPinHash']}>
      <Field
        label={t.newAdminPin}
        type="password"
        inputMode="numeric"
        className="field--short"
        value={draft.newAdminPin}
        keyboard="number"
        hint={t.newAdminPinHint}
        error={errorFor(errors, 'newAdminPin')}
        onChange={(newAdminPin) => update({ newAdminPin: pinDigits(newAdminPin) })}
      />
    </SettingsSection>
  );
}
