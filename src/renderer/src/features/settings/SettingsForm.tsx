import { useState } from 'react';
import { DEMO_ADMIN_PIN } from '../../../../shared/demo';
import type { SettingsView } from '../../../../shared/settings/settings-view';
import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import type { SectionProps } from './FormFields';
import { BehaviourSection } from './sections/BehaviourSection';
import { ConnectionSection } from './sections/ConnectionSection';
import { KioskSection } from './sections/KioskSection';
import { MoneySection } from './sections/MoneySection';
import { MonitoringSection } from './sections/MonitoringSection';
import { PinSection } from './sections/PinSection';
import { PlateCheckSection } from './sections/PlateCheckSection';
import { PrintingSection } from './sections/PrintingSection';
import { UpdatesSection } from './sections/UpdatesSection';
import { ZonesSection } from './sections/ZonesSection';
import { buildChanges, draftFrom, type FieldErrors, type SettingsDraft } from './settings-form';

/** The unlocked settings: one draft for every section, checked as a whole and saved in one request. */
export function SettingsForm({ view }: { view: SettingsView }) {
  const { t } = useT();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(view));
  const [errors, setErrors] = useState<FieldErrors>({});
  const saving = useKiosk((s) => s.inFlight.settingsSave);
  const notice = useKiosk((s) => s.notice);
  const mainError = useKiosk((s) => s.error);
  const { saveSettings, lockSettings } = useKiosk.getState();

  // Main names the field it refused as "changes.<field>"; show its words there too.
  const shown: FieldErrors = { ...errors };
  if (mainError?.field?.startsWith('changes.')) {
    const words = mainError.problem ? t.problem(mainError.problem) : mainError.message;
    shown[mainError.field.slice('changes.'.length)] ??= words;
  }
  const update: SectionProps['update'] = (patch) =>
    setDraft((current) => ({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) }));

  const save = async () => {
    const { changes, errors: found } = buildChanges(view, draft, t);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      useKiosk.setState({ notice: null, error: { code: 'invalid-request', message: t.fixFields } });
      return;
    }
    // Write-only fields never stay filled once main has them.
    if (await saveSettings(changes)) setDraft((current) => ({ ...current, apiToken: '', newAdminPin: '' }));
  };

  const section: SectionProps = { view, draft, errors: shown, update };
  return (
    <main className="screen settings-screen">
      <div className="screen-head">
        <h1 className="screen-title">{t.settingsTitle}</h1>
        <button type="button" className="button button--secondary" onClick={lockSettings}>
          {t.lockSettings}
        </button>
      </div>
      {view.adminPinIsDemo && (
        <p className="warning-note" data-testid="demo-pin">
          {t.demoPinNotice(DEMO_ADMIN_PIN)}
        </p>
      )}
      <div className="notice" role="status">
        {notice}
      </div>

      <div className="settings-sections">
        <ConnectionSection {...section} />
        <KioskSection {...section} />
        <ZonesSection {...section} />
        <BehaviourSection {...section} />
        <PlateCheckSection {...section} />
        <MoneySection {...section} />
        <PrintingSection {...section} />
        <MonitoringSection {...section} />
        <UpdatesSection {...section} />
        <PinSection {...section} />
      </div>

      <div className="actions settings-screen__save">
        <button
          type="button"
          className="button button--primary"
          aria-busy={saving}
          disabled={saving}
          onClick={() => void save()}
        >
          {saving ? t.saving : t.save}
        </button>
      </div>
    </main>
  );
}
