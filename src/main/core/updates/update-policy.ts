/**
 * When a downloaded update may be installed (which restarts the kiosk). A pure function: the Electron wiring
 * (src/main/electron/updates.ts) asks it on a timer and whenever a shift or the outbox changes.
 *
 * - Never while actions wait to be sent to OPSCOM: they are safe on disk, but a restart mid-delivery turns a
 *   clear answer into an unclear one, and the attendant was told they are on their way.
 * - Otherwise, when the booth is idle: no shift open and the outbox empty (nothing waiting, nothing needing a person).
 * - Otherwise, at the maintenance hour (the kiosk's local time unless told otherwise), even with a shift open or
 *   actions needing a person: both are kept on disk and come back after the restart.
 */
export interface UpdateGate {
  shiftOpen: boolean;
  /** Actions in the outbox still to be sent (the status bar's "waiting"). */
  waiting: number;
  /** Actions or copies that need a person (the status bar's "attention"). */
  attention?: number;
  now: Date;
  /** 0–23, or null: no maintenance hour. */
  maintenanceHour: number | null;
  /** Which clock the maintenance hour is read on; the kiosk's local time by default. */
  timeMode?: 'local' | 'utc';
}

export type UpdateWhy = 'actions-waiting' | 'booth-idle' | 'maintenance-hour' | 'shift-open' | 'needs-attention';

export type UpdateDecision =
  | { install: true; why: 'booth-idle' | 'maintenance-hour' }
  | { install: false; why: 'actions-waiting' | 'shift-open' | 'needs-attention' };

export function updateDecision(gate: UpdateGate): UpdateDecision {
  if (gate.waiting > 0) return { install: false, why: 'actions-waiting' };
  const attention = gate.attention ?? 0;
  if (!gate.shiftOpen && attention === 0) return { install: true, why: 'booth-idle' };
  const hour = gate.timeMode === 'utc' ? gate.now.getUTCHours() : gate.now.getHours();
  if (gate.maintenanceHour !== null && hour === gate.maintenanceHour) return { install: true, why: 'maintenance-hour' };
  return { install: false, why: gate.shiftOpen ? 'shift-open' : 'needs-attention' };
}
