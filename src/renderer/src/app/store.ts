import { create } from 'zustand';
import { ADMIN_PIN_ACTIONS, createAdminPinSlice, type AdminPinSlice } from '../features/admin-pin/admin-pin-slice';
import { createDrawerSlice, DRAWER_ACTIONS, type DrawerSlice } from '../features/drawer/drawer-slice';
import { createIssueSlice, ISSUE_ACTIONS, type IssueSlice } from '../features/issue/issue-slice';
import { createKioskSlice, KIOSK_ACTIONS, type KioskSlice } from './kiosk-slice';
import { createNavigationSlice, type NavigationSlice } from './navigation-slice';
import { createOccupancySlice, OCCUPANCY_ACTIONS, type OccupancySlice } from '../features/occupancy/occupancy-slice';
import { createOutboxSlice, OUTBOX_ACTIONS, type OutboxSlice } from '../features/queue/outbox-slice';
import { createPermitsSlice, PERMITS_ACTIONS, type PermitsSlice } from '../features/permits/permits-slice';
import { createPlateFixSlice, PLATE_FIX_ACTIONS, type PlateFixSlice } from '../features/plate-fix/plate-fix-slice';
import { createPrintersSlice, PRINTERS_ACTIONS, type PrintersSlice } from '../features/settings/printers-slice';
import { createSettingsSlice, SETTINGS_ACTIONS, type SettingsSlice } from '../features/settings/settings-slice';
import { createShiftSlice, SHIFT_ACTIONS, type ShiftSlice } from '../features/shift/shift-slice';

/**
 * The one store the screens read with `useKiosk((s) => s.whatever)`, made of one slice per domain. Each slice
 * owns its fields, its actions and its `reset…`; this file only puts them together.
 */

const ACTIONS = [
  ...KIOSK_ACTIONS,
  ...ISSUE_ACTIONS,
  ...PERMITS_ACTIONS,
  ...OUTBOX_ACTIONS,
  ...SHIFT_ACTIONS,
  ...DRAWER_ACTIONS,
  ...SETTINGS_ACTIONS,
  ...ADMIN_PIN_ACTIONS,
  ...OCCUPANCY_ACTIONS,
  ...PLATE_FIX_ACTIONS,
  ...PRINTERS_ACTIONS,
] as const;
/** Every channel call that can be on its way, each with its own busy flag (see `run` in store-slice.ts). */
export type Action = (typeof ACTIONS)[number];

export interface KioskState
  extends
    NavigationSlice,
    KioskSlice,
    IssueSlice,
    PermitsSlice,
    OutboxSlice,
    ShiftSlice,
    DrawerSlice,
    SettingsSlice,
    AdminPinSlice,
    OccupancySlice,
    PlateFixSlice,
    PrintersSlice {
  inFlight: Record<Action, boolean>;
}

export const useKiosk = create<KioskState>()((...store) => ({
  ...createNavigationSlice(...store),
  ...createKioskSlice(...store),
  ...createIssueSlice(...store),
  ...createPermitsSlice(...store),
  ...createOutboxSlice(...store),
  ...createShiftSlice(...store),
  ...createDrawerSlice(...store),
  ...createSettingsSlice(...store),
  ...createAdminPinSlice(...store),
  ...createOccupancySlice(...store),
  ...createPlateFixSlice(...store),
  ...createPrintersSlice(...store),
  inFlight: Object.fromEntries(ACTIONS.map((action) => [action, false])) as Record<Action, boolean>,
}));
