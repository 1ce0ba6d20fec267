/**
 * `npm run conformance -- --url <controller> --token <token> [--allow-writes] [--zones "Lot 1,Lot 2"] [--only P]`
 * (URL and token may also come from OPSCOM_URL and OPSCOM_TOKEN, as for the kiosk).
 * Checks a controller (OPSCOM's preview system, or the sandbox) against the documented protocol cases.
 * The token is never printed: everything written passes through `scrub`.
 */
import { mayWrite } from './cases';
import { parseConformanceArgs, USAGE } from './cli-args';
import {
  closingLine,
  columnsFor,
  count,
  formatCleanup,
  formatFindings,
  formatHints,
  formatNotes,
  formatRow,
  header,
  LEGEND,
} from './report';
import { newRunId, runConformance } from './runner';

let secret = '';
const scrub = (text: string): string => (secret === '' ? text : text.split(secret).join('[redacted]'));
const out = (line = ''): void => void process.stdout.write(`${scrub(line)}\n`);
const err = (line = ''): void => void process.stderr.write(`${scrub(line)}\n`);

async function main(): Promise<number> {
  const parsed = parseConformanceArgs(process.argv.slice(2), process.env);
  if (parsed.kind === 'help') {
    out(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    err(parsed.message);
    err();
    err(USAGE);
    return 2;
  }
  const { url, token, allowWrites, zones, cases } = parsed.args;
  secret = token;

  const runId = newRunId();
  const writing = cases.filter(mayWrite).length;
  out(`Checking ${url} against ${cases.length} documented OPSCOM protocol cases.`);
  if (allowWrites)
    out(
      `Test permits from this run have plates starting CONF${runId} and ticket numbers starting CONF-${runId}; all are deleted at the end.`,
    );
  else if (writing > 0)
    out(`Read-only: the ${writing} cases that create or change permits are skipped (add --allow-writes to run them).`);
  out();

  const stop = new AbortController();
  let interrupted = false;
  process.on('SIGINT', () => {
    if (interrupted) {
      err(`Stopped before cleanup finished: test permits with plates starting CONF${runId} may remain in OPSCOM.`);
      process.exit(130);
    }
    interrupted = true;
    err('Stopping after the current case, then deleting the test permits created so far (Ctrl-C again to quit now).');
    stop.abort();
  });

  const columns = columnsFor(cases);
  out(header(columns));
  const run = await runConformance({
    url,
    token,
    allowWrites,
    zones,
    cases,
    runId,
    signal: stop.signal,
    onResult: (result) => out(formatRow(columns, result)),
  });

  const notes = [...formatNotes(run.results), ...formatHints(run.results)];
  if (notes.length > 0) {
    out();
    for (const line of notes) out(line);
  }
  out();
  for (const line of LEGEND) out(line);
  out();
  for (const line of formatCleanup(run.cleanup)) out(line);
  // After the cleanup, so the setting to change is what the integrator reads last, just above the counts.
  const findings = formatFindings(run.findings);
  if (findings.length > 0) {
    out();
    for (const line of findings) out(line);
  }
  if (interrupted) out(`Interrupted: ${cases.length - run.results.length} cases were not run.`);
  out(closingLine(run.results));
  if (interrupted) return 130;
  return count(run.results, 'FAIL') > 0 || run.cleanup.failed.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  err(`The conformance run stopped on an error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
