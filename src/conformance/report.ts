/** The conformance tool's printed report: a table streamed row by row, notes, cleanup, and one closing line. */
import type { ConformanceCase, SettingValue } from './cases';
import {
  describeExpectation,
  SKIPPED_TEXT,
  type CaseResult,
  type CleanupReport,
  type Finding,
  type Verdict,
} from './runner';
import { pluralsOf } from '../shared/intl';

/** The report is in English, for IT: plurals by English's rules. */
const forms = pluralsOf('en-CA');

export interface Columns {
  id: number;
  expected: number;
  got: number;
}

const HEADINGS = { id: 'case', expected: 'expected', got: 'got', result: 'result' };

/** Widths known before any answer arrives, so rows can be printed as they come; a longer `got` just runs on. */
export function columnsFor(cases: readonly ConformanceCase[]): Columns {
  return {
    id: Math.max(HEADINGS.id.length, ...cases.map((c) => c.id.length)),
    expected: Math.max(HEADINGS.expected.length, ...cases.map((c) => describeExpectation(c).length)),
    got: SKIPPED_TEXT.length,
  };
}

function row(columns: Columns, id: string, expected: string, got: string, result: string): string {
  return [id.padEnd(columns.id), expected.padEnd(columns.expected), got.padEnd(columns.got), result].join('  ');
}

export function header(columns: Columns): string {
  return row(columns, HEADINGS.id, HEADINGS.expected, HEADINGS.got, HEADINGS.result);
}

export function formatRow(columns: Columns, result: CaseResult): string {
  return row(columns, result.id, result.expected, result.got, result.result);
}

export const LEGEND = [
  'expected "any error (N)": the docs say the request is refused, not with which code; N is the sandbox\'s code.',
  'expected "N (sandbox)": the docs are silent; N is what the kiosk\'s sandbox answers.',
  'In both, another JSON answer is INFO, not FAIL: please pass it on so the sandbox can follow OPSCOM.',
  'expected "A or B": the docs are silent and either is fine (INFO); which came back sets a kiosk setting, named at the end.',
];

/** One line per FAIL and INFO: the case in plain words and what the docs say or leave open. */
export function formatNotes(results: readonly CaseResult[]): string[] {
  return results
    .filter((r) => r.result === 'FAIL' || r.result === 'INFO')
    .map((r) => `${r.result} ${r.id}: ${r.title}. ${r.note ?? ''}`.trim());
}

/** Plain-words hints for patterns that point at the setup rather than the controller. */
export function formatHints(results: readonly CaseResult[]): string[] {
  const refused = results.filter(
    (r) =>
      !r.id.includes('.token.') && r.outcome?.kind === 'error' && (r.outcome.code === 9001 || r.outcome.code === 9002),
  ).length;
  const silent = results.filter((r) => r.outcome?.kind === 'no-answer').length;
  const hints: string[] = [];
  if (refused > 0)
    hints.push(
      `Hint: the controller refused the token on ${refused} ${forms(refused, { one: 'case', other: 'cases' })} that send it (9001/9002): check --token, and that OPSCOM has granted API access for it on this controller.`,
    );
  if (silent > 0 && silent === results.filter((r) => r.result !== 'SKIP').length)
    hints.push("Hint: nothing answered at all: check --url (the controller's base address) and the network.");
  return hints;
}

export function formatCleanup(cleanup: CleanupReport): string[] {
  const removed = cleanup.deleted.length;
  const gone = cleanup.alreadyGone.length;
  const total = removed + gone + cleanup.failed.length;
  if (total === 0) return ['Cleanup: no test permits were created.'];
  const lines = [
    `Cleanup: deleted ${removed} test ${forms(removed, { one: 'permit', other: 'permits' })}` +
      (gone > 0 ? `; ${gone} ${forms(gone, { one: 'was', other: 'were' })} already gone` : '') +
      '.',
  ];
  const failed = cleanup.failed.length;
  if (failed > 0) {
    lines.push(
      `Cleanup FAILED for ${failed} test ${forms(failed, { one: 'permit; remove it', other: 'permits; remove them' })} by hand in OPSCOM (reference id, then what delete answered):`,
      ...cleanup.failed.map((f) => `  ${f.referenceId}  ${f.got}`),
    );
  }
  return lines;
}

/** How the Settings screen shows each value. */
const SHOWN: Record<SettingValue, string> = { yes: 'Yes', no: 'No', unknown: 'Unknown' };

/** One line per finding, starting with what to do: the setting as the Settings screen names it, and its key. */
export function formatFindings(findings: readonly Finding[]): string[] {
  return findings.map(({ caseId, setting, value, status, got }) => {
    const as = (v: SettingValue): string => `${SHOWN[v]} (settings key ${setting.key}: "${v}")`;
    if (value !== 'unknown') return `Set “${setting.label}” to ${as(value)}.`;
    const leave = `Leave “${setting.label}” at ${as('unknown')}`;
    const check = `run again with --allow-writes --only ${caseId} to find out.`;
    if (status === 'skipped') return `${leave}: it was not checked, as that pushes test permits; ${check}`;
    if (status === 'not-run') return `${leave}: it was not checked, as the run stopped before ${caseId}; ${check}`;
    return `${leave}: ${caseId} could not tell — ${got ?? 'no result'}.`;
  });
}

export function count(results: readonly CaseResult[], verdict: Verdict): number {
  return results.filter((r) => r.result === verdict).length;
}

export function closingLine(results: readonly CaseResult[]): string {
  return `Conformance: ${count(results, 'PASS')} passed, ${count(results, 'FAIL')} failed, ${count(results, 'INFO')} informational, ${count(results, 'SKIP')} skipped`;
}
