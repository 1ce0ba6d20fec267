import { useKiosk } from '../../app/store';
import { SettingsForm } from './SettingsForm';
import { SettingsPinGate } from './SettingsPinGate';

/** Settings, behind the admin PIN: the gate until main accepts the PIN, then the form in its sections. */
export function SettingsScreen() {
  const settings = useKiosk((s) => s.settings);
  if (!settings) return <SettingsPinGate />;
  // A saved view starts a fresh form: the write-only token and new PIN fields empty again.
  return <SettingsForm key={JSON.stringify(settings.view)} view={settings.view} />;
}
