import type { StateCreator } from 'zustand';
import type { RequestOf, ResponseOf } from '../../../../shared/contract';
import type { SettingsView } from '../../../../shared/settings/settings-view';
import { sendToMain } from '../../app/transport/send-to-main';
import { catalogs } from '../../i18n/catalog';
import { run, type ResetScope } from '../../app/store-slice';
import type { KioskState } from '../../app/store';

export const SETTINGS_ACTIONS = ['settings', 'settingsSave', 'settingsTest'] as const;
export type SettingsAction = (typeof SETTINGS_ACTIONS)[number];
export type SettingsChanges = RequestOf<'settings:update'>['changes'];
export type ConnectionTest = ResponseOf<'settings:test-connection'>;

/** What a supervisor does behind the admin PIN: the settings and their connection test. */
export interface SettingsSlice {
  /** The unlocked settings and the PIN that unlocked them; null once the screen is left. */
  settings: { pin: string; view: SettingsView } | null;
  settingsTest: ConnectionTest | null;

  /** Resolves true when main accepted the PIN. */
  unlockSettings(adminPin: string): Promise<boolean>;
  /** Resolves true when main saved the changes. */
  saveSettings(changes: SettingsChanges): Promise<boolean>;
  testConnection(): Promise<void>;
  lockSettings(): void;
  /** Forgets the unlocked settings and their PIN (the screen was left, or nobody is there). */
  resetSettings(scope: ResetScope): void;
}

export const createSettingsSlice: StateCreator<KioskState, [], [], SettingsSlice> = (set, get) => {
  const words = () => catalogs[get().language];

  return {
    settings: null,
    settingsTest: null,

    async unlockSettings(adminPin) {
      if (!adminPin) return false;
      let kept = false;
      // On failure, main's words: a wrong PIN, or locked for five minutes after five wrong tries.
      await run(set, get, 'settings', () => sendToMain('settings:get', { adminPin }), {
        start: { error: null, notice: null },
        onOk: (view) => {
          // Left the screen while main was checking: do not keep a PIN nobody is looking at.
          kept = get().screen === 'settings';
          // An accepted PIN means no lock-out, whatever was seen before.
          return kept
            ? { settings: { pin: adminPin, view }, settingsTest: null, pinLockedUntil: null }
            : { pinLockedUntil: null };
        },
      });
      return kept;
    },

    async saveSettings(changes) {
      const unlocked = get().settings;
      if (get().inFlight.settingsSave || !unlocked) return false;
      if (Object.keys(changes).length === 0) {
        set({ notice: words().nothingChanged, error: null });
        return false;
      }
      const result = await run(
        set,
        get,
        'settingsSave',
        () => sendToMain('settings:update', { adminPin: unlocked.pin, changes }),
        {
          start: { error: null, notice: null },
          onOk: (view) => {
            const current = get().settings;
            return {
              // A new PIN is the one the next save must give.
              settings: current ? { pin: changes.newAdminPin ?? current.pin, view } : null,
              notice: words().settingsSaved,
            };
          },
        },
      );
      return result?.ok === true;
    },

    async testConnection() {
      const unlocked = get().settings;
      if (!unlocked) return;
      await run(set, get, 'settingsTest', () => sendToMain('settings:test-connection', { adminPin: unlocked.pin }), {
        start: { settingsTest: null, error: null },
        onOk: (settingsTest) => ({ settingsTest }),
      });
    },

    lockSettings() {
      set({ settings: null, settingsTest: null, notice: null });
    },

    resetSettings() {
      set({ settings: null, settingsTest: null });
    },
  };
};
