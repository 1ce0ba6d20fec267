import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IssueMemory, ISSUE_CHOICES_KEY } from './issue-memory';
import type { Logger } from '../host/log';
import { KioskStore } from '../storage/kiosk-store';

function logger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn(), redact: vi.fn() } satisfies Logger;
}

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'issue-memory-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('the Issue screen remembered across restarts', () => {
  it('keeps zone, duration and recent plates in the store, and drops a cancelled plate', async () => {
    const dir = await tempDir();
    const store = KioskStore.open(dir);
    const first = IssueMemory.open(store, logger());
    expect(first.current).toEqual({ zone: null, minutes: null, recentPlates: [] });
    await first.choose('Lot 2', 120);
    await first.plateIssued('ABC123');
    await first.plateIssued('XYZ789');
    await first.plateIssued('ABC123');
    store.close();

    const reopened = KioskStore.open(dir);
    const again = IssueMemory.open(reopened, logger());
    expect(again.current).toEqual({ zone: 'Lot 2', minutes: 120, recentPlates: ['ABC123', 'XYZ789'] });
    await again.plateCancelled('ABC123');
    expect(IssueMemory.open(reopened, logger()).current.recentPlates).toEqual(['XYZ789']);
    reopened.close();
  });

  it('starts without remembered choices from a damaged value, and says so in the log', async () => {
    const store = KioskStore.open(await tempDir());
    store.writeValue(ISSUE_CHOICES_KEY, '{"zone": 42');
    const log = logger();
    const memory = IssueMemory.open(store, log);
    expect(memory.current).toEqual({ zone: null, minutes: null, recentPlates: [] });
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/could not be read/));
    store.close();
  });

  it('forgets a tampered zone or plate that breaks the rules, keeps the rest, and says so in the log', async () => {
    const store = KioskStore.open(await tempDir());
    const tampered = [
      ['Lot\u202e 2', ['ABC123']],
      ['Lot\u200b 2', ['ABC123']],
      ['Lot 2\ud800', ['ABC123']],
      ['\u001b[2J', ['ABC123']],
      ['x'.repeat(201), ['ABC123']],
      ['Lot 2', ['ABC123', 'abc 123', 'X\u200bY', 'A'.repeat(26), '']],
    ] as const;
    for (const [zone, recentPlates] of tampered) {
      store.writeValue(ISSUE_CHOICES_KEY, JSON.stringify({ zone, minutes: 60, recentPlates }));
      const log = logger();
      const memory = IssueMemory.open(store, log);
      const keptZone = zone === 'Lot 2' ? 'Lot 2' : null;
      expect([JSON.stringify(zone), memory.current]).toEqual([
        JSON.stringify(zone),
        { zone: keptZone, minutes: 60, recentPlates: ['ABC123'] },
      ]);
      expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/left out/));
    }
    // A clean file says nothing.
    store.writeValue(ISSUE_CHOICES_KEY, JSON.stringify({ zone: 'Lot 2', minutes: 60, recentPlates: [] }));
    const log = logger();
    expect(IssueMemory.open(store, log).current.zone).toBe('Lot 2');
    expect(log.warn).not.toHaveBeenCalled();
    store.close();
  });

  it('never fails the sale when the store refuses: the choice holds for this run and the log says why', async () => {
    const store = KioskStore.open(await tempDir());
    const log = logger();
    const memory = IssueMemory.open(store, log);
    store.close(); // every write now fails
    await expect(memory.plateIssued('ABC123')).resolves.toBeUndefined();
    expect(memory.current.recentPlates).toEqual(['ABC123']);
    expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/Could not remember/));
  });
});
