import { mkdir, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { IssueMemory } from './issue-memory';
import type { Logger } from './log';

function logger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), redact: vi.fn() } satisfies Logger;
}

describe('the Issue screen remembered across restarts', () => {
  it('keeps zone, duration and recent plates on disk, owner-only, and drops a cancelled plate', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'issue-memory-'));
    const first = await IssueMemory.open(dir, logger());
    expect(first.current).toEqual({ zone: null, minutes: null, recentPlates: [] });
    await first.choose('Lot 2', 120);
    await first.plateIssued('ABC123');
    await first.plateIssued('XYZ789');
    await first.plateIssued('ABC123');

    const again = await IssueMemory.open(dir, logger());
    expect(again.current).toEqual({ zone: 'Lot 2', minutes: 120, recentPlates: ['ABC123', 'XYZ789'] });
    await again.plateCancelled('ABC123');
    expect((await IssueMemory.open(dir, logger())).current.recentPlates).toEqual(['XYZ789']);
    if (process.platform !== 'win32') {
      expect((await stat(path.join(dir, 'issue-choices.json'))).mode & 0o777).toBe(0o600);
    }
  });

  it('starts without remembered choices from a damaged file, and says so in the log', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'issue-memory-'));
    await writeFile(path.join(dir, 'issue-choices.json'), '{"zone": 42');
    const log = logger();
    const memory = await IssueMemory.open(dir, log);
    expect(memory.current).toEqual({ zone: null, minutes: null, recentPlates: [] });
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
  });

  it('never fails the sale when the disk refuses: the choice holds for this run and the log says why', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'issue-memory-'));
    const log = logger();
    const memory = await IssueMemory.open(dir, log);
    // A folder where the file should be: the rename over it fails, for root too.
    await mkdir(path.join(dir, 'issue-choices.json', 'in-the-way'), { recursive: true });
    await expect(memory.plateIssued('ABC123')).resolves.toBeUndefined();
    expect(memory.current.recentPlates).toEqual(['ABC123']);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/Could not remember/));
    expect(await readdir(dir)).toEqual(['issue-choices.json']); // no temporary file left behind
  });
});
