/**
 * `npm run soak -- --actions N --kills K --fault-rate F [--seed S] [--concurrency C] ...`
 *
 * The offline outbox's delivery guarantees under load, faults and crashes: the OPSCOM sandbox runs in this
 * process (so it outlives the kills), the station runs as a child process on a temporary data folder, and N
 * attendant actions go through its bridge while it is kill -9'd K times. After the last action the faults stop,
 * the outbox must drain, and every confirmed action is checked against what OPSCOM holds. Not part of
 * `npm test`: it prints figures, and exits 1 when a guarantee is broken (2 on a bad command line).
 */
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { hashPin } from '../../src/main/core/settings/admin-pin';
import { seededRandom } from '../../src/sandbox/faults';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import type { Permit } from '../../src/shared/permits/permit';
import { parseSoakArgs, USAGE, type SoakArgs } from './args';
import { check, type CheckResult } from './check';
import { drive, ensureShift } from './driver';
import { faultPlan } from './faults';
import { Ledger } from './ledger';
import { formatReport, seconds, type Invariant } from './report';
import { analyseLog, pushAttemptStats } from './sandbox-log';
import { ensureRendererBuilt, Station } from './station';
import { readRecords } from '../../src/main/core/storage/read-records';
import { buildDiskFaultShim } from '../../src/main/core/testing/fault-shim';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOKEN = 'SOAK-KIOSK-TOKEN';
const POLL_MS = 250;

const progress = (line: string): void => void process.stderr.write(`· ${line}\n`);
/** Ctrl-C: the run's own failure that follows (its station is gone) is not worth printing. */
let interrupted = false;

/**
 * Short timeouts so a hang costs seconds, not the 90 s a real kiosk waits for a late answer; and the admin PIN a
 * supervisor sets on a new kiosk's first screen (nothing is sold before one is set).
 */
async function kioskSettings(args: SoakArgs): Promise<Record<string, unknown>> {
  return {
    adminPinHash: await hashPin('1234'),
    requestSoftTimeoutMs: 1000,
    requestHardTimeoutMs: 3000,
    outboxConcurrency: args.concurrency,
    ...(args.refusesRepeats ? { repeatedTicketRefused: 'yes' } : {}),
  };
}

async function main(): Promise<number> {
  const parsed = parseSoakArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    console.error(parsed.message);
    console.error(USAGE);
    return 2;
  }
  const args = parsed.args;
  ensureRendererBuilt(REPO_ROOT);

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kiosk-soak-'));
  const dataDir = path.join(tmp, 'data');
  await mkdir(dataDir);
  // The shim matches the folder's real path (a temporary folder may sit behind a symlink).
  const realData = await realpath(dataDir);
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(await kioskSettings(args), null, 2));

  const plan = faultPlan(args.faultRate);
  // Its own seed, drawn from the run's, so the kiosk's timing does not shift the soak's own choices.
  const random = seededRandom(args.seed);
  const sandbox = await startSandbox({
    port: 0,
    tokens: [TOKEN],
    faults: plan.faults,
    random: seededRandom(args.seed ^ 0x5eed),
    rejectDuplicatePermitNo: args.refusesRepeats,
  });
  const disk = args.diskFaultRate > 0 ? diskFaults(tmp, realData, args.diskFaultRate) : undefined;
  const station = new Station({
    repoRoot: REPO_ROOT,
    dataDir,
    logFile: path.join(tmp, 'station.log'),
    env: { OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: TOKEN, ...disk?.env },
    ...(disk ? { envForStart: disk.envForStart, startAttempts: 10 } : {}),
  });

  // Once only, whether the run ends or Ctrl-C cuts it short (both may ask).
  let cleaning: Promise<void> | undefined;
  const cleanUp = (): Promise<void> =>
    (cleaning ??= (async () => {
      await station.stop().catch(() => station.killNow());
      await sandbox.close();
      await station.closeLog();
      if (disk) await rm(path.dirname(disk.env.LD_PRELOAD), { recursive: true, force: true });
      if (args.keep) progress(`kept ${tmp} (data/ is the kiosk's data folder, station.log its output)`);
      else await rm(tmp, { recursive: true, force: true });
    })());
  const interrupt = (): void => {
    interrupted = true;
    progress('interrupted: stopping the station and cleaning up');
    station.killNow();
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);

  try {
    return await soak(args, { station, sandbox, random, dataDir, plan, disk });
  } finally {
    await cleanUp();
  }
}

interface SoakContext {
  station: Station;
  sandbox: RunningSandbox;
  random: () => number;
  dataDir: string;
  plan: ReturnType<typeof faultPlan>;
  disk: DiskFaults | undefined;
}

