import { createHash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { StoreDamagedError, type KioskStore } from '../storage/kiosk-store';

/**
 * Every action and every delivery attempt with its outcome, in the store's `audit` table: append-only (triggers
 * refuse an update or a delete) and tamper-evident (each row's hash covers the previous row's hash and its own
 * body; `npm run audit -- verify` walks the chain). It is the record a supervisor reads after an angry call; the
 * outbox's changes, which are compacted, are not.
 */
export type AuditEvent =
  | 'accepted'
  | 'attempt'
  | 'delivered'
  | 'coalesced'
  | 'failed'
  | 'needs-attention'
  | 'voided-before-sync'
  | 'possible-duplicate'
  | 'duplicate'
  | 'retried'
  | 'corrected'
  | 'discarded'
  | 'paused'
  | 'resumed'
  /** A push's answer was unclear: OPSCOM may hold a copy with these values that the kiosk cannot reach. */
  | 'copy-unreachable'
  /** OPSCOM refuses repeated ticket numbers and accepted a resend: the earlier unclear attempts stored nothing. */
  | 'copies-not-stored'
  /** 9022 to a resend: OPSCOM holds the permit from an attempt whose answer was lost. */
  | 'held'
  | 'handed-to-supervisor'
  /** A supervisor fixed a permit's copies in OPSCOM's portal, with the admin PIN. */
  | 'cleared'
  /** The money ledger's entries (money.jsonl holds them in full): a sale's tender, and a cancel's refund or not. */
  | 'tendered'
  | 'refunded'
  | 'not-refunded'
  /** The cash drawer: its float, paid-outs and drops (with their reason), blind counts, and the close (Z). */
  | 'drawer-float'
  | 'paid-out'
  | 'drop'
  | 'drawer-count'
  | 'drawer-closed'
  /** The app's updater (#13): an update was downloaded, and later installed (the app restarts into it). */
  | 'update-downloaded'
  | 'update-installed';

export interface AuditEntry {
  at: string;
  event: AuditEvent;
  actionId?: string;
  ticketNumber?: string;
  kind?: string;
  plate?: string;
  zone?: string;
  endAt?: string;
  amountCents?: number;
  chargedCents?: number;
  currency?: string;
  attendant?: string | null;
  referenceId?: string | null;
  detail?: string;
}

export const AUDIT_COLUMNS = [
  'at',
  'event',
  'actionId',
  'ticketNumber',
  'kind',
  'plate',
  'zone',
  'endAt',
  'amountCents',
  'chargedCents',
  'currency',
  'attendant',
  'referenceId',
  'detail',
] as const satisfies ReadonlyArray<keyof AuditEntry>;

/** The hash a chain starts from. */
export const AUDIT_CHAIN_START: Uint8Array = new Uint8Array(32);

/** SHA-256 over the previous row's hash and this row's body. */
export function auditHash(previous: Uint8Array, body: string): Uint8Array {
  return createHash('sha256').update(previous).update(body).digest();
}

const sameBytes = (a: Uint8Array, b: unknown): boolean =>
  b instanceof Uint8Array && a.length === b.length && Buffer.compare(a, b) === 0;

/** Where the chain starts after the retention rule removed its oldest rows: the last removed row's seq and hash. */
interface Anchor {
  seq: number;
  hash: Uint8Array;
}
const ANCHOR_KEY = 'audit-anchor';

function readAnchor(db: DatabaseSync): Anchor | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(ANCHOR_KEY);
  if (!row) return undefined;
  const { seq, hash } = JSON.parse(String(row.value)) as { seq: number; hash: string };
  return { seq, hash: Buffer.from(hash, 'hex') };
}

export class AuditLog {
  private head: Uint8Array;

  constructor(private readonly store: KioskStore) {
    this.head = this.lastHash();
    // A rolled-back action's entries were never written: the chain goes on from the last one that was.
    store.onRollback(() => {
      this.head = this.lastHash();
    });
  }

  /** Written in the caller's transaction (an action's entries commit with the action), or in one of their own. */
  append(...entries: AuditEntry[]): void {
    if (entries.length === 0) return;
    this.store.transaction(() => {
      const insert = this.store.sql('INSERT INTO audit (at, attendant, body, hash) VALUES (?, ?, ?, ?)');
      for (const entry of entries) {
        const body = JSON.stringify(entry);
        const hash = auditHash(this.head, body);
        insert.run(entry.at, entry.attendant ?? null, body, hash);
        this.head = hash;
      }
    });
  }

