import type { Shift } from '../../../shared/shift/shift-view';
import {
  collectsMoney,
  REFUND_METHODS,
  TENDER_KINDS,
  tenderKind,
  type CountResult,
  type DayReport,
  type LedgerEntry,
  type LedgerEntryOf,
  type MoneyReport,
} from '../../../shared/money/ledger-entries';
import { csvCell } from '../audit/audit-log';

/**
 * The X and Z reports, from a shift's ledger entries alone (no I/O), so a Z-report can be rebuilt at any time from
 * `money.jsonl`. Every total is per currency, in integer cents.
 */

/** Whether an entry moves cash in or out of the drawer. */
export function movesCash(entry: LedgerEntry): boolean {
  switch (entry.type) {
    case 'sale':
      return entry.tender.method === 'cash';
    case 'cancel':
      return entry.refund?.method === 'cash';
    case 'float':
    case 'paid-out':
    case 'drop':
      return true;
    default:
      return false;
  }
}

export interface DrawerFigures {
  floatCents: number;
  cashSalesCents: number;
  cashRefundsCents: number;
  paidOutCents: number;
  dropCents: number;
  /** float + cash sales − cash refunds − paid-outs − drops (change given is netted: a sale records its amount). */
  expectedCents: number;
}

/** The cash the drawer should hold, from the entries so far, in the drawer's currency. */
export function drawerFigures(entries: readonly LedgerEntry[], currency: string): DrawerFigures {
  const figures = { floatCents: 0, cashSalesCents: 0, cashRefundsCents: 0, paidOutCents: 0, dropCents: 0 };
  for (const entry of entries) {
    if (!movesCash(entry) || !('currency' in entry) || entry.currency !== currency) continue;
    if (entry.type === 'float') figures.floatCents += entry.amountCents;
    else if (entry.type === 'sale') figures.cashSalesCents += entry.amountCents;
    else if (entry.type === 'cancel') figures.cashRefundsCents += entry.refund?.amountCents ?? 0;
    else if (entry.type === 'paid-out') figures.paidOutCents += entry.amountCents;
    else if (entry.type === 'drop') figures.dropCents += entry.amountCents;
  }
  const expectedCents =
    figures.floatCents + figures.cashSalesCents - figures.cashRefundsCents - figures.paidOutCents - figures.dropCents;
  return { ...figures, expectedCents };
}

/** The last count of these entries, with whether cash moved after it. */
export function lastCount(entries: readonly LedgerEntry[]): CountResult | null {
  let index = -1;
  entries.forEach((entry, i) => {
    if (entry.type === 'count') index = i;
  });
  if (index < 0) return null;
  const count = entries[index] as LedgerEntryOf<'count'>;
  return countResult(count, entries.slice(index + 1).some(movesCash));
}

export function countResult(count: LedgerEntryOf<'count'>, stale: boolean): CountResult {
  const differenceCents = count.countedCents - count.expectedCents;
  return {
    currency: count.currency,
    countedCents: count.countedCents,
    expectedCents: count.expectedCents,
    differenceCents,
    outcome: differenceCents === 0 ? 'even' : differenceCents > 0 ? 'over' : 'short',
    toleranceCents: count.toleranceCents,
    needsPin: Math.abs(differenceCents) > count.toleranceCents,
    stale,
    at: count.at,
  };
}

export interface ShiftBooks {
  kioskId: string;
  shift: Shift;
  /** This shift's entries, in the order they were written. */
  entries: readonly LedgerEntry[];
  /** The drawer's currency: the float's, else the kiosk's first zone's. */
  drawerCurrency: string;
}

type Amount = { currency: string; count: number; cents: number };

/** Adds up amounts by currency and a key, and lists them currency by currency in the key order given. */
class Totals<K extends string> {
  private readonly map = new Map<string, Amount & { key: K }>();
  add(currency: string, key: K, cents: number): void {
    const id = `${currency}\u0000${key}`;
    const current = this.map.get(id) ?? { currency, key, count: 0, cents: 0 };
    current.count += 1;
    current.cents += cents;
    this.map.set(id, current);
  }
  list(order: readonly K[]): Array<Amount & { key: K }> {
    return [...this.map.values()].sort(
      (a, b) => a.currency.localeCompare(b.currency) || order.indexOf(a.key) - order.indexOf(b.key),
    );
  }
}

