import type { ReconcileEntry } from '../../../shared/outbox/outbox-view';
import { centsToAmountString } from '../../../shared/money/money';
import { csvCell } from '../audit/audit-log';

/**
 * The reconciliation list as CSV, one row per copy a supervisor has to find in OPSCOM's portal (one row for an
 * entry with none left to show): what the driver paid for beside what each unreachable copy says.
 */
export const RECONCILIATION_COLUMNS = [
  'ticketNumber',
  'status',
  'needsAttention',
  'instruction',
  'plate',
  'zone',
  'startAt',
  'endAt',
  'amount',
  'currency',
  'references',
  'copy',
  'copySentAt',
  'copyWhy',
  'copyPlate',
  'copyZone',
  'copyStartAt',
  'copyEndAt',
  'copyAmount',
  'copyCurrency',
  'since',
  'lastClearedAt',
  'lastClearedBy',
] as const;

export function reconciliationCsv(entries: readonly ReconcileEntry[]): string {
  const rows: string[] = [];
  for (const entry of entries) {
    const base = {
      ticketNumber: entry.ticketNumber,
      status: entry.status,
      needsAttention: entry.needsAttention ? 'yes' : 'no',
      instruction: entry.instruction,
      plate: entry.intended.plate,
      zone: entry.intended.zone,
      startAt: entry.intended.startAt,
      endAt: entry.intended.endAt,
      amount: centsToAmountString(entry.intended.amountCents),
      currency: entry.intended.currency,
      references: entry.references.join(' '),
      since: entry.since,
      lastClearedAt: entry.lastCleared?.at,
      lastClearedBy: entry.lastCleared?.by,
    };
    const copies = entry.copies.length > 0 ? entry.copies : [undefined];
    copies.forEach((copy, index) => {
      const row: Partial<Record<(typeof RECONCILIATION_COLUMNS)[number], unknown>> = {
        ...base,
        ...(copy && {
          copy: index + 1,
          copySentAt: copy.sentAt,
          copyWhy: copy.why,
          copyPlate: copy.plate,
          copyZone: copy.zone,
          copyStartAt: copy.startAt,
          copyEndAt: copy.endAt,
          copyAmount: centsToAmountString(copy.amountCents),
          copyCurrency: copy.currency,
        }),
      };
      rows.push(RECONCILIATION_COLUMNS.map((column) => csvCell(row[column])).join(','));
    });
  }
  return [RECONCILIATION_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
