import fs from 'node:fs';
import path from 'node:path';

/**
 * Every action and every delivery attempt with its outcome, appended to `audit.jsonl` and never rewritten.
 * It is the record a supervisor reads after an angry call; the outbox journal, which is compacted, is not.
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

export class AuditLog {
  private readonly fd: number;

  constructor(readonly file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'a', 0o600);
  }

  static inDataDir(dataDir: string): AuditLog {
    return new AuditLog(path.join(dataDir, 'audit.jsonl'));
  }

  /** Appended in one write; the journal, not this file, is what makes an action durable. */
  append(...entries: AuditEntry[]): void {
    if (entries.length === 0) return;
    fs.writeSync(this.fd, entries.map((entry) => JSON.stringify(entry)).join('\n') + '\n');
  }

  entries(): AuditEntry[] {
    const text = fs.readFileSync(this.file, 'utf8');
    return text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as AuditEntry];
        } catch {
          return [];
        }
      });
  }

  toCsv(): string {
    return toCsv(this.entries());
  }

  close(): void {
    fs.closeSync(this.fd);
  }
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
