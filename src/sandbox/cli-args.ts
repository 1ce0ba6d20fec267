/** Turns the sandbox CLI's flags into SandboxOptions, or a plain-words reason they are wrong. */
import { parseArgs } from 'node:util';
import { DEMO_TOKEN } from '../shared/demo';
import { isLoopbackBindHost } from '../shared/loopback';
import { parseFaultSpec, type Fault } from './faults';
import type { SandboxOptions } from './server';
import { isValidToken, zoneNames } from './validation';

export { DEMO_TOKEN };
/** A fixed default so `npm run sandbox` lands where the kiosk's demo setup expects it. */
export const DEFAULT_CLI_PORT = 18080;

export const USAGE = `Usage: npx tsx src/sandbox/cli.ts [options]
  --port P                      port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free port)
  --host H                      loopback address to bind (default 127.0.0.1; 127.x.x.x or ::1 only)
  --token T                     an accepted API token; repeat for more (default ${DEMO_TOKEN})
  --zones "Lot 1,Lot 2"         zones OPSCOM knows (default "Lot 1,Lot 2,Lot 4,Street")
  --error-status http|200       carry errors with 4xx statuses (default) or always with 200
  --stats-counts all|active     stats count every permit (default) or only those valid now
  --reject-duplicate-permit-no  refuse (9022) a push whose permitNo is already stored
  --fault "<endpoint>:<kind>[:key=value,...]"
                                inject a fault; repeat for more. endpoint: push, update, delete, stats or *
                                kind: latency (ms=, jitter=), reset, store-then-drop, status-500, status-502,
                                  status-503, rate-limit (429; retryAfter=<s> adds Retry-After), hang,
                                  html-200, truncated-json-200
                                stored, then answered badly: store-then-reset (RST), store-then-hang (no
                                  answer; ms=<n> sends it n ms late), store-then-truncate (body cut in half),
                                  store-then-500
                                answered in an undocumented style: reference-internal-only (no reference_id),
                                  reference-number (numeric ids), totals-number (stats totals as numbers),
                                  success-variant ("SUCCESS" plus a "message")
                                every kind takes p=<0..1> (a share of requests) or count=<N> (the next N);
                                with neither it applies to every request until cleared. Examples:
                                  --fault "push:store-then-drop:count=1"  --fault "*:latency:ms=50,jitter=20"
                                  --fault "stats:status-503:p=0.5"        --fault "push:rate-limit:retryAfter=3"
                                change faults at runtime: GET/POST/DELETE /__sandbox/faults (loopback only)
  --help                        show this help`;

export type CliParse =
  | { kind: 'run'; options: SandboxOptions & { tokens: string[] } }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

function readFlags(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string', multiple: true },
      zones: { type: 'string' },
      'error-status': { type: 'string' },
      'stats-counts': { type: 'string' },
      'reject-duplicate-permit-no': { type: 'boolean' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

export function parseSandboxArgs(argv: string[]): CliParse {
  let values: ReturnType<typeof readFlags>;
  try {
    values = readFlags(argv);
  } catch (error) {
    // parseArgs already words these plainly, e.g. "Unknown option '--prot'".
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
  if (values.help === true) return { kind: 'help' };

  let port = DEFAULT_CLI_PORT;
  if (values.port !== undefined) {
    if (!/^\d{1,5}$/.test(values.port) || Number(values.port) > 65535)
      return { kind: 'error', message: `--port must be a whole number from 0 to 65535, not "${values.port}".` };
    port = Number(values.port);
  }

  const host = values.host ?? '127.0.0.1';
  if (!isLoopbackBindHost(host))
    return { kind: 'error', message: `--host must be a loopback address (127.x.x.x or ::1), not "${host}".` };

  const tokens = values.token ?? [DEMO_TOKEN];
  // Not echoed back: a mistyped token is still most of a secret.
  if (!tokens.every((token) => isValidToken(token)))
    return { kind: 'error', message: 'Each --token must be 1 to 50 letters, digits or dashes.' };

  let zones: string[] | undefined;
  if (values.zones !== undefined) {
    zones = zoneNames(values.zones);
    if (zones.length === 0)
      return { kind: 'error', message: '--zones needs at least one zone name, e.g. "Lot 1,Lot 2".' };
  }

  const errorStatusFlag = values['error-status'] ?? 'http';
  if (errorStatusFlag !== 'http' && errorStatusFlag !== '200')
    return { kind: 'error', message: `--error-status must be "http" or "200", not "${errorStatusFlag}".` };

  const statsCounts = values['stats-counts'] ?? 'all';
  if (statsCounts !== 'all' && statsCounts !== 'active')
    return { kind: 'error', message: `--stats-counts must be "all" or "active", not "${statsCounts}".` };

  const faults: Fault[] = [];
  for (const spec of values.fault ?? []) {
    const fault = parseFaultSpec(spec);
    if (!fault.ok) return { kind: 'error', message: fault.message };
    faults.push(fault.value);
  }

  return {
    kind: 'run',
    options: {
      port,
      host,
      tokens,
      ...(zones === undefined ? {} : { zones }),
      errorStatus: errorStatusFlag === '200' ? 200 : 'http',
      statsCounts,
      rejectDuplicatePermitNo: values['reject-duplicate-permit-no'] === true,
      ...(faults.length === 0 ? {} : { faults }),
    },
  };
}
