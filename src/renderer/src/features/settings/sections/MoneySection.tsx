import { useT } from '../../../i18n/useT';
import { errorFor, NumberField, SettingsSection, useCentsAsMoney, type SectionProps } from '../FormFields';

/** Where the admin PIN is needed for money: a refund, a drawer count, a late plate fix. Absent from an older main. */
export function MoneySection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  // In the kiosk's first zone's currency.
  const centsAsMoney = useCentsAsMoney(view.zones[0]?.currency ?? 'CAD');
  if (view.refundPinAboveCents === undefined) return null;
  return (
    <SettingsSection
      id="money"
      title={t.sectionMoney}
      view={view}
      provisioned={['refundPinAboveCents', 'drawerToleranceCents', 'plateFixWindowMinutes']}
    >
      <NumberField
        label={t.refundPinAbove}
        value={draft.refundPinAboveCents}
        after={centsAsMoney(draft.refundPinAboveCents)}
        error={errorFor(errors, 'refundPinAboveCents')}
        onChange={(refundPinAboveCents) => update({ refundPinAboveCents })}
      />
      <NumberField
        label={t.drawerTolerance}
        value={draft.drawerToleranceCents}
        after={centsAsMoney(draft.drawerToleranceCents)}
        error={errorFor(errors, 'drawerToleranceCents')}
        onChange={(drawerToleranceCents) => update({ drawerToleranceCents })}
      />
      <NumberField
        label={t.plateFixWindow}
        value={draft.plateFixWindowMinutes}
        error={errorFor(errors, 'plateFixWindowMinutes')}
        onChange={(plateFixWindowMinutes) => update({ plateFixWindowMinutes })}
      />
    </SettingsSection>
  );
}