  /**
   * Every entry, oldest first; with `since`, those at or after that instant. Each row's hash is checked against
   * its body and the row before it.
   */
  entries(since?: string): AuditEntry[] {
    const first =
      since === undefined
        ? undefined
        : (this.store.sql('SELECT min(seq) AS seq FROM audit WHERE at >= ?').get(since)?.seq as number | null);
    if (first === null) return [];
    const from = first ?? 1;
    const before = this.store.sql('SELECT hash FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT 1').get(from);
    let previous = before ? (before.hash as Uint8Array) : (readAnchor(this.store.db)?.hash ?? AUDIT_CHAIN_START);
    const rows = this.store.sql('SELECT seq, at, body, hash FROM audit WHERE seq >= ? ORDER BY seq').all(from);
    const entries: AuditEntry[] = [];
    for (const row of rows) {
      const body = String(row.body);
      if (!sameBytes(auditHash(previous, body), row.hash)) {
        throw new StoreDamagedError(this.store.file, `row ${String(row.seq)} of the audit log does not match its hash`);
      }
      previous = row.hash as Uint8Array;
      if (since === undefined || String(row.at) >= since) entries.push(JSON.parse(body) as AuditEntry);
    }
    return entries;
  }

  toCsv(): string {
    return toCsv(this.entries());
  }

  /** How many entries there are. */
  count(): number {
    return Number((this.store.sql('SELECT count(*) AS n FROM audit').get() as { n: number }).n);
  }

  /**
   * The retention rule: removes the oldest entries, those before the first one at or after `before`, in the caller's
   * transaction, and keeps the last removed one's hash as the chain's anchor. Returns how many were removed.
   */
  removeBefore(before: string): number {
    return this.store.transaction(() => {
      const first = this.store.sql('SELECT min(seq) AS seq FROM audit WHERE at >= ?').get(before)?.seq;
      const last = this.store.sql('SELECT max(seq) AS seq FROM audit').get()?.seq;
      if (last === null || last === undefined) return 0;
      const lastRemoved = first === null || first === undefined ? Number(last) : Number(first) - 1;
      const anchorRow = this.store.sql('SELECT seq, hash FROM audit WHERE seq = ?').get(lastRemoved);
      if (!anchorRow) return 0;
      const meta = this.store.sql(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = ?',
      );
      const anchor = JSON.stringify({
        seq: lastRemoved,
        hash: Buffer.from(anchorRow.hash as Uint8Array).toString('hex'),
      });
      meta.run(ANCHOR_KEY, anchor, anchor);
      meta.run('retention-running', '1', '1');
      const removed = this.store.sql('DELETE FROM audit WHERE seq <= ?').run(lastRemoved).changes;
      this.store.sql("DELETE FROM meta WHERE key = 'retention-running'").run();
      return Number(removed);
    });
  }

  private lastHash(): Uint8Array {
    const row = this.store.sql('SELECT hash FROM audit ORDER BY seq DESC LIMIT 1').get();
    return row ? (row.hash as Uint8Array) : (readAnchor(this.store.db)?.hash ?? AUDIT_CHAIN_START);
  }
}

/** What `npm run audit -- verify` finds: the rows it checked, and the first break in the chain. */
export interface ChainCheck {
  rows: number;
  broken: { seq: number; why: string } | null;
}

/** Walks the whole chain: every row's hash over the row before it and its own body. Reads only. */
export function verifyAuditChain(db: DatabaseSync): ChainCheck {
  const anchor = readAnchor(db);
  let previous = anchor?.hash ?? AUDIT_CHAIN_START;
  let rows = 0;
  let expectedSeq: number | null = anchor ? anchor.seq + 1 : null;
  for (const row of db.prepare('SELECT seq, body, hash FROM audit ORDER BY seq').iterate()) {
    const seq = Number(row.seq);
    rows += 1;
    if (expectedSeq !== null && seq !== expectedSeq) {
      return { rows, broken: { seq, why: `rows ${expectedSeq} to ${seq - 1} are missing` } };
    }
    if (!sameBytes(auditHash(previous, String(row.body)), row.hash)) {
      return { rows, broken: { seq, why: 'its content does not match its hash' } };
    }
    previous = row.hash as Uint8Array;
    expectedSeq = seq + 1;
  }
  return { rows, broken: null };
}

export function toCsv(entries: AuditEntry[]): string {
  const rows = entries.map((entry) => AUDIT_COLUMNS.map((column) => csvCell(entry[column])).join(','));
  return [AUDIT_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

/**
 * Cells a spreadsheet would run as a formula start with one of these (OWASP "CSV Injection"), the full-width forms
 * included, which some spreadsheets fold to the ASCII ones.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * RFC 4180 quoting, and the OWASP rule for text a spreadsheet would run: a leading apostrophe, and the cell quoted.
 * Numbers are the kiosk's own (cents, counts) and stay numbers.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
