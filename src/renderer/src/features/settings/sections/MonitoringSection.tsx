import { useT } from '../../../i18n/useT';
import { errorFor, Field, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** Prometheus: the metrics listener and the Pushgateway. Absent from an older main. */
export function MonitoringSection({ view, draft, errors, update }: SectionProps) {
  const { t } = useT();
  if (view.metricsListen === undefined) return null;
  return (
    <SettingsSection
      id="monitoring"
      title={t.sectionMonitoring}
      view={view}
      provisioned={['metricsListen', 'pushgatewayUrl', 'pushIntervalSeconds']}
    >
      {view.metricsFrom && view.metricsFrom !== 'settings' && (
        <p className="hint" data-testid="metrics-from">
          {t.metricsOverridden(view.metricsFrom === 'flag' ? t.metricsFromFlag : t.metricsFromEnvironment)}
        </p>
      )}
      <Field
        label={t.metricsListenLabel}
        value={draft.metricsListen}
        keyboard="url"
        hint={t.metricsListenHint}
        error={errorFor(errors, 'metricsListen')}
        onChange={(metricsListen) => update({ metricsListen })}
      />
      <Field
        label={t.pushgatewayUrlLabel}
        value={draft.pushgatewayUrl}
        type="url"
        inputMode="url"
        keyboard="url"
        hint={t.pushgatewayUrlHint}
        error={errorFor(errors, 'pushgatewayUrl')}
        onChange={(pushgatewayUrl) => update({ pushgatewayUrl })}
      />
      <NumberField
        label={t.pushIntervalLabel}
        value={draft.pushIntervalSeconds}
        error={errorFor(errors, 'pushIntervalSeconds')}
        onChange={(pushIntervalSeconds) => update({ pushIntervalSeconds })}
      />
    </SettingsSection>
  );
}
