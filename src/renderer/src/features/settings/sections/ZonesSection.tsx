import { useT } from '../../../i18n/useT';
import { errorFor, Field, NumberField, SettingsSection, useCentsAsMoney, type SectionProps } from '../FormFields';
import { emptyZoneDraft, parseMinutes, type FieldErrors, type ZoneDraft } from '../settings-form';

/** At most this many zones on one kiosk. */
const MAX_ZONES = 20;

function ZoneEditor({
  zone,
  index,
  errors,
  onChange,
  onRemove,
  canRemove,
}: {
  zone: ZoneDraft;
  index: number;
  errors: FieldErrors;
  onChange: (zone: ZoneDraft) => void;
  onRemove: () => void;
  canRemove: boolean;
}) {
  const { t, duration } = useT();
  const at = (field: string) => errorFor(errors, `zones.${index}.${field}`);
  const asMoney = useCentsAsMoney(zone.currency.trim().toUpperCase());
  const minutes = parseMinutes(zone.presets);
  return (
    <fieldset className="zone-editor" data-testid="zone-editor">
      <legend className="zone-editor__legend">{zone.name || t.zoneName}</legend>
      <Field
        label={t.zoneName}
        value={zone.name}
        error={at('name')}
        className="field--wide"
        onChange={(name) => onChange({ ...zone, name })}
      />
      <Field
        label={t.currency}
        value={zone.currency}
        keyboard="code"
        error={at('currency')}
        className="field--short"
        onChange={(currency) => onChange({ ...zone, currency: currency.toUpperCase() })}
      />
      <NumberField
        label={t.centsPerHour}
        value={zone.centsPerHour}
        error={at('centsPerHour')}
        after={asMoney(zone.centsPerHour)}
        onChange={(centsPerHour) => onChange({ ...zone, centsPerHour })}
      />
      <NumberField
        label={t.maxCents}
        value={zone.maxCents}
        error={at('maxCents')}
        after={asMoney(zone.maxCents)}
        onChange={(maxCents) => onChange({ ...zone, maxCents })}
      />
      <Field
        label={t.presetMinutes}
        value={zone.presets}
        inputMode="numeric"
        keyboard="numberList"
        error={at('presets')}
        className="field--wide"
        after={minutes && minutes.length > 0 ? minutes.map((m) => duration(m)).join(' · ') : null}
        onChange={(presets) => onChange({ ...zone, presets })}
      />
      {canRemove && (
        <button type="button" className="button button--secondary zone-editor__remove" onClick={onRemove}>
          {t.removeZone(zone.name || String(index + 1))}
        </button>
      )}
    </fieldset>
  );
}

/** The zones the kiosk sells, each with its currency, hourly rate, cap and the durations offered. */
export function ZonesSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  const setZone = (index: number, zone: ZoneDraft) =>
    update((current) => ({ zones: current.zones.map((z, i) => (i === index ? zone : z)) }));
  return (
    <SettingsSection id="zones" title={t.sectionZones} view={view} provisioned={['zones']}>
      {errorFor(errors, 'zones') && !Object.keys(errors).some((k) => k.startsWith('zones.')) && (
        <p className="field__error">{errorFor(errors, 'zones')}</p>
      )}
      <div className="zone-editors">
        {draft.zones.map((zone, index) => (
          <ZoneEditor
            key={zone.key}
            zone={zone}
            index={index}
            errors={errors}
            canRemove={draft.zones.length > 1}
            onChange={(next) => setZone(index, next)}
            onRemove={() => update({ zones: draft.zones.filter((_, i) => i !== index) })}
          />
        ))}
      </div>
      <div className="actions settings-section__actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={draft.zones.length >= MAX_ZONES}
          onClick={() =>
            update({
              zones: [
                ...draft.zones,
                emptyZoneDraft(t.newZoneName(draft.zones.length + 1), draft.zones[0]?.currency ?? 'CAD'),
              ],
            })
          }
        >
          {t.addZone}
        </button>
      </div>
    </SettingsSection>
  );
}
