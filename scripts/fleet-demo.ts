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
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashPin } from '../src/main/core/settings/admin-pin';
import { startSandbox } from '../src/sandbox/server';
import { ensurePrometheusTools } from './fleet/tools';
import { ensureRendererBuilt, Station } from './soak/station';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TOKEN = 'FLEET-DEMO-TOKEN';
const ALERT = 'KioskPermitNotInOpscom';
const SHIPPED_EXPR = 'kiosk_outbox_oldest_waiting_age_seconds > 600';
const USAGE =
  'Usage: npm run fleet-demo -- [--kiosks 20] [--unreachable K] [--threshold 20] [--push-interval 5] [--json <file>]';

export interface FleetReport {
  /** The temporary folder everything ran in (removed at the end; every process started named it). */
  workDir: string;
  kiosks: number;
  unreachable: string[];
  thresholdSeconds: number;
  pushIntervalSeconds: number;
  startSeconds: number;
  firedAfterSeconds: number | null;
  firingFor: string[];
  clearedAfterSeconds: number | null;
  wrongKiosksSeen: string[];
  permitsIssued: number;
  permitsInOpscom: number;
  stationRssMiB: { min: number; median: number; max: number } | null;
  stationCpuPercent: { median: number; max: number } | null;
  prometheusRssMiB: number | null;
  pushgatewayRssMiB: number | null;
  broken: string[];
}

const say = (line: string): void => void process.stdout.write(`${line}\n`);

interface Args {
  kiosks: number;
  unreachable: number;
  threshold: number;
  pushInterval: number;
  json: string | undefined;
}

