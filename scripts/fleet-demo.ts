/**
 * `npm run fleet-demo -- [--kiosks 20] [--unreachable K] [--threshold 20] [--push-interval 5] [--json <file>]`
 *
 * A fleet rehearsal (#14), run as an operator would: Debian's real Prometheus and Pushgateway on loopback, N
 * browser stations against one OPSCOM sandbox, each pushing its metrics. Every kiosk sells; then K kiosks lose
 * their controller (a TCP proxy in front of the sandbox stops) while all keep selling. By Prometheus' HTTP API
 * it shows that the "paid permit not in OPSCOM" alert fires for exactly those K kiosks, then, once the proxy is
 * back and they drain, that it clears. It is bounded in time and stops everything it started.
 *
 * The shipped rule waits 600 s; the rehearsal uses a copy with a shorter threshold (--threshold, default 20 s)
 * and says so. Exit 0: every invariant held; 1: one broke (printed); 2: a bad command line.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashPin } from '../src/main/core/settings/admin-pin';
import { startSandbox, type RunningSandbox } from '../src/sandbox/server';
import { parseFleetArgs, USAGE, type FleetArgs } from './fleet/args';
import { freePort, launch, rssMiB, stopChild, waitFor } from './fleet/processes';
import { ALERT, alerts, query, writeRehearsalConfig, type PromAlert } from './fleet/prometheus';
import { SwitchableProxy } from './fleet/proxy';
import { median, printReport, say, type FleetReport } from './fleet/report';
import { ensurePrometheusTools, type PrometheusTools } from './fleet/tools';
import { ensureRendererBuilt, Station } from './soak/station';

export type { FleetReport } from './fleet/report';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'FLEET-DEMO-TOKEN';

/** Everything one rehearsal started or found, so that each step can use it and stopAll() can end it. */
interface Rehearsal {
  args: FleetArgs;
  tools: PrometheusTools;
  /** The temporary folder everything runs in. */
  tmp: string;
  ids: string[];
  /** The kiosks that reach OPSCOM through the proxy, and so lose it when the proxy stops. */
  cut: string[];
  report: FleetReport;
  sandbox: RunningSandbox;
  proxy: SwitchableProxy;
  stations: Station[];
  prometheus?: ChildProcess;
  pushgateway?: ChildProcess;
  /** Kiosks that never lost OPSCOM but for which the alert was seen pending or firing. */
  wrong: Set<string>;
}

interface Monitoring {
  prometheusUrl: string;
  pushgatewayUrl: string;
}

const secondsSince = (start: number): number => Math.round((Date.now() - start) / 100) / 10;
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((each) => b.includes(each));

export async function runFleetDemo(args: FleetArgs): Promise<FleetReport> {
  const fleet = await setUp(args);
  const onSignal = (): void => killNow(fleet);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const monitoring = await startMonitoring(fleet);
    await startKiosks(fleet, monitoring);
    await sellOnceEverywhere(fleet, monitoring);
    const cutAt = await cutOffAndSellAgain(fleet);
    await checkAlertFires(fleet, monitoring, cutAt);
    await measureResources(fleet, monitoring);
    await restoreAndCheckAlertClears(fleet, monitoring);
    checkEverySale(fleet);
  } catch (error) {
    fleet.report.broken.push(error instanceof Error ? error.message : String(error));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll(fleet);
  }
  return fleet.report;
}