interface DiskFaults {
  env: Record<string, string> & { LD_PRELOAD: string };
  envForStart: (start: number) => Record<string, string>;
  arm(): Promise<void>;
  disarm(): Promise<void>;
}

const DISK_FAULT_MODES = ['eio', 'short', 'fsync'] as const;

/** The station's disk fails under it: the shim on its data folder, one mode per start, armed once it is up. */
function diskFaults(tmp: string, dataDir: string, rate: number): DiskFaults {
  const armFile = path.join(tmp, 'disk-faults-armed');
  return {
    env: {
      LD_PRELOAD: buildDiskFaultShim(),
      KIOSK_FAULT_DIR: dataDir,
      KIOSK_FAULT_RATE: String(rate),
      KIOSK_FAULT_ARM_FILE: armFile,
    },
    envForStart: (start) => ({
      KIOSK_FAULT_MODE: DISK_FAULT_MODES[(start - 1) % DISK_FAULT_MODES.length] ?? 'eio',
      KIOSK_FAULT_SEED: String(start),
    }),
    arm: () => writeFile(armFile, ''),
    disarm: () => rm(armFile, { force: true }),
  };
}

async function soak(args: SoakArgs, ctx: SoakContext): Promise<number> {
  const { station, sandbox } = ctx;
  const began = Date.now();
  const header =
    `Soak: ${args.actions} actions, ${args.kills} kills, fault rate ${args.faultRate} over ${ctx.plan.kinds.length}` +
    ` kinds (p = ${ctx.plan.perKind.toFixed(4)} each), seed ${args.seed}, outbox concurrency ${args.concurrency},` +
    ` ${args.inFlight} in flight, pace ${args.paceMs} ms` +
    (args.refusesRepeats ? ', OPSCOM refuses repeated ticket numbers' : '') +
    (ctx.disk
      ? `, disk faults on ${args.diskFaultRate} of the data folder's writes and syncs (EIO, short, fsync)`
      : '');
  progress(header);

  await station.start();
  await ensureShift(station);
  await ctx.disk?.arm();
  const ledger = new Ledger();
  const run = await drive({ ...args, station, ledger, random: ctx.random, progress });

  // The controller and the disk are healthy again: everything must now get through.
  const faultsOffAt = Date.now();
  sandbox.clearFaults();
  await ctx.disk?.disarm();
  if (!station.running) await station.start();
  await station.must('outbox:flush', { reason: 'manual' });
  progress(`${args.actions} actions done in ${seconds(run.lastActionAt - run.startedAt)}; faults off, draining`);
  const drainedAt = await waitForDrain(station, args.drainTimeoutS);

  const final = await station.must('outbox:status', {});
  const entries = (await station.must('reconcile:list', {})).entries;
  const tickets = new Set([...ledger.permits.keys()]);
  for (const copy of sandbox.permits()) if (copy.permitNo) tickets.add(copy.permitNo);
  const views = await finalViews(station, tickets);
  await station.stop();

  const result = check({ known: ledger.permits, views, entries, sandbox: sandbox.permits() });
  const log = analyseLog(sandbox.requestLog(), faultsOffAt);
  const drainMs = drainedAt === null ? null : drainedAt - run.lastActionAt;
  const invariants = [
    ...invariantsOf(result, drainMs, args.drainTimeoutS),
    ...refusalInvariants(ledger, sandbox, ctx.disk !== undefined),
  ];
  const report = formatReport(
    {
      header,
      ledger,
      killsDone: run.killsDone,
      killsAsked: args.kills,
      ...log,
      pushAttempts: pushAttemptStats(log.pushesPerTicket, ledger.permits.keys()),
      peakWaiting: run.peakWaiting,
      drainMs,
      drainTimeoutS: args.drainTimeoutS,
      actionsMs: run.lastActionAt - run.startedAt,
      totalMs: Date.now() - began,
      final,
    },
    result,
    invariants,
  );
  console.log(report);
  if (ctx.disk) {
    console.log(
      `  disk faults: ${station.failedStarts} start(s) failed and were retried, the station stopped by itself ` +
        `${run.crashes} time(s); ${ledger.refusedPlates.length} issue(s) refused`,
    );
  }
  const broken = invariants.filter((invariant) => invariant.broken.length > 0 || invariant.failedWhy);
  if (broken.length === 0) return 0;
  console.log(await evidence(broken, views, sandbox, ctx.dataDir));
  console.log(`\nSoak FAILED: ${broken.map((invariant) => invariant.name).join('; ')}.`);
  return 1;
}

