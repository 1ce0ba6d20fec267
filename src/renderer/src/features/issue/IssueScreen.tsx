import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import { PlateDisplay } from './PlateDisplay';
import { PlateKeypad } from '../keyboard/PlateKeypad';
import { RadioButtons } from '../../ui/RadioButtons';
import { useT } from '../../i18n/useT';
import { missingForIssue } from './issue-readiness';
import { useKiosk } from '../../app/store';

/**
 * The plates issued lately, one tap each: the driver back for another hour is typed once. The slot is always
 * there and one row high, so the keypad below never moves as plates arrive.
 */
function RecentPlates() {
  const { t } = useT();
  const recent = useKiosk((s) => s.recentPlates);
  const pickPlate = useKiosk((s) => s.pickPlate);
  return (
    <div className="recent-plates" role="group" aria-label={t.recentPlates}>
      {recent.length === 0 && <span className="recent-plates__empty">{t.recentPlatesEmpty}</span>}
      {recent.map((plate) => (
        <button
          key={plate}
          type="button"
          className="button recent-plate"
          aria-label={t.recentPlate(plate)}
          onClick={() => pickPlate(plate)}
        >
          {plate}
        </button>
      ))}
    </div>
  );
}

export function IssueScreen({ info }: { info: KioskInfo }) {
  const { t, duration, money } = useT();
  const plate = useKiosk((s) => s.plate);
  const zoneName = useKiosk((s) => s.zone);
  const presetMinutes = useKiosk((s) => s.presetMinutes);
  const issuing = useKiosk((s) => s.inFlight.issue);
  const selectZone = useKiosk((s) => s.selectZone);
  const selectPreset = useKiosk((s) => s.selectPreset);
  const issue = useKiosk((s) => s.issue);
  // While a check is open the screen behind it takes no taps, focus or keys.
  const checking = useKiosk((s) => s.issueStep !== null);

  const shift = useKiosk((s) => s.shift);

  const zone = info.zones.find((z) => z.name === zoneName);
  const preset = zone?.presets.find((p) => p.minutes === presetMinutes);
  const needs = missingForIssue({ plate, zone: zoneName, presetMinutes, shift, info });
  const canIssue = needs.length === 0 && !issuing;

  return (
    <main className="screen issue-screen" inert={checking}>
      <h1 className="visually-hidden">{t.issueTitle}</h1>
      {/* Three areas the layout places: beside each other in landscape, keypad at the bottom in portrait. */}
      <section className="issue-screen__plate" aria-label={t.plateSection}>
        <PlateDisplay />
        <RecentPlates />
      </section>
      <div className="issue-screen__keypad">
        <PlateKeypad />
      </div>
      <section className="issue-screen__choices" aria-label={t.permitSection}>
        <h2 className="section-title">{t.zoneTitle}</h2>
        {info.zones.length === 0 ? (
          <p>{t.noZones}</p>
        ) : (
          <RadioButtons
            label={t.zoneTitle}
            options={info.zones.map((z) => ({ value: z.name, label: z.name }))}
            selected={zoneName}
            onSelect={selectZone}
          />
        )}
        <h2 className="section-title">{t.durationTitle}</h2>
        {zone && zone.presets.length > 0 ? (
          <RadioButtons
            label={t.durationTitle}
            options={zone.presets.map((p) => ({
              value: p.minutes,
              // One accessible name, "1 h 30 min — $6.50"; the spans only choose where a narrow button breaks.
              label: (
                <>
                  <span className="nowrap">{duration(p.minutes)}</span>{' '}
                  <span className="nowrap">— {money(p.cents, zone.currency)}</span>
                </>
              ),
            }))}
            selected={presetMinutes}
            onSelect={selectPreset}
          />
        ) : (
          <p>{zone ? t.noDurations : t.chooseZoneFirst}</p>
        )}
        {/* The name stays "Issue permit" in every state; the price, "Issuing…" or what is missing is what the eye
            reads, inside the button so it costs no height. */}
        <button
          type="button"
          className="button button--primary issue-button"
          aria-label={t.issuePermit}
          aria-describedby={needs.length > 0 ? 'issue-needs' : undefined}
          aria-busy={issuing}
          disabled={!canIssue}
          onClick={() => void issue()}
        >
          {issuing ? (
            t.issuing
          ) : (
            <>
              <span>{t.issuePermit}</span>
              {zone && preset && <span className="issue-button__price">{money(preset.cents, zone.currency)}</span>}
              {needs.length > 0 && (
                <span id="issue-needs" className="issue-button__needs">
                  {t.issueNeeds(needs)}
                </span>
              )}
            </>
          )}
        </button>
      </section>
    </main>
  );
}
