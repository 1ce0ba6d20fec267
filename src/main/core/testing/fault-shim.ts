import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The disk-fault shim needs Linux (LD_PRELOAD, /proc/self/fd); the project's machines and CI are Linux. */
export const canInjectDiskFaults = process.platform === 'linux';

/**
 * Builds scripts/faults/disk-fault-shim.c with the machine's C compiler into a temporary folder and returns the
 * shared object's path, for LD_PRELOAD. Throws in plain words when it cannot be built.
 */
export function buildDiskFaultShim(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'disk-fault-shim-'));
  const shim = path.join(dir, 'disk-fault-shim.so');
  const source = path.join(PROJECT_ROOT, 'scripts/faults/disk-fault-shim.c');
  const built = spawnSync('cc', ['-shared', '-fPIC', '-O2', '-o', shim, source, '-ldl'], { encoding: 'utf8' });
  if (built.status !== 0) {
    throw new Error(`Could not build the disk-fault shim with cc: ${built.stderr || built.error?.message}`);
  }
  return shim;
}
