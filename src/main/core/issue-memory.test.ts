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

  it('forgets a tampered zone or plate that breaks the rules, keeps the rest, and says so in the log', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'issue-memory-'));
    const tampered = [
      ['Lot\u202e 2', ['ABC123']],
      ['Lot\u200b 2', ['ABC123']],
      ['Lot 2\ud800', ['ABC123']],
      ['\u001b[2J', ['ABC123']],
      ['x'.repeat(201), ['ABC123']],
      ['Lot 2', ['ABC123', 'abc 123', 'X\u200bY', 'A'.repeat(26), '']],
    ] as const;
    for (const [zone, recentPlates] of tampered) {
      await writeFile(path.join(dir, 'issue-choices.json'), JSON.stringify({ zone, minutes: 60, recentPlates }));
      const log = logger();
      const memory = await IssueMemory.open(dir, log);
      const keptZone = zone === 'Lot 2' ? 'Lot 2' : null;
      expect([JSON.stringify(zone), memory.current]).toEqual([
        JSON.stringify(zone),
        { zone: keptZone, minutes: 60, recentPlates: ['ABC123'] },
      ]);
      expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/left out/));
    }
    // A clean file says nothing.
    await writeFile(
      path.join(dir, 'issue-choices.json'),
      JSON.stringify({ zone: 'Lot 2', minutes: 60, recentPlates: [] }),
    );
    const log = logger();
    expect((await IssueMemory.open(dir, log)).current.zone).toBe('Lot 2');
    expect(log.warn).not.toHaveBeenCalled();
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
