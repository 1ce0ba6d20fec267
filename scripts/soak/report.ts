/** The soak's report: a few tables of figures, then each invariant with PASS or FAIL and example tickets. */
import type { CheckResult, Finding } from './check';
import { ACTION_KINDS, type Ledger } from './ledger';

export interface RunFigures {
  header: string;
  ledger: Ledger;
  killsDone: number;
  killsAsked: number;
  /** Writes (push/update/delete) OPSCOM received while faults were on, and how many met a fault. */
  writesWithFaultsOn: number;
  faultedWrites: number;
  faultsByKind: Map<string, number>;
  writesInDrain: number;
  pushAttempts: { tickets: number; max: number; mean: number; neverPushed: number };
  peakWaiting: number;
  drainMs: number | null;
  drainTimeoutS: number;
  actionsMs: number;
  totalMs: number;
  final: { waiting: number; attention: number; reconcile: number };
}

export interface Invariant {
  name: string;
  broken: Finding[];
  /** For invariants that are not a list of tickets (the drain). */
  failedWhy?: string;
}

const EXAMPLES = 10;

export function seconds(ms: number): string {
  if (ms < 90_000) return `${(ms / 1000).toFixed(1)} s`;
  const whole = Math.round(ms / 1000);
  return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
}

function table(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${indent}${label.padEnd(width)}  ${value}`);
}

function actionTable(ledger: Ledger): string[] {
  const refusedOf = (kind: string): number =>
    [...ledger.refused].filter(([key]) => key.startsWith(`${kind} `)).reduce((sum, [, n]) => sum + n, 0);
  const rows: Array<[string, Record<string, number>]> = [
    ['confirmed', ledger.confirmed],
    ['interrupted by a kill', ledger.interrupted],
    ['no answer, no kill', ledger.interruptedWithoutKill],
    ['refused by the kiosk', Object.fromEntries(ACTION_KINDS.map((kind) => [kind, refusedOf(kind)]))],
  ];
  const cell = (value: string | number): string => String(value).padStart(7);
  const lines = [`  ${'actions'.padEnd(22)}${ACTION_KINDS.map(cell).join('')}${cell('total')}`];
  for (const [label, counts] of rows) {
    const values = ACTION_KINDS.map((kind) => counts[kind] ?? 0);
    lines.push(`  ${label.padEnd(22)}${values.map(cell).join('')}${cell(values.reduce((a, b) => a + b, 0))}`);
  }
  if (ledger.refused.size > 0)
    lines.push(`  refusals: ${[...ledger.refused].map(([key, n]) => `${key} ×${n}`).join(', ')}`);
  return lines;
}

function faultLine(figures: RunFigures): string {
  const share = figures.writesWithFaultsOn === 0 ? 0 : figures.faultedWrites / figures.writesWithFaultsOn;
  return `${figures.faultedWrites} of ${figures.writesWithFaultsOn} writes while faults were on (${(share * 100).toFixed(1)}%)`;
}

function faultKinds(figures: RunFigures): string[] {
  const kinds = [...figures.faultsByKind].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${kind} ${n}`);
  const lines: string[] = [];
  let line = '';
  for (const kind of kinds) {
    if (line.length + kind.length > 100) {
      lines.push(line);
      line = '';
    }
    line += line === '' ? kind : `, ${kind}`;
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => `    ${text}`);
}

export function formatReport(figures: RunFigures, result: CheckResult, invariants: Invariant[]): string {
  const push = figures.pushAttempts;
  const lines: string[] = [figures.header, ''];
  lines.push(...actionTable(figures.ledger), '');
  lines.push(
    ...table([
      ['station kills', `${figures.killsDone} of ${figures.killsAsked}`],
      ['faults fired', faultLine(figures)],
    ]),
  );
  lines.push(...faultKinds(figures));
  lines.push(
    ...table([
      ['writes after faults off', String(figures.writesInDrain)],
      [
        'push attempts per ticket',
        `max ${push.max}, mean ${push.mean.toFixed(2)} over ${push.tickets} confirmed tickets pushed` +
          ` (${push.neverPushed} never pushed)`,
      ],
      ['peak waiting during run', String(figures.peakWaiting)],
      [
        'drain',
        figures.drainMs === null
          ? `did not drain within ${figures.drainTimeoutS} s`
          : `${seconds(figures.drainMs)} from the last action to nothing waiting`,
      ],
      ['run time', `${seconds(figures.totalMs)} (actions ${seconds(figures.actionsMs)})`],
    ]),
    '',
    '  OPSCOM (sandbox) against the kiosk',
    ...table(
      [
        [
          'tickets checked',
          `${result.ticketsChecked} (${result.unconfirmedInOpscom} of them never confirmed to the soak)`,
        ],
        ['lost', String(countTickets(result.lost)) + byRule(result.lost)],
        ['wrong values', String(countTickets(result.wrong))],
        ['copies in OPSCOM', `${result.extraInOpscom} live extra copies beyond the intended one`],
        ['copies the kiosk counted', String(result.extraCounted)],
        ['uncounted', `${result.uncounted.length} tickets with more live copies than counted`],
        ['on reconciliation list', `${result.listed} (${result.needAttention} need attention)`],
        ['cancelled, live in OPSCOM', `${result.cancelledLive} (${result.cancelledLiveListed} on the list)`],
        [
          'outbox at the end',
          `waiting ${figures.final.waiting}, attention ${figures.final.attention}, reconcile ${figures.final.reconcile}`,
        ],
      ],
      '    ',
    ),
    '',
    '  Invariants',
  );
  for (const invariant of invariants) lines.push(...formatInvariant(invariant));
  return lines.join('\n');
}

function formatInvariant(invariant: Invariant): string[] {
  const ok = invariant.broken.length === 0 && invariant.failedWhy === undefined;
  const lines = [`    ${ok ? 'PASS' : 'FAIL'}  ${invariant.name}`];
  if (invariant.failedWhy) lines.push(`          ${invariant.failedWhy}`);
  const tickets = [...new Set(invariant.broken.map((finding) => finding.ticket))];
  if (tickets.length > EXAMPLES) lines.push(`          ${tickets.length} tickets; the first ${EXAMPLES}:`);
  for (const ticket of tickets.slice(0, EXAMPLES)) {
    const whys = invariant.broken.filter((finding) => finding.ticket === ticket).map((finding) => finding.why);
    lines.push(`          ${ticket}: ${whys.join('; ')}`);
  }
  return lines;
}

function countTickets(findings: Finding[]): number {
  return new Set(findings.map((finding) => finding.ticket)).size;
}

function byRule(findings: Finding[]): string {
  if (findings.length === 0) return '';
  const rules = new Map<string, number>();
  for (const finding of findings) rules.set(finding.rule, (rules.get(finding.rule) ?? 0) + 1);
  return ` (${[...rules].map(([rule, n]) => `${rule} ${n}`).join(', ')})`;
}