function parse(argv: string[]): Args | string {
  const { values } = parseArgs({
    args: argv,
    options: {
      kiosks: { type: 'string', default: '20' },
      unreachable: { type: 'string' },
      threshold: { type: 'string', default: '20' },
      'push-interval': { type: 'string', default: '5' },
      json: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return USAGE;
  const int = (text: string, name: string, min: number, max: number): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < min || n > max)
      throw new Error(`--${name} is a whole number from ${min} to ${max}.`);
    return n;
  };
  const kiosks = int(values.kiosks, 'kiosks', 2, 60);
  return {
    kiosks,
    unreachable: int(values.unreachable ?? String(Math.max(1, Math.round(kiosks / 4))), 'unreachable', 1, kiosks - 1),
    threshold: int(values.threshold, 'threshold', 5, 600),
    pushInterval: int(values['push-interval'], 'push-interval', 5, 60),
    json: values.json,
  };
}

/** A TCP proxy to the sandbox that can be stopped (the controller unreachable: connection refused) and restarted. */
class SwitchableProxy {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  async start(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.target, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A long-running tool in its own process group, its output in a log file. */
function launch(command: string, args: string[], logFile: string): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const log = createWriteStream(logFile);
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 10_000);
  await gone;
  clearTimeout(timer);
}

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s.`);
    await sleep(500);
  }
}

function rssMiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

interface PromAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing' | 'inactive';
}

async function alerts(prometheus: string): Promise<PromAlert[]> {
  const body = (await (await fetch(`${prometheus}/api/v1/alerts`)).json()) as { data: { alerts: PromAlert[] } };
  return body.data.alerts.filter((alert) => alert.labels.alertname === ALERT);
}

async function query(prometheus: string, promql: string): Promise<Array<{ kiosk: string; value: number }>> {
  const url = `${prometheus}/api/v1/query?query=${encodeURIComponent(promql)}`;
  const body = (await (await fetch(url)).json()) as {
    data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  return body.data.result.map((row) => ({ kiosk: row.metric.kiosk_id ?? '', value: Number(row.value[1]) }));
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const sameSet = (a: string[], b: string[]): boolean => a.length === b.length && a.every((each) => b.includes(each));
const secondsSince = (start: number): number => Math.round((Date.now() - start) / 100) / 10;

export async function runFleetDemo(args: Args): Promise<FleetReport> {
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
  const stations: Station[] = [];
  let prometheus: ChildProcess | undefined;
  let pushgateway: ChildProcess | undefined;
  const sandbox = await startSandbox({ port: 0, tokens: [TOKEN] });
  const proxy = new SwitchableProxy(Number(new URL(sandbox.url).port));
  await proxy.start();
  const stopAll = async (): Promise<void> => {
    await Promise.all(stations.map((station) => station.stop()));
    await Promise.all(stations.map((station) => station.closeLog()));
    await Promise.all([stopChild(prometheus), stopChild(pushgateway)]);
    await proxy.stop();
    await sandbox.close();
    await rm(tmp, { recursive: true, force: true });
  };
  const onSignal = (): void => {
    for (const station of stations) station.killNow();
    for (const child of [prometheus, pushgateway]) if (child?.pid) process.kill(-child.pid, 'SIGKILL');
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    // Prometheus and the Pushgateway, on loopback, with the shipped rules (threshold shortened, said below).
    const pushgatewayPort = await freePort();
    pushgateway = launch(
      tools.pushgateway,
      [`--web.listen-address=127.0.0.1:${pushgatewayPort}`],
      path.join(tmp, 'pushgateway.log'),
    );
    const pushgatewayUrl = `http://127.0.0.1:${pushgatewayPort}`;
    const shipped = await readFile(path.join(REPO_ROOT, 'deploy/prometheus/kiosk-alerts.yml'), 'utf8');
    if (shipped.split(SHIPPED_EXPR).length !== 2) throw new Error(`The shipped rules no longer say "${SHIPPED_EXPR}".`);
    await writeFile(
      path.join(tmp, 'kiosk-alerts.yml'),
      shipped.replace(SHIPPED_EXPR, `kiosk_outbox_oldest_waiting_age_seconds > ${args.threshold}`),
    );
    await writeFile(
      path.join(tmp, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s, evaluation_interval: 1s }',
        'rule_files: [kiosk-alerts.yml]',
        'scrape_configs:',
        '  - job_name: pushgateway',
        '    honor_labels: true',
        `    static_configs: [{ targets: ['127.0.0.1:${pushgatewayPort}'] }]`,
        '',
      ].join('\n'),
    );
    const prometheusPort = await freePort();
    prometheus = launch(
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

    // The stations, a few at a time (each compiles its TypeScript at start: the heavy part on a small machine).
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

    // Every kiosk opens a shift and sells, and all of it reaches OPSCOM.
    const sell = async (station: Station, n: number): Promise<void> => {
      const info = await station.must('kiosk:info', {});
      const zone = info.zones[0]!;
      await station.must('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: `FLT${String(n).padStart(4, '0')}`,
        zone: zone.name,
        durationMinutes: zone.presets[0]?.minutes ?? 60,
      });
      report.permitsIssued += 1;
    };
    await Promise.all(stations.map((station) => station.must('shift:start', { attendant: 'Fleet attendant' })));
    await Promise.all(stations.map((station, i) => sell(station, i)));
    await waitFor('every first sale in OPSCOM', 60_000, async () =>
      sandbox.permits().length >= ids.length ? true : undefined,
    );
    await waitFor('every kiosk reporting', 60_000, async () => {
      const seen = await query(prometheusUrl, 'kiosk_outbox_waiting_actions');
      return ids.every((id) => seen.some((row) => row.kiosk === id)) ? true : undefined;
    });
    say('Every kiosk sold once, OPSCOM has every sale, and Prometheus sees every kiosk.');

    // The controller becomes unreachable for some kiosks; everyone keeps selling.
    await proxy.stop();
    const cutAt = Date.now();
    await Promise.all(stations.map((station, i) => sell(station, ids.length + i)));
    say(`OPSCOM unreachable for ${cut.join(', ')}; every kiosk sold again.`);

    const wrong = new Set<string>();
    const fireBudget = (args.threshold + 4 * args.pushInterval + 60) * 1000;
    await waitFor(`${ALERT} firing for exactly ${cut.join(', ')}`, fireBudget, async () => {
      const now = await alerts(prometheusUrl);
      for (const alert of now) if (!cut.includes(alert.labels.kiosk_id ?? '')) wrong.add(alert.labels.kiosk_id ?? '?');
      const firing = now.filter((alert) => alert.state === 'firing').map((alert) => alert.labels.kiosk_id ?? '');
      return sameSet(firing, cut) ? firing : undefined;
    });
    report.firedAfterSeconds = secondsSince(cutAt);
    report.firingFor = cut;
    say(`${ALERT} firing for ${cut.join(', ')} after ${report.firedAfterSeconds} s.`);

    // Resource use, while the fleet is busy retrying: from the kiosks' own metrics, through Prometheus.
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
    report.prometheusRssMiB = rssMiB(prometheus.pid);
    report.pushgatewayRssMiB = rssMiB(pushgateway.pid);

    // The controller comes back; the kiosks drain on their own backoff (at most 60 s), and the alert clears.
    await proxy.start();
    const restoredAt = Date.now();
    say('OPSCOM reachable again; waiting for those kiosks to drain on their own.');
    await waitFor(`${ALERT} clearing`, 180_000, async () => {
      const now = await alerts(prometheusUrl);
      for (const alert of now) if (!cut.includes(alert.labels.kiosk_id ?? '')) wrong.add(alert.labels.kiosk_id ?? '?');
      return now.length === 0 ? true : undefined;
    });
    report.clearedAfterSeconds = secondsSince(restoredAt);
    report.wrongKiosksSeen = [...wrong];
    report.permitsInOpscom = new Set(sandbox.permits().map((permit) => permit.permitNo)).size;
    say(`${ALERT} cleared ${report.clearedAfterSeconds} s after OPSCOM came back.`);

    if (wrong.size > 0)
      report.broken.push(`${ALERT} was pending or firing for kiosks that reached OPSCOM: ${[...wrong].join(', ')}`);
    if (report.permitsInOpscom !== report.permitsIssued)
      report.broken.push(`OPSCOM holds ${report.permitsInOpscom} of the ${report.permitsIssued} permits sold.`);
  } catch (error) {
    report.broken.push(error instanceof Error ? error.message : String(error));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  }
  return report;
}

