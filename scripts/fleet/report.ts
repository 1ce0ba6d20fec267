/** What the fleet rehearsal found, and how it prints it. */

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

export const say = (line: string): void => void process.stdout.write(`${line}\n`);

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

export function printReport(report: FleetReport): void {
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
