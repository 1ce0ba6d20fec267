import path from 'node:path';
import { z } from 'zod';
import { ShiftSchema, type Shift, type ShiftSummary } from '../../shared/domain';
import { toInstant, type Clock } from '../../shared/time';
import { toCsv, type AuditEntry, type AuditLog } from './audit/audit-log';
import { readFileIfExists, writeFileDurably } from './durable-file';
import { fail } from './failure';

const ShiftFileSchema = z.object({ current: ShiftSchema.nullable() });

/** Money given back during the shift, per currency. */
type Refunds = ReadonlyArray<{ currency: string; cents: number }>;

/**
 * The attendant at the screen. Issuing needs an open shift, so every action in the audit log names a person;
 * the shift survives a restart (it is on disk), and closing it gives the totals and the CSV of the shift.
 */
export class ShiftService {
  private current: Shift | null = null;
  private readonly file: string;

  constructor(
    dataDir: string,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.file = path.join(dataDir, 'shift.json');
  }

  async load(): Promise<void> {
    const text = await readFileIfExists(this.file);
    this.current = text === undefined ? null : ShiftFileSchema.parse(JSON.parse(text)).current;
  }

  get open(): Shift | null {
    return this.current;
  }

  /** The attendant to record with an action, or a plain refusal when nobody has signed in. */
  requireAttendant(): string {
    return this.current?.attendant ?? fail('not-allowed', 'shift-needed');
  }

  async start(attendant: string): Promise<Shift> {
    if (this.current) {
      fail('not-allowed', 'shift-still-open', { params: { attendant: this.current.attendant } });
    }
    const shift: Shift = { id: crypto.randomUUID(), attendant, startedAt: this.now() };
    await writeFileDurably(this.file, JSON.stringify({ current: shift }));
    this.current = shift;
    return shift;
  }

  /** The running totals; `refunds` (from the money ledger) are taken off the amounts charged. */
  summary(outbox: { waiting: number; attention: number }, refunds: Refunds = []): ShiftSummary {
    const shift = this.current ?? fail('not-allowed', 'no-shift-open');
    return summarise(shift, null, this.entriesOf(shift), outbox, refunds);
  }

  async close(outbox: { waiting: number; attention: number }, refunds: Refunds = []): Promise<ShiftSummary> {
    const shift = this.current ?? fail('not-allowed', 'no-shift-open');
    const summary = summarise(shift, this.now(), this.entriesOf(shift), outbox, refunds);
    await writeFileDurably(this.file, JSON.stringify({ current: null }));
    this.current = null;
    return summary;
  }

  private entriesOf(shift: Shift): AuditEntry[] {
    return this.audit.entries().filter((entry) => entry.at >= shift.startedAt && entry.attendant === shift.attendant);
  }

  private now(): string {
    return toInstant(this.clock.now());
  }
}

function summarise(
  shift: Shift,
  closedAt: string | null,
  entries: AuditEntry[],
  outbox: { waiting: number; attention: number },
  refunds: Refunds,
): ShiftSummary {
  const accepted = entries.filter((entry) => entry.event === 'accepted');
  const count = (kind: string) => accepted.filter((entry) => entry.kind === kind).length;
  const amounts = new Map<string, number>();
  for (const entry of accepted) {
    if (!entry.currency || !entry.chargedCents) continue;
    amounts.set(entry.currency, (amounts.get(entry.currency) ?? 0) + entry.chargedCents);
  }
  // A permit cancelled with its money given back (a wrong plate, a driver who left) adds nothing.
  for (const refund of refunds) amounts.set(refund.currency, (amounts.get(refund.currency) ?? 0) - refund.cents);
  return {
    shift,
    closedAt,
    issued: count('issue'),
    extended: count('extend'),
    cancelled: count('cancel'),
    amounts: [...amounts].map(([currency, cents]) => ({ currency, cents })),
    refunded: refunds.map(({ currency, cents }) => ({ currency, cents })),
    waiting: outbox.waiting,
    attention: outbox.attention,
    csv: toCsv(entries),
  };
}
