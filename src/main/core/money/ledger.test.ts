import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LedgerEntry } from '../../../shared/ledger';
import { MoneyLedger } from './ledger';

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
  it('appends one line per entry, keeps them across a reopen, and writes a repeated id once', () => {
    const ledger = MoneyLedger.inDataDir(dir);
    expect(ledger.append(sale('a', 450))).toBe(true);
    expect(ledger.append(sale('b', 300))).toBe(true);
    expect(ledger.append(sale('a', 999))).toBe(false);
    ledger.close();
    const text = fs.readFileSync(path.join(dir, 'money.jsonl'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'money.jsonl')).mode & 0o777).toBe(0o600);

    const again = MoneyLedger.inDataDir(dir);
    expect(again.entries().map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(again.ofShift('S1')).toHaveLength(2);
    expect(again.ofTicket('K1-a')).toEqual([sale('a', 450)]);
    expect(again.append(sale('a', 1))).toBe(false);
    again.close();
  });

  it('skips a line torn by a crash, and the next entry starts on a line of its own', () => {
    const ledger = MoneyLedger.inDataDir(dir);
    ledger.append(sale('a', 450));
    ledger.close();
    fs.appendFileSync(path.join(dir, 'money.jsonl'), JSON.stringify(sale('torn', 1)).slice(0, 40));

    const reopened = MoneyLedger.inDataDir(dir);
    expect(reopened.skippedOnOpen).toBe(1);
    reopened.append(sale('b', 300));
    reopened.close();
    const last = MoneyLedger.inDataDir(dir);
    expect(last.entries().map((entry) => entry.id)).toEqual(['a', 'b']);
    expect(last.skippedOnOpen).toBe(1);
    last.close();
  });

  it('refuses to write an entry that is not a ledger entry', () => {
    const ledger = MoneyLedger.inDataDir(dir);
    const fractional = { ...sale('a', 450), amountCents: 4.5 } as LedgerEntry;
    expect(() => ledger.append(fractional)).toThrow();
    expect(ledger.entries()).toEqual([]);
    ledger.close();
  });
});
