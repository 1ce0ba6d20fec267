/**
 * The soak's command line. Everything is checked here, so a typo ends the run at once (exit 2) with a usage
 * line instead of a confusing failure ten minutes in.
 */
import { parseArgs } from 'node:util';

export interface SoakArgs {
  /** Attendant actions to fire through the bridge. */
  actions: number;
  /** kill -9s of the station, spread across the run. */
  kills: number;
  /** Overall share of push/update/delete requests that meet a fault, 0..1. */
  faultRate: number;
  seed: number;
  /** The kiosk's `outboxConcurrency` setting. */
  concurrency: number;
  /** Bridge requests kept in flight at once (several attendants' taps, or a fast one). */
  inFlight: number;
  /** Mean pause in ms between one in-flight slot's actions, so deliveries overlap the run (0: no pause). */
  paceMs: number;
  /** Give up on the drain after this many seconds. */
  drainTimeoutS: number;
  /** The sandbox refuses a repeated ticket number (9022) and the kiosk is told so (repeatedTicketRefused: yes). */
  refusesRepeats: boolean;
  /** Keep the temporary folder (data dir, station log) for debugging. */
  keep: boolean;
  /**
   * The station's disk fails too: this share (0..1) of its write and sync calls on the data folder fail, in one mode
   * per start (EIO, a short write then ENOSPC, a failing fsync), through the disk-fault shim. 0: a sound disk.
   */
  diskFaultRate: number;
}

export const USAGE =
  'Usage: npm run soak -- --actions N --kills K --fault-rate F [--seed S] [--concurrency C] [--in-flight R]' +
  ' [--pace MS] [--drain-timeout SECONDS] [--opscom-refuses-repeats] [--disk-faults [--disk-fault-rate D]] [--keep]\n' +
  '  N actions (1 or more) through the station bridge, K kill -9s of the station (0 to N), faults on a share F' +
  ' (0 to 1) of OPSCOM writes.\n' +
  '  C is the kiosk outbox concurrency (1-16, default 4); R bridge requests in flight (1-32, default 4);' +
  ' MS mean pause between actions (default 20).\n' +
  "  --disk-faults: the station's data folder fails under it too (a share D, default 0.02, of its writes and syncs).";

export type ParsedArgs = { kind: 'run'; args: SoakArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export function parseSoakArgs(argv: string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        actions: { type: 'string' },
        kills: { type: 'string' },
        'fault-rate': { type: 'string' },
        seed: { type: 'string' },
        concurrency: { type: 'string' },
        'in-flight': { type: 'string' },
        pace: { type: 'string' },
        'drain-timeout': { type: 'string' },
        'opscom-refuses-repeats': { type: 'boolean', default: false },
        'disk-faults': { type: 'boolean', default: false },
        'disk-fault-rate': { type: 'string' },
        keep: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    // parseArgs words unknown flags as "Unknown option '--x'..."; keep its first sentence.
    return { kind: 'error', message: (error instanceof Error ? error.message : String(error)).split('. ')[0] + '.' };
  }
  if (values.help) return { kind: 'help' };

  const problems: string[] = [];
  const whole = (name: string, raw: string | undefined, min: number, max: number, fallback?: number): number => {
    if (raw === undefined) {
      if (fallback === undefined) problems.push(`--${name} is required.`);
      return fallback ?? 0;
    }
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max)
      problems.push(`--${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
    return n;
  };

  const actions = whole('actions', values.actions, 1, 1_000_000);
  const kills = whole('kills', values.kills, 0, 10_000);
  if (problems.length === 0 && kills > actions)
    problems.push(`--kills (${kills}) cannot be more than --actions (${actions}).`);
  let faultRate = 0;
  if (values['fault-rate'] === undefined) problems.push('--fault-rate is required (0 for none).');
  else {
    faultRate = Number(values['fault-rate']);
    if (values['fault-rate'].trim() === '' || !Number.isFinite(faultRate) || faultRate < 0 || faultRate > 1)
      problems.push(`--fault-rate must be a number from 0 to 1, not "${values['fault-rate']}".`);
  }
  const seed = whole('seed', values.seed, 0, 2 ** 32 - 1, Math.floor(Math.random() * 2 ** 31));
  const concurrency = whole('concurrency', values.concurrency, 1, 16, 4);
  const inFlight = whole('in-flight', values['in-flight'], 1, 32, 4);
  const paceMs = whole('pace', values.pace, 0, 60_000, 20);
  const drainTimeoutS = whole('drain-timeout', values['drain-timeout'], 1, 86_400, 900);

  let diskFaultRate = 0;
  if (values['disk-faults']) {
    diskFaultRate = Number(values['disk-fault-rate'] ?? '0.02');
    if (!Number.isFinite(diskFaultRate) || diskFaultRate <= 0 || diskFaultRate > 0.5)
      problems.push(`--disk-fault-rate must be a number above 0 and at most 0.5, not "${values['disk-fault-rate']}".`);
  } else if (values['disk-fault-rate'] !== undefined) problems.push('--disk-fault-rate goes with --disk-faults.');

  if (problems.length > 0) return { kind: 'error', message: problems.join(' ') };
  return {
    kind: 'run',
    args: {
      actions,
      kills,
      faultRate,
      seed,
      concurrency,
      inFlight,
      paceMs,
      drainTimeoutS,
      refusesRepeats: values['opscom-refuses-repeats'],
      keep: values.keep,
      diskFaultRate,
    },
  };
}
