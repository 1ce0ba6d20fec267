import { useId } from 'react';
import { PLATE_REGIONS, REGION_CODES, type RegionCode } from '../../../../../shared/plates/plate-formats';
import { useT } from '../../../i18n/useT';
import { errorFor, SettingsSection, type SectionProps } from '../FormFields';
import { toggleRegion } from '../settings-form';

/**
 * The plate check's home regions: one toggle per region, Canada then the United States, so a supervisor chooses
 * them by touch. Each says whether it is on with a mark and `aria-pressed`, not colour alone.
 */
function HomeRegions({
  selected,
  error,
  onChange,
}: {
  selected: RegionCode[];
  error?: string | undefined;
  onChange: (regions: RegionCode[]) => void;
}) {
  const { t } = useT();
  const id = useId();
  const groups = [
    { country: 'CA', title: t.regionsCanada },
    { country: 'US', title: t.regionsUnitedStates },
  ] as const;
  return (
    <div className={error ? 'field field--error' : 'field'} data-testid="home-regions">
      <p className="field-label" id={`${id}-label`}>
        {t.homeRegions}
      </p>
      <p className="field__hint" id={`${id}-hint`}>
        {t.homeRegionsHint}
      </p>
      {groups.map(({ country, title }) => (
        <div
          key={country}
          role="group"
          aria-label={t.homeRegionsGroup(title)}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <p className="region-group__title">{title}</p>
          <div className="region-toggles">
            {REGION_CODES.filter((code) => PLATE_REGIONS[code].country === country).map((code) => {
              const on = selected.includes(code);
              return (
                <button
                  key={code}
                  type="button"
                  className="button region-toggle"
                  aria-pressed={on}
                  onClick={() => onChange(toggleRegion(selected, code))}
                >
                  <span aria-hidden="true" className="region-toggle__mark">
                    {on ? '✓' : ''}
                  </span>
                  <span>{t.regionName(code)}</span>
                </button>
              );
            })}
          </div>
        </div>
      ))}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** The plate check: which regions' plate formats count as home. */
export function PlateCheckSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  return (
    <SettingsSection id="plate-check" title={t.sectionPlateCheck} view={view} provisioned={['homeRegions']}>
      <HomeRegions
        selected={draft.homeRegions}
        error={errorFor(errors, 'homeRegions')}
        onChange={(homeRegions) => update({ homeRegions })}
      />
    </SettingsSection>
  );
}