/** Polls until nothing waits; the time it happened, or null after the timeout. */
async function waitForDrain(station: Station, timeoutS: number): Promise<number | null> {
  const deadline = Date.now() + timeoutS * 1000;
  let lastReport = Date.now();
  for (;;) {
    const status = await station.must('outbox:status', {});
    if (status.waiting === 0) return Date.now();
    if (Date.now() > deadline) return null;
    if (Date.now() - lastReport > 15_000) {
      progress(`still waiting: ${status.waiting} actions (${status.attention} need attention)`);
      lastReport = Date.now();
    }
    await sleep(POLL_MS);
  }
}

/** The kiosk's final view of each ticket (cancelled ones included); null when it no longer knows the ticket. */
async function finalViews(station: Station, tickets: Iterable<string>): Promise<Map<string, Permit | null>> {
  const views = new Map<string, Permit | null>();
  const queue = [...tickets];
  const worker = async (): Promise<void> => {
    for (let ticket = queue.shift(); ticket !== undefined; ticket = queue.shift()) {
      const answer = await station.invoke('permits:get', { ticketNumber: ticket });
      if (answer.ok) views.set(ticket, answer.value);
      else if (answer.error.code === 'not-found') views.set(ticket, null);
      else throw new Error(`permits:get ${ticket}: ${answer.error.code}: ${answer.error.message}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return views;
}

function invariantsOf(result: CheckResult, drainMs: number | null, timeoutS: number): Invariant[] {
  return [
    { name: 'no confirmed action lost', broken: result.lost },
    { name: 'no wrong values in OPSCOM', broken: result.wrong },
    { name: 'every live copy counted by the kiosk', broken: result.uncounted },
    { name: 'every cancelled-but-live permit on the reconciliation list', broken: result.cancelledLiveUnlisted },
    {
      name: 'the outbox drained',
      broken: [],
      ...(drainMs === null ? { failedWhy: `actions still waiting after ${timeoutS} s` } : {}),
    },
  ];
}

/**
 * A refused sale is never stored: OPSCOM holds no copy of a plate the kiosk refused. Under disk faults every
 * refusal is in words (a storage problem), never "something went wrong".
 */
function refusalInvariants(ledger: Ledger, sandbox: RunningSandbox, diskFaults: boolean): Invariant[] {
  const refused = new Set(ledger.refusedPlates);
  const stored = sandbox
    .permits()
    .filter((copy) => !copy.deleted && refused.has(copy.plate))
    .map((copy) => ({
      ticket: copy.permitNo ?? '',
      rule: 'refused',
      why: `refused ${copy.plate}, yet OPSCOM holds it`,
    }));
  const unworded = [...ledger.refused]
    .filter(([key]) => key.endsWith(' internal'))
    .map(([key, n]) => ({
      ticket: '',
      rule: 'words',
      why: `${n} × ${key}: "Something went wrong" instead of the cause`,
    }));
  return [
    { name: 'nothing refused is stored in OPSCOM', broken: stored },
    ...(diskFaults ? [{ name: 'every refusal says why', broken: unworded }] : []),
  ];
}

/**
 * For the first broken ticket of each invariant: what OPSCOM holds, what the kiosk says and the audit lines,
 * so a failure can be read without rerunning with --keep.
 */
async function evidence(
  broken: Invariant[],
  views: ReadonlyMap<string, Permit | null>,
  sandbox: RunningSandbox,
  dataDir: string,
): Promise<string> {
  let audit: string[] = [];
  try {
    audit = readRecords(dataDir).audit.map((entry) => JSON.stringify(entry));
  } catch {
    // No store to read (the station never started): the evidence has no audit lines.
  }
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const invariant of broken) {
    const ticket = invariant.broken[0]?.ticket;
    if (!ticket) continue;
    lines.push('', `Evidence for "${invariant.name}": ${ticket}`);
    if (shown.has(ticket)) {
      lines.push('  (shown above)');
      continue;
    }
    shown.add(ticket);
    lines.push('  OPSCOM records:');
    for (const copy of sandbox.permits().filter((each) => each.permitNo === ticket)) {
      const { referenceId, plate, startTime, endTime, amount, deleted, timesStored } = copy;
      lines.push(`    ${JSON.stringify({ referenceId, plate, startTime, endTime, amount, deleted, timesStored })}`);
    }
    lines.push(`  kiosk view: ${JSON.stringify(views.get(ticket) ?? null)}`);
    lines.push('  audit:');
    for (const line of audit.filter((each) => each.includes(`"ticketNumber":"${ticket}"`)).slice(0, 40))
      lines.push(`    ${line}`);
  }
  return lines.join('\n');
}

main().then(
  (code) => process.exit(interrupted ? 130 : code),
  (error: unknown) => {
    if (interrupted) return; // the interrupt handler exits once it has cleaned up
    console.error(
      `The soak could not finish: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
