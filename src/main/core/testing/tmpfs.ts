/**
 * A small real disk for one test: a tmpfs of a given size on a new temporary folder, to fill up for real.
 * Root on Linux only (mount); elsewhere, or where mount is refused, the test is skipped with the reason.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class TestTmpfs {
  private mounted: string | undefined;

  /** Mounts a tmpfs of `size` (e.g. '1m') on a new folder named from `prefix` and gives its path, or skips the test. */
  mount(ctx: { skip(note: string): never }, size: string, prefix: string): string {
    if (process.platform !== 'linux' || process.getuid?.() !== 0) ctx.skip('needs root on Linux to mount a tmpfs');
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      ctx.skip(`mount refused here: ${String((error as { stderr?: unknown }).stderr ?? error).trim()}`);
    }
    this.mounted = dir;
    return dir;
  }

  /** Unmounts and removes the folder, if one is mounted: call it after whatever used the disk is closed. */
  unmount(): void {
    if (!this.mounted) return;
    execFileSync('umount', [this.mounted]);
    rmSync(this.mounted, { recursive: true, force: true });
    this.mounted = undefined;
  }
}
