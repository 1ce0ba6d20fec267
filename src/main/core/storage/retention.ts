import type { AuditLog } from '../audit/audit-log';
import type { MoneyService } from '../money/money-service';
import type { KioskStore } from './kiosk-store';

/** How long the kiosk keeps its own history: a year and a month, so last year's same month can be compared. */
export const HISTORY_DAYS = 400;

export interface RetentionResult {
  shifts: number;
  ledgerEntries: number;
  auditEntries: number;
}

/**
 * The retention rule, in one transaction: shifts closed more than `days` ago keep their Z-report and lose their
 * ledger entries (a shift with a permit the outbox still knows is kept whole), and audit entries older than that go,
 * the oldest first, leaving the chain's anchor. The outbox forgets settled permits by itself after a day; the
 * reports' totals never change.
 */
export function applyRetention(deps: {
  store: KioskStore;
  money: MoneyService;
  audit: AuditLog;
  /** Whether the outbox still has work on this permit (waiting, parked, or listed for a supervisor). */
  stillKnown: (ticketNumber: string) => boolean;
  now: Date;
  days?: number;
}): RetentionResult {
  // Counted from the newest record as well as from the clock: a clock that jumped years ahead (a flat RTC battery
  // set wrong) must not wipe the history at the next start.
  const newest = deps.store.sql('SELECT max(at) AS at FROM audit').get()?.at;
  const newestMs = typeof newest === 'string' ? Date.parse(newest) : Number.NaN;
  const from = Number.isFinite(newestMs) ? Math.min(deps.now.getTime(), newestMs) : deps.now.getTime();
  const before = new Date(from - (deps.days ?? HISTORY_DAYS) * 86_400_000).toISOString();
  return deps.store.transaction(() => {
    const { shifts, entries } = deps.money.archiveShiftsClosedBefore(before, deps.stillKnown);
    const auditEntries = deps.audit.removeBefore(before);
    return { shifts, ledgerEntries: entries, auditEntries };
  });
}
