import { useT } from '../../../i18n/useT';
import { draftFields, NumberField, SettingsSection, useCentsAsMoney, type SectionProps } from '../FormFields';

/** Where the admin PIN is needed for money: a refund, a drawer count, a late plate fix. Absent from an older main. */
export function MoneySection(props: SectionProps) {
  const { t } = useT();
  const { view, draft } = props;
  const field = draftFields(props);
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
        after={centsAsMoney(draft.refundPinAboveCents)}
        {...field('refundPinAboveCents')}
      />
      <NumberField
        label={t.drawerTolerance}
        after={centsAsMoney(draft.drawerToleranceCents)}
        {...field('drawerToleranceCents')}
      />
      <NumberField label={t.plateFixWindow} {...field('plateFixWindowMinutes')} />
    </SettingsSection>
  );
}
