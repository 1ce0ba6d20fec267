import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { OutboxStatus } from '../../../shared/outbox/outbox-view';
import type { Clock } from '../../../shared/time';
import type { AdminPin } from '../settings/admin-pin';
import type { AuditLog } from '../audit/audit-log';
import type { ConnectionMonitor } from '../opscom/connection-monitor';
import type { ControllerLink } from '../opscom/controller-link';
import type { EventHub } from './event-hub';
import type { IssueMemory } from '../issue/issue-memory';
import type { LiveSettings } from '../settings/live-settings';
import type { Logger } from '../host/log';
import type { MetricsExportSettings } from '../metrics/export-config';
import type { MoneyService } from '../money/money-service';
import type { OccupancyService } from '../occupancy/occupancy-service';
import type { Courier } from '../outbox/courier';
import type { Outbox } from '../outbox/outbox';
import type { PermitService } from '../permits/permit-service';
import type { PrinterInfo, PrintJob } from '../printing/print-job';
import type { RateTable } from '../permits/pricing';
import type { SecretStore } from '../host/secret-store';
import type { ShiftService } from '../shift/shift-service';
import type { StorageHealth } from '../storage/storage-health';

/**
 * What the channel handlers work with: the core's services, built once by startKioskCore. A handler file takes
 * this and returns its part of the contract, so it can be tested with just the services it uses.
 */
export interface KioskServices {
  log: Logger;
  clock: Clock;
  events: EventHub;
  settings: LiveSettings;
  rates(): RateTable;
  controller: ControllerLink;
  secrets: SecretStore;
  pin: AdminPin;
  outbox: Outbox;
  courier: Courier;
  connection: ConnectionMonitor;
  permits: PermitService;
  shift: ShiftService;
  /** Tenders, refunds, the cash drawer and the X and Z reports (the money ledger). */
  money: MoneyService;
  issueMemory: IssueMemory;
  occupancy: OccupancyService;
  audit: AuditLog;
  info(): KioskInfo;
  outboxStatus(): OutboxStatus;
  /** The kiosk's disk (#19): free space, the fault in force, and the refusal of new sales below the floor. */
  storage: StorageHealth;
  /** Electron's webContents.print with this job; absent where the browser prints for itself (the station). */
  print: ((job: PrintJob) => Promise<boolean>) | undefined;
  /** The system's printers (Electron's getPrintersAsync); absent where the browser prints (the station). */
  printers: (() => Promise<PrinterInfo[]>) | undefined;
  /** Where the fleet's metrics go (#14): re-read when a supervisor saves them. */
  metricsExport: MetricsExportSettings;
}

/** Today's date in UTC, for file names like audit-K1-2026-12-02.csv. */
export function fileDate(clock: Clock): string {
  return clock.now().toISOString().slice(0, 10);
}
