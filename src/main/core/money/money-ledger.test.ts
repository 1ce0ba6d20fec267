import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/money/ledger-entries';
import { KioskStore, StoreDamagedError } from '../storage/kiosk-store';
import { MoneyLedger } from './money-ledger';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ledger-test-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sale = (id: string, cents: number): LedgerEntry => ({
  type: 'sale',
  id,
  at: '2026-12-02T10:00:00.000Z',
  shiftId: 'S1',
  attendant: 'Dana',
  ticketNumber: `K1-${id}`,
  action: 'issue',
  amountCents: cents,
  currency: 'CAD',
  tender: { method: 'cash', tenderedCents: 2000, changeCents: 2000 - cents },
});

describe('the money ledger', () => {
  it('stores one row per entry, keeps them across a reopen, and writes a repeated id once', () => {
    const store = KioskStore.open(dir);
    const ledger = new MoneyLedger(store);
    expect(ledger.append(sale('a', 450))).toBe(true);
    expect(ledger.append(sale('b', 300))).toBe(true);
    expect(ledger.append(sale('a', 999))).toBe(false);
    store.close();
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'kiosk.db')).mode & 0o777).toBe(0o600);

    const reopened = KioskStore.open(dir);
    const again = new MoneyLedger(reopened);
    expect(again.entries().map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(again.ofShift('S1')).toHaveLength(2);
    expect(again.ofTicket('K1-a')).toEqual([sale('a', 450)]);
    expect(again.find('b')).toEqual(sale('b', 300));
    expect(again.append(sale('a', 1))).toBe(false);
    expect(again.count()).toBe(2);
    reopened.close();
  });

  it('refuses an amount whose digits were altered on disk, naming the file', () => {
    const store = KioskStore.open(dir);
    const ledger = new MoneyLedger(store);
    ledger.append(sale('a', 450));
    store.db.exec(`UPDATE ledger SET body = replace(body, '"amountCents":450', '"amountCents":950')`);
    expect(() => ledger.entries()).toThrow(StoreDamagedError);
    expect(() => ledger.find('a')).toThrow(/kiosk\.db.*row 1 of ledger/);
    store.close();
  });

  it('writes nothing of a transaction that fails after its entry', () => {
    const store = KioskStore.open(dir);
    const ledger = new MoneyLedger(store);
    expect(() =>
      store.transaction(() => {
        ledger.append(sale('a', 450));
        throw new Error('the audit write failed');
      }),
    ).toThrow('the audit write failed');
    expect(ledger.entries()).toEqual([]);
    expect(ledger.append(sale('a', 450))).toBe(true);
    store.close();
  });

  it('refuses to write an entry that is not a ledger entry', () => {
    const store = KioskStore.open(dir);
    const ledger = new MoneyLedger(store);
    const fractional = { ...sale('a', 450), amountCents: 4.5 } as LedgerEntry;
    expect(() => ledger.append(fractional)).toThrow();
    expect(ledger.entries()).toEqual([]);
    store.close();
  });
});