function print(report: FleetReport): void {
  say('');
  say(
    `Fleet rehearsal: ${report.kiosks} kiosks, ${report.unreachable.length} cut off (${report.unreachable.join(', ')})`,
  );
  say(
    `  rule threshold (rehearsal)   ${report.thresholdSeconds} s (shipped: 600 s); push every ${report.pushIntervalSeconds} s`,
  );
  say(`  stations started in          ${report.startSeconds} s`);
  say(
    `  alert firing after the cut   ${report.firedAfterSeconds ?? '—'} s, for ${report.firingFor.join(', ') || 'none'}`,
  );
  say(`  alert cleared after restore  ${report.clearedAfterSeconds ?? '—'} s`);
  say(`  permits sold / in OPSCOM     ${report.permitsIssued} / ${report.permitsInOpscom}`);
  if (report.stationRssMiB)
    say(
      `  station RSS (MiB)            min ${report.stationRssMiB.min}, median ${report.stationRssMiB.median}, max ${report.stationRssMiB.max}`,
    );
  if (report.stationCpuPercent)
    say(
      `  station CPU while retrying   median ${report.stationCpuPercent.median} %, max ${report.stationCpuPercent.max} % of one core`,
    );
  say(`  Prometheus / Pushgateway RSS ${report.prometheusRssMiB ?? '—'} / ${report.pushgatewayRssMiB ?? '—'} MiB`);
  say(report.broken.length ? `BROKEN:\n  - ${report.broken.join('\n  - ')}` : 'Every invariant held.');
}

async function main(): Promise<number> {
  let args: Args | string;
  try {
    args = parse(process.argv.slice(2));
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
  print(report);
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
