import type { KioskInfo } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';
import { PlateDisplay } from '../components/PlateDisplay';
import { PlateKeypad } from '../components/PlateKeypad';
import { RadioButtons } from '../components/RadioButtons';
import { formatDuration } from '../format';
import { useKiosk } from '../store';

export function IssueScreen({ info }: { info: KioskInfo }) {
  const plate = useKiosk((s) => s.plate);
  const zoneName = useKiosk((s) => s.zone);
  const presetMinutes = useKiosk((s) => s.presetMinutes);
  const issuing = useKiosk((s) => s.inFlight.issue);
  const selectZone = useKiosk((s) => s.selectZone);
  const selectPreset = useKiosk((s) => s.selectPreset);
  const issue = useKiosk((s) => s.issue);

  const zone = info.zones.find((z) => z.name === zoneName);
  const preset = zone?.presets.find((p) => p.minutes === presetMinutes);
  const canIssue = plate.length > 0 && zone !== undefined && preset !== undefined && !issuing;

  return (
    <main className="screen issue-screen">
      <section className="issue-screen__plate" aria-label="Plate">
        <PlateDisplay />
        <PlateKeypad />
      </section>
      <section className="issue-screen__choices" aria-label="Permit">
        <h2 className="section-title">Zone</h2>
        {info.zones.length === 0 ? (
          <p>No zones are set up for this kiosk.</p>
        ) : (
          <RadioButtons
            label="Zone"
            options={info.zones.map((z) => ({ value: z.name, label: z.name }))}
            selected={zoneName}
            onSelect={selectZone}
          />
        )}
        <h2 className="section-title">Duration</h2>
        {zone && zone.presets.length > 0 ? (
          <RadioButtons
            label="Duration"
            options={zone.presets.map((p) => ({
              value: p.minutes,
              // One accessible name, "1 h 30 min — $6.50"; the spans only choose where a narrow button breaks.
              label: (
                <>
                  <span className="nowrap">{formatDuration(p.minutes)}</span>{' '}
                  <span className="nowrap">— {formatMoney(p.cents, zone.currency)}</span>
                </>
              ),
            }))}
            selected={presetMinutes}
            onSelect={selectPreset}
          />
        ) : (
          <p>{zone ? 'This zone has no durations to sell.' : 'Choose a zone first.'}</p>
        )}
        {/* The name stays "Issue permit" in every state; the price and "Issuing…" are what the eye reads. */}
        <button
          type="button"
          className="button button--primary issue-button"
          aria-label="Issue permit"
          aria-busy={issuing}
          disabled={!canIssue}
          onClick={() => void issue()}
        >
          {issuing ? (
            'Issuing…'
          ) : (
            <>
              <span>Issue permit</span>
              {zone && preset && (
                <span className="issue-button__price">{formatMoney(preset.cents, zone.currency)}</span>
              )}
            </>
          )}
        </button>
      </section>
    </main>
  );
}