/** Set up: the tools, the renderer, a temporary folder, the OPSCOM sandbox and the proxy some kiosks go through. */
async function setUp(args: FleetArgs): Promise<Rehearsal> {
  const tools = ensurePrometheusTools(say);
  ensureRendererBuilt(REPO_ROOT);
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'kiosk-fleet-'));
  const ids = Array.from({ length: args.kiosks }, (_, i) => `FLEET${String(i + 1).padStart(2, '0')}`);
  const cut = ids.slice(ids.length - args.unreachable);
  const report: FleetReport = {
    workDir: tmp,
    kiosks: args.kiosks,
    unreachable: cut,
    thresholdSeconds: args.threshold,
    pushIntervalSeconds: args.pushInterval,
    startSeconds: 0,
    firedAfterSeconds: null,
    firingFor: [],
    clearedAfterSeconds: null,
    wrongKiosksSeen: [],
    permitsIssued: 0,
    permitsInOpscom: 0,
    stationRssMiB: null,
    stationCpuPercent: null,
    prometheusRssMiB: null,
    pushgatewayRssMiB: null,
    broken: [],
  };
  const sandbox = await startSandbox({ port: 0, tokens: [TOKEN] });
  const proxy = new SwitchableProxy(Number(new URL(sandbox.url).port));
  await proxy.start();
  return { args, tools, tmp, ids, cut, report, sandbox, proxy, stations: [], wrong: new Set() };
}

/** Prometheus and the Pushgateway, on loopback, with the shipped rules (threshold shortened, and said so). */
async function startMonitoring(fleet: Rehearsal): Promise<Monitoring> {
  const { args, tools, tmp } = fleet;
  const pushgatewayPort = await freePort();
  fleet.pushgateway = launch(
    tools.pushgateway,
    [`--web.listen-address=127.0.0.1:${pushgatewayPort}`],
    path.join(tmp, 'pushgateway.log'),
  );
  const pushgatewayUrl = `http://127.0.0.1:${pushgatewayPort}`;
  await writeRehearsalConfig(REPO_ROOT, tmp, args.threshold, pushgatewayPort);
  const prometheusPort = await freePort();
  fleet.prometheus = launch(
    tools.prometheus,
    [
      `--config.file=${path.join(tmp, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(tmp, 'tsdb')}`,
      `--web.listen-address=127.0.0.1:${prometheusPort}`,
      '--storage.tsdb.retention.time=1h',
    ],
    path.join(tmp, 'prometheus.log'),
  );
  const prometheusUrl = `http://127.0.0.1:${prometheusPort}`;
  await waitFor('Prometheus ready', 60_000, async () =>
    (await fetch(`${prometheusUrl}/-/ready`)).ok ? true : undefined,
  );
  await waitFor('Pushgateway ready', 60_000, async () =>
    (await fetch(`${pushgatewayUrl}/-/ready`)).ok ? true : undefined,
  );
  say(`Prometheus ${prometheusUrl}, Pushgateway ${pushgatewayUrl} (Debian's, on loopback)`);
  say(
    `Rehearsal rule: ${ALERT} fires at oldest waiting > ${args.threshold} s (the shipped rule says 600 s); kiosks push every ${args.pushInterval} s.`,
  );
  return { prometheusUrl, pushgatewayUrl };
}

/** The stations, a few at a time (each compiles its TypeScript at start: the heavy part on a small machine). */
async function startKiosks(fleet: Rehearsal, { pushgatewayUrl }: Monitoring): Promise<void> {
  const { args, tmp, ids, cut, proxy, sandbox, stations, report } = fleet;
  const adminPinHash = await hashPin('1234');
  const started = Date.now();
  const startOne = async (id: string, index: number): Promise<void> => {
    const dataDir = path.join(tmp, id);
    await mkdir(dataDir, { recursive: true });
    await writeFile(
      path.join(dataDir, 'settings.json'),
      JSON.stringify({
        kioskId: id,
        kioskName: `Fleet demo lot ${index + 1}`,
        adminPinHash,
        requestSoftTimeoutMs: 1000,
        requestHardTimeoutMs: 3000,
      }),
    );
    const behindProxy = cut.includes(id);
    const station = new Station({
      repoRoot: REPO_ROOT,
      dataDir,
      logFile: path.join(tmp, `${id}.log`),
      env: {
        OPSCOM_URL: behindProxy ? `http://127.0.0.1:${proxy.port}` : sandbox.url,
        OPSCOM_TOKEN: TOKEN,
        KIOSK_PUSHGATEWAY_URL: pushgatewayUrl,
        KIOSK_PUSH_INTERVAL_SECONDS: String(args.pushInterval),
      },
    });
    stations[index] = station;
    await station.start();
  };
  const queue = ids.map((id, index) => ({ id, index }));
  await Promise.all(
    Array.from({ length: Math.min(4, ids.length) }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await startOne(next.id, next.index);
    }),
  );
  report.startSeconds = secondsSince(started);
  say(`${ids.length} stations up in ${report.startSeconds} s; ${cut.length} of them reach OPSCOM through a proxy.`);
}

