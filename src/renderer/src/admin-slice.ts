import type { StateCreator } from 'zustand';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import type { Occupancy, SettingsView } from '../../shared/domain';
import { call } from './call';
import { catalogs } from './i18n/catalog';
import type { KioskState } from './store';

export type AdminAction = 'occupancy' | 'settings' | 'settingsSave' | 'settingsTest' | 'firstPin';
export type SettingsChanges = RequestOf<'settings:update'>['changes'];
export type ConnectionTest = ResponseOf<'settings:test-connection'>;

export interface AdminSlice {
  occupancy: Occupancy | null;
  /** The unlocked settings and the PIN that unlocked them; null once the screen is left. */
  settings: { pin: string; view: SettingsView } | null;
  settingsTest: ConnectionTest | null;

  loadOccupancy(refresh: boolean): Promise<void>;
  /** Resolves true when main accepted the PIN. */
  unlockSettings(adminPin: string): Promise<boolean>;
  /** Resolves true when main saved the changes. */
  saveSettings(changes: SettingsChanges): Promise<boolean>;
  testConnection(): Promise<void>;
  lockSettings(): void;
  /** The first admin PIN on a kiosk that has none; resolves true when main kept it. */
  setFirstPin(pin: string): Promise<boolean>;
}

export const createAdminSlice: StateCreator<KioskState, [], [], AdminSlice> = (set, get) => {
  const flag = (action: AdminAction, value: boolean) => ({ inFlight: { ...get().inFlight, [action]: value } });
  const words = () => catalogs[get().language];

  return {
    occupancy: null,
    settings: null,
    settingsTest: null,

    async loadOccupancy(refresh) {
      if (get().inFlight.occupancy) return;
      set(flag('occupancy', true));
      const result = await call('occupancy:get', { refresh });
      // A background refresh that fails says so in the figures' own `error`; only a tapped Refresh raises an alert.
      if (!result.ok) {
        set({ ...flag('occupancy', false), ...(refresh ? { error: result.error } : {}) });
        return;
      }
      set({ ...flag('occupancy', false), occupancy: result.value });
    },

    async setFirstPin(pin) {
      if (get().inFlight.firstPin || !pin) return false;
      set({ ...flag('firstPin', true), error: null, notice: null });
      const result = await call('settings:set-first-pin', { newAdminPin: pin });
      if (!result.ok) {
        set({ ...flag('firstPin', false), error: result.error });
        return false;
      }
      set(flag('firstPin', false));
      get().applyInfo(result.value);
      return true;
    },

    async unlockSettings(adminPin) {
      if (get().inFlight.settings || !adminPin) return false;
      set({ ...flag('settings', true), error: null, notice: null });
      const result = await call('settings:get', { adminPin });
      if (!result.ok) {
        // Main's words: a wrong PIN, or locked for five minutes after five wrong tries.
        set({ ...flag('settings', false), error: result.error });
        return false;
      }
      // Left the screen while main was checking: do not keep a PIN nobody is looking at.
      if (get().screen !== 'settings') {
        set(flag('settings', false));
        return false;
      }
      set({ ...flag('settings', false), settings: { pin: adminPin, view: result.value }, settingsTest: null });
      return true;
    },

    async saveSettings(changes) {
      const unlocked = get().settings;
      if (get().inFlight.settingsSave || !unlocked) return false;
      if (Object.keys(changes).length === 0) {
        set({ notice: words().nothingChanged, error: null });
        return false;
      }
      set({ ...flag('settingsSave', true), error: null, notice: null });
      const result = await call('settings:update', { adminPin: unlocked.pin, changes });
      if (!result.ok) {
        set({ ...flag('settingsSave', false), error: result.error });
        return false;
      }
      const current = get().settings;
      set({
        ...flag('settingsSave', false),
        // A new PIN is the one the next save must give.
        settings: current ? { pin: changes.newAdminPin ?? current.pin, view: result.value } : null,
        notice: words().settingsSaved,
      });
      return true;
    },

    async testConnection() {
      const unlocked = get().settings;
      if (get().inFlight.settingsTest || !unlocked) return;
      set({ ...flag('settingsTest', true), settingsTest: null, error: null });
      const result = await call('settings:test-connection', { adminPin: unlocked.pin });
      set(
        result.ok
          ? { ...flag('settingsTest', false), settingsTest: result.value }
          : { ...flag('settingsTest', false), error: result.error },
      );
    },

    lockSettings() {
      set({ settings: null, settingsTest: null, notice: null });
    },
  };
};

export interface ZoneGroup {
  zone: string;
  rows: { type: string; total: number }[];
  total: number;
}

/** Rows grouped by zone (in OPSCOM's order), each zone with its total. */
export function groupByZone(rows: Occupancy['rows']): ZoneGroup[] {
  const groups = new Map<string, ZoneGroup>();
  for (const row of rows) {
    const group = groups.get(row.zone) ?? { zone: row.zone, rows: [], total: 0 };
    group.rows.push({ type: row.type, total: row.total });
    group.total += row.total;
    groups.set(row.zone, group);
  }
  return [...groups.values()];
}
