import fs from 'node:fs';
import path from 'node:path';
import { LedgerEntrySchema, type LedgerEntry } from '../../../shared/ledger';
import { syncDirectorySync } from '../durable-file';

/**
 * The money ledger: `money.jsonl`, one entry a line, appended and fsynced before the action it records is
 * confirmed, never rewritten (unlike the outbox journal, it is not compacted: it is the shift's books).
 *
 * A sale is written here before its permit reaches the outbox, and both are keyed by the request id: a crash
 * between the two leaves a ledger entry whose request, repeated, finds it written and goes on to the outbox.
 */
export class MoneyLedger {
  private readonly fd: number;
  private readonly all: LedgerEntry[] = [];
  private readonly ids = new Set<string>();
  private readonly byShift = new Map<string, LedgerEntry[]>();
  private readonly byTicket = new Map<string, LedgerEntry[]>();
  /** Unreadable lines at start-up (a write cut short by a crash): skipped, and said in the log. */
  readonly skippedOnOpen: number;

  private constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const existed = fs.existsSync(file);
    let skipped = 0;
    if (existed) {
      for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        const parsed = LedgerEntrySchema.safeParse(safeJson(line));
        if (!parsed.success) {
          skipped += 1;
          continue;
        }
        this.add(parsed.data);
      }
    }
    this.skippedOnOpen = skipped;
    this.fd = fs.openSync(file, 'a', 0o600);
    // A torn last line must not glue itself to the next entry.
    if (existed && fs.fstatSync(this.fd).size > 0 && !endsWithNewline(file)) fs.writeSync(this.fd, '\n');
    if (!existed) syncDirectorySync(path.dirname(file));
  }

  static inDataDir(dataDir: string): MoneyLedger {
    return new MoneyLedger(path.join(dataDir, 'money.jsonl'));
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Durable when it returns. An entry whose id is already written is not written again (false). */
  append(entry: LedgerEntry): boolean {
    if (this.ids.has(entry.id)) return false;
    const checked = LedgerEntrySchema.parse(entry);
    fs.writeSync(this.fd, JSON.stringify(checked) + '\n');
    fs.fsyncSync(this.fd);
    this.add(checked);
    return true;
  }

  /** One shift's entries, in the order they were written. */
  ofShift(shiftId: string): readonly LedgerEntry[] {
    return this.byShift.get(shiftId) ?? [];
  }

  /** One permit's sales and cancel, in the order they were written. */
  ofTicket(ticketNumber: string): readonly LedgerEntry[] {
    return this.byTicket.get(ticketNumber) ?? [];
  }

  private add(entry: LedgerEntry): void {
    this.all.push(entry);
    this.ids.add(entry.id);
    push(this.byShift, entry.shiftId, entry);
    if (entry.type === 'sale' || entry.type === 'cancel') push(this.byTicket, entry.ticketNumber, entry);
  }

  entries(): readonly LedgerEntry[] {
    return this.all;
  }

  find(id: string): LedgerEntry | undefined {
    return this.ids.has(id) ? this.all.find((entry) => entry.id === id) : undefined;
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

function endsWithNewline(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last.toString() === '\n';
  } finally {
    fs.closeSync(fd);
  }
}