/** One sale on a station, in its first zone's first preset, with plate number n. */
async function sell(fleet: Rehearsal, station: Station, n: number): Promise<void> {
  const info = await station.must('kiosk:info', {});
  const zone = info.zones[0]!;
  await station.must('permits:issue', {
    requestId: crypto.randomUUID(),
    plate: `FLT${String(n).padStart(4, '0')}`,
    zone: zone.name,
    durationMinutes: zone.presets[0]?.minutes ?? 60,
  });
  fleet.report.permitsIssued += 1;
}

/** Drive: every kiosk opens a shift and sells, and all of it reaches OPSCOM and every kiosk reaches Prometheus. */
async function sellOnceEverywhere(fleet: Rehearsal, { prometheusUrl }: Monitoring): Promise<void> {
  const { stations, sandbox, ids } = fleet;
  await Promise.all(stations.map((station) => station.must('shift:start', { attendant: 'Fleet attendant' })));
  await Promise.all(stations.map((station, i) => sell(fleet, station, i)));
  await waitFor('every first sale in OPSCOM', 60_000, async () =>
    sandbox.permits().length >= ids.length ? true : undefined,
  );
  await waitFor('every kiosk reporting', 60_000, async () => {
    const seen = await query(prometheusUrl, 'kiosk_outbox_waiting_actions');
    return ids.every((id) => seen.some((row) => row.kiosk === id)) ? true : undefined;
  });
  say('Every kiosk sold once, OPSCOM has every sale, and Prometheus sees every kiosk.');
}

/** Drive: the controller becomes unreachable for some kiosks; everyone keeps selling. Returns when it was cut. */
async function cutOffAndSellAgain(fleet: Rehearsal): Promise<number> {
  const { proxy, stations, ids, cut } = fleet;
  await proxy.stop();
  const cutAt = Date.now();
  await Promise.all(stations.map((station, i) => sell(fleet, station, ids.length + i)));
  say(`OPSCOM unreachable for ${cut.join(', ')}; every kiosk sold again.`);
  return cutAt;
}

/** The alert as Prometheus has it now; any kiosk it names that was never cut off is noted as wrong. */
async function alertsNoting(fleet: Rehearsal, prometheusUrl: string): Promise<PromAlert[]> {
  const now = await alerts(prometheusUrl);
  for (const alert of now)
    if (!fleet.cut.includes(alert.labels.kiosk_id ?? '')) fleet.wrong.add(alert.labels.kiosk_id ?? '?');
  return now;
}

/** Check: the alert fires for exactly the kiosks cut off, in time. */
async function checkAlertFires(fleet: Rehearsal, { prometheusUrl }: Monitoring, cutAt: number): Promise<void> {
  const { args, cut, report } = fleet;
  const fireBudget = (args.threshold + 4 * args.pushInterval + 60) * 1000;
  await waitFor(`${ALERT} firing for exactly ${cut.join(', ')}`, fireBudget, async () => {
    const now = await alertsNoting(fleet, prometheusUrl);
    const firing = now.filter((alert) => alert.state === 'firing').map((alert) => alert.labels.kiosk_id ?? '');
    return sameSet(firing, cut) ? firing : undefined;
  });
  report.firedAfterSeconds = secondsSince(cutAt);
  report.firingFor = cut;
  say(`${ALERT} firing for ${cut.join(', ')} after ${report.firedAfterSeconds} s.`);
}