/**
 * An X-report (`closedAt` null) or a Z-report. `showExpected`: an X-report asked for without the admin PIN
 * before any count keeps the expected cash back, so the count stays blind.
 */
export function buildReport(books: ShiftBooks, options: { showExpected: boolean }): MoneyReport {
  const { entries, drawerCurrency } = books;
  const tenders = new Totals<(typeof TENDER_KINDS)[number]>();
  const refunds = new Totals<(typeof REFUND_METHODS)[number]>();
  const voids = new Map<string, { currency: string; count: number; cents: number; refunded: number }>();
  const paidOuts = new Totals<'paid-out'>();
  const drops = new Totals<'drop'>();
  const net = new Map<string, { currency: string; collectedCents: number; refundedCents: number }>();
  const netOf = (currency: string) => {
    const row = net.get(currency) ?? { currency, collectedCents: 0, refundedCents: 0 };
    net.set(currency, row);
    return row;
  };
  let close: LedgerEntryOf<'close'> | undefined;
  for (const entry of entries) {
    switch (entry.type) {
      case 'sale':
        tenders.add(entry.currency, tenderKind(entry.tender), entry.amountCents);
        if (collectsMoney(entry.tender)) netOf(entry.currency).collectedCents += entry.amountCents;
        break;
      case 'cancel': {
        const row = voids.get(entry.currency) ?? { currency: entry.currency, count: 0, cents: 0, refunded: 0 };
        row.count += 1;
        if (entry.refund) {
          row.refunded += 1;
          row.cents += entry.refund.amountCents;
          refunds.add(entry.currency, entry.refund.method, entry.refund.amountCents);
          netOf(entry.currency).refundedCents += entry.refund.amountCents;
        }
        voids.set(entry.currency, row);
        break;
      }
      case 'paid-out':
        paidOuts.add(entry.currency, 'paid-out', entry.amountCents);
        break;
      case 'drop':
        drops.add(entry.currency, 'drop', entry.amountCents);
        break;
      case 'close':
        close = entry;
        break;
      default:
        break;
    }
  }
  const figures = drawerFigures(entries, drawerCurrency);
  const count = lastCount(entries);
  const report: Omit<MoneyReport, 'csv'> = {
    kind: close ? 'z' : 'x',
    kioskId: books.kioskId,
    shift: books.shift,
    closedAt: close?.at ?? null,
    tenders: tenders.list(TENDER_KINDS).map(({ key, ...rest }) => ({ ...rest, tender: key })),
    refunds: refunds.list(REFUND_METHODS).map(({ key, ...rest }) => ({ ...rest, method: key })),
    voids: [...voids.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    paidOuts: paidOuts.list(['paid-out']).map(({ key: _key, ...rest }) => rest),
    drops: drops.list(['drop']).map(({ key: _key, ...rest }) => rest),
    net: [...net.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((row) => ({ ...row, netCents: row.collectedCents - row.refundedCents })),
    drawer: {
      currency: drawerCurrency,
      floatCents: figures.floatCents,
      cashSalesCents: figures.cashSalesCents,
      cashRefundsCents: figures.cashRefundsCents,
      paidOutCents: figures.paidOutCents,
      dropCents: figures.dropCents,
      expectedCents: options.showExpected || count !== null || close ? figures.expectedCents : null,
      count,
      approvedByPin: close?.approvedByPin ?? false,
    },
  };
  return { ...report, csv: reportCsv(report, countsOf(entries)) };
}

function countsOf(entries: readonly LedgerEntry[]): LedgerEntryOf<'count'> | undefined {
  return entries.filter((entry): entry is LedgerEntryOf<'count'> => entry.type === 'count').at(-1);
}

const CSV_COLUMNS = ['section', 'item', 'currency', 'count', 'cents', 'detail'] as const;

function csv(rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  return [CSV_COLUMNS.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\r\n') + '\r\n';
}

/** The report as CSV: one row per figure, `section,item,currency,count,cents,detail`; amounts in cents. */
export function reportCsv(report: Omit<MoneyReport, 'csv'>, count?: LedgerEntryOf<'count'>): string {
  const rows: unknown[][] = [
    ['report', report.kind === 'z' ? 'Z' : 'X', '', '', '', report.kioskId],
    ['shift', 'attendant', '', '', '', report.shift.attendant],
    ['shift', 'opened', '', '', '', report.shift.startedAt],
    ['shift', 'closed', '', '', '', report.closedAt ?? ''],
  ];
  for (const row of report.tenders) rows.push(['tender', row.tender, row.currency, row.count, row.cents, '']);
  for (const row of report.refunds) rows.push(['refund', row.method, row.currency, row.count, row.cents, '']);
  for (const row of report.voids) {
    rows.push(['void', 'cancelled', row.currency, row.count, '', '']);
    rows.push(['void', 'with-refund', row.currency, row.refunded, row.cents, '']);
  }
  for (const row of report.paidOuts) rows.push(['paid-out', 'total', row.currency, row.count, row.cents, '']);
  for (const row of report.drops) rows.push(['drop', 'total', row.currency, row.count, row.cents, '']);
  for (const row of report.net) {
    rows.push(['net', 'collected', row.currency, '', row.collectedCents, 'complimentary excluded']);
    rows.push(['net', 'refunded', row.currency, '', row.refundedCents, '']);
    rows.push(['net', 'net', row.currency, '', row.netCents, '']);
  }
  const d = report.drawer;
  rows.push(
    ['drawer', 'float', d.currency, '', d.floatCents, ''],
    ['drawer', 'cash-sales', d.currency, '', d.cashSalesCents, ''],
    ['drawer', 'cash-refunds', d.currency, '', d.cashRefundsCents, ''],
    ['drawer', 'paid-outs', d.currency, '', d.paidOutCents, ''],
    ['drawer', 'drops', d.currency, '', d.dropCents, ''],
    ['drawer', 'expected', d.currency, '', d.expectedCents ?? '', d.expectedCents === null ? 'blind' : ''],
  );
  if (d.count) {
    for (const each of count?.counts ?? []) {
      rows.push(['count', String(each.cents), count?.currency ?? '', each.count, each.cents * each.count, '']);
    }
    rows.push(
      ['drawer', 'counted', d.currency, '', d.count.countedCents, d.count.at],
      ['drawer', d.count.outcome, d.currency, '', d.count.differenceCents, d.count.stale ? 'cash moved after' : ''],
      ['drawer', 'tolerance', d.currency, '', d.count.toleranceCents, ''],
    );
  }
  if (report.kind === 'z') rows.push(['drawer', 'approved-by-pin', '', '', '', d.approvedByPin ? 'yes' : 'no']);
  return csv(rows);
}

/** The shifts of a day and the totals per attendant. */
export function buildDayReport(date: string, reports: readonly MoneyReport[]): DayReport {
  const byAttendant = new Map<string, DayReport['attendants'][number]>();
  const add = <T extends { currency: string; count: number; cents: number }>(
    into: T[],
    row: T,
    same: (a: T) => boolean,
  ) => {
    const found = into.find(same);
    if (found) {
      found.count += row.count;
      found.cents += row.cents;
    } else into.push({ ...row });
  };
  for (const report of reports) {
    const name = report.shift.attendant;
    const row = byAttendant.get(name) ?? { attendant: name, shifts: 0, tenders: [], refunds: [], overShort: [] };
    row.shifts += 1;
    for (const t of report.tenders) add(row.tenders, t, (a) => a.currency === t.currency && a.tender === t.tender);
    for (const r of report.refunds) add(row.refunds, r, (a) => a.currency === r.currency && a.method === r.method);
    const count = report.drawer.count;
    if (count) {
      const found = row.overShort.find((each) => each.currency === count.currency);
      if (found) found.cents += count.differenceCents;
      else row.overShort.push({ currency: count.currency, cents: count.differenceCents });
    }
    byAttendant.set(name, row);
  }
  const attendants = [...byAttendant.values()];
  const rows: unknown[][] = [['day', 'date', '', '', '', date]];
  for (const a of attendants) {
    rows.push(['attendant', 'shifts', '', a.shifts, '', a.attendant]);
    for (const t of a.tenders) rows.push(['tender', t.tender, t.currency, t.count, t.cents, a.attendant]);
    for (const r of a.refunds) rows.push(['refund', r.method, r.currency, r.count, r.cents, a.attendant]);
    for (const o of a.overShort) rows.push(['drawer', 'over-short', o.currency, '', o.cents, a.attendant]);
  }
  return {
    date,
    shifts: reports.map(({ csv: _csv, ...rest }) => rest),
    attendants,
    csv: csv(rows),
  };
}
