import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import type { FleetReport } from '../../scripts/fleet-demo';
import { ensurePrometheusTools } from '../../scripts/fleet/tools';

/**
 * The fleet rehearsal, small (#14): `npm run fleet-demo -- --kiosks 3` as an operator runs it, with Debian's
 * real Prometheus and Pushgateway. The "paid permit not in OPSCOM" alert must fire for exactly the kiosk cut off
 * from OPSCOM, never for the others, and clear once it drains; every sale must reach OPSCOM; nothing it started
 * may be left running. Without Prometheus (and no way to install it) this fails with the command to run.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUN_LIMIT_MS = 6 * 60_000;

beforeAll(() => {
  ensurePrometheusTools();
}, 600_000);

/** Processes whose command line names this folder (the stations' --data-dir, Prometheus' --config.file). */
function processesNaming(folder: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (command.includes(folder)) found.push(`${pid}: ${command}`);
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

it(
  'fires the oldest-waiting alert for exactly the kiosk cut off from OPSCOM, clears it after, and stops everything',
  async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'fleet-test-'));
    const json = path.join(out, 'report.json');
    const started = Date.now();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/fleet-demo.ts', '--kiosks', '3', '--unreachable', '1', '--json', json],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGTERM'), RUN_LIMIT_MS);
      child.once('exit', (exitCode) => {
        clearTimeout(timer);
        resolve(exitCode);
      });
    });
    try {
      expect(code, output).toBe(0);
      expect(Date.now() - started).toBeLessThan(RUN_LIMIT_MS);
      const report = JSON.parse(await readFile(json, 'utf8')) as FleetReport;
      expect(report.broken).toEqual([]);
      expect(report.unreachable).toEqual(['FLEET03']);
      expect(report.firingFor).toEqual(['FLEET03']);
      expect(report.wrongKiosksSeen).toEqual([]);
      // The alert cannot fire before the oldest sale is older than the (rehearsal) threshold.
      expect(report.firedAfterSeconds).toBeGreaterThanOrEqual(report.thresholdSeconds);
      expect(report.clearedAfterSeconds).not.toBeNull();
      expect(report.permitsIssued).toBe(6);
      expect(report.permitsInOpscom).toBe(6);
      expect(output).toContain('the shipped rule says 600 s');
      expect(existsSync(report.workDir)).toBe(false);
      expect(processesNaming(report.workDir)).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  },
  RUN_LIMIT_MS + 60_000,
);
