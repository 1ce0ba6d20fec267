import { useT } from '../../../i18n/useT';
import { draftFields, Field, NumberField, SettingsSection, type SectionProps } from '../FormFields';

/** Prometheus: the metrics listener and the Pushgateway. Absent from an older main. */
export function MonitoringSection(props: SectionProps) {
  const { t } = useT();
  const { view } = props;
  const field = draftFields(props);
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
      <Field label={t.metricsListenLabel} keyboard="url" hint={t.metricsListenHint} {...field('metricsListen')} />
      <Field
        label={t.pushgatewayUrlLabel}
        type="url"
        inputMode="url"
        keyboard="url"
        hint={t.pushgatewayUrlHint}
        {...field('pushgatewayUrl')}
      />
      <NumberField label={t.pushIntervalLabel} {...field('pushIntervalSeconds')} />
    </SettingsSection>
  );
}