/** Resource use, while the fleet is busy retrying: from the kiosks' own metrics, through Prometheus. */
async function measureResources(fleet: Rehearsal, { prometheusUrl }: Monitoring): Promise<void> {
  const { report } = fleet;
  const rss = (await query(prometheusUrl, 'process_resident_memory_bytes{job="opscom_kiosk"}')).map(
    (row) => row.value / 2 ** 20,
  );
  const cpu = (await query(prometheusUrl, 'rate(process_cpu_seconds_total{job="opscom_kiosk"}[30s]) * 100')).map(
    (row) => row.value,
  );
  if (rss.length)
    report.stationRssMiB = {
      min: Math.round(Math.min(...rss)),
      median: Math.round(median(rss)),
      max: Math.round(Math.max(...rss)),
    };
  if (cpu.length)
    report.stationCpuPercent = {
      median: Math.round(median(cpu) * 10) / 10,
      max: Math.round(Math.max(...cpu) * 10) / 10,
    };
  report.prometheusRssMiB = rssMiB(fleet.prometheus?.pid);
  report.pushgatewayRssMiB = rssMiB(fleet.pushgateway?.pid);
}

/** Check: the controller comes back; the kiosks drain on their own backoff (at most 60 s), and the alert clears. */
async function restoreAndCheckAlertClears(fleet: Rehearsal, { prometheusUrl }: Monitoring): Promise<void> {
  const { proxy, report, sandbox, wrong } = fleet;
  await proxy.start();
  const restoredAt = Date.now();
  say('OPSCOM reachable again; waiting for those kiosks to drain on their own.');
  await waitFor(`${ALERT} clearing`, 180_000, async () =>
    (await alertsNoting(fleet, prometheusUrl)).length === 0 ? true : undefined,
  );
  report.clearedAfterSeconds = secondsSince(restoredAt);
  report.wrongKiosksSeen = [...wrong];
  report.permitsInOpscom = new Set(sandbox.permits().map((permit) => permit.permitNo)).size;
  say(`${ALERT} cleared ${report.clearedAfterSeconds} s after OPSCOM came back.`);
}

/** Check: the alert never named a kiosk that had OPSCOM, and OPSCOM holds every permit sold. */
function checkEverySale({ report, wrong }: Rehearsal): void {
  if (wrong.size > 0)
    report.broken.push(`${ALERT} was pending or firing for kiosks that reached OPSCOM: ${[...wrong].join(', ')}`);
  if (report.permitsInOpscom !== report.permitsIssued)
    report.broken.push(`OPSCOM holds ${report.permitsInOpscom} of the ${report.permitsIssued} permits sold.`);
}

/** Stop: everything the rehearsal started, and its folder. */
async function stopAll(fleet: Rehearsal): Promise<void> {
  const { stations } = fleet;
  await Promise.all(stations.map((station) => station.stop()));
  await Promise.all(stations.map((station) => station.closeLog()));
  await Promise.all([stopChild(fleet.prometheus), stopChild(fleet.pushgateway)]);
  await fleet.proxy.stop();
  await fleet.sandbox.close();
  await rm(fleet.tmp, { recursive: true, force: true });
}

/** On SIGINT/SIGTERM: kill everything at once and leave. */
function killNow(fleet: Rehearsal): void {
  for (const station of fleet.stations) station.killNow();
  for (const child of [fleet.prometheus, fleet.pushgateway]) if (child?.pid) process.kill(-child.pid, 'SIGKILL');
  process.exit(130);
}

async function main(): Promise<number> {
  let args: FleetArgs | string;
  try {
    args = parseFleetArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    return 2;
  }
  if (typeof args === 'string') {
    say(args);
    return 0;
  }
  // Every phase has its own limit; this one bounds the whole run whatever happens (the signal handler stops all).
  const limitSeconds = 300 + 15 * args.kiosks;
  setTimeout(() => {
    console.error(`The rehearsal ran past its ${limitSeconds} s limit: stopping everything.`);
    process.kill(process.pid, 'SIGTERM');
  }, limitSeconds * 1000).unref();
  const report = await runFleetDemo(args);
  printReport(report);
  if (args.json) await writeFile(args.json, JSON.stringify(report, null, 2));
  return report.broken.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
