import { z } from 'zod';
import { ShiftSchema, type Shift, type ShiftSummary } from '../../../shared/shift/shift-view';
import { toInstant, type Clock } from '../../../shared/time';
import { toCsv, type AuditEntry, type AuditLog } from '../audit/audit-log';
import { fail } from '../channels/failure';
import { StoreDamagedError, type KioskStore } from '../storage/kiosk-store';

export const ShiftFileSchema = z.object({ current: ShiftSchema.nullable() });
/** The store's key for the open shift (what shift.json held). */
export const SHIFT_KEY = 'shift';

/** Money given back during the shift, per currency. */
type Refunds = ReadonlyArray<{ currency: string; cents: number }>;

/**
 * The attendant at the screen. Issuing needs an open shift, so every action in the audit log names a person;
 * the shift survives a restart (it is on disk), and closing it gives the totals and the CSV of the shift.
 */
export class ShiftService {
  private current: Shift | null = null;

  constructor(
    private readonly store: KioskStore,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {
    this.current = this.read();
    store.onRollback(() => {
      this.current = this.read();
    });
  }

  private read(): Shift | null {
    const text = this.store.readValue(SHIFT_KEY);
    if (text === undefined) return null;
    const parsed = ShiftFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new StoreDamagedError(this.store.file, 'the open shift is not a shift');
    return parsed.data.current;
  }

  get open(): Shift | null {
    return this.current;
  }

  /** The attendant to record with an action, or a plain refusal when nobody has signed in. */
  requireAttendant(): string {
    return this.current?.attendant ?? fail('not-allowed', 'shift-needed');
  }

  start(attendant: string): Promise<Shift> {
    if (this.current) {
      fail('not-allowed', 'shift-still-open', { params: { attendant: this.current.attendant } });
    }
    const shift: Shift = { id: crypto.randomUUID(), attendant, startedAt: this.now() };
    this.store.writeValue(SHIFT_KEY, JSON.stringify({ current: shift }));
    this.current = shift;
    return Promise.resolve(shift);
  }

  /** The running totals; `refunds` (from the money ledger) are taken off the amounts charged. */
  summary(outbox: { waiting: number; attention: number }, refunds: Refunds = []): ShiftSummary {
    const shift = this.current ?? fail('not-allowed', 'no-shift-open');
    return summarise(shift, null, this.entriesOf(shift), outbox, refunds);
  }

  /** Closes the shift (in the caller's transaction, where the drawer's close is written too). */
  close(outbox: { waiting: number; attention: number }, refunds: Refunds = []): ShiftSummary {
    const shift = this.current ?? fail('not-allowed', 'no-shift-open');
    const summary = summarise(shift, this.now(), this.entriesOf(shift), outbox, refunds);
    this.store.writeValue(SHIFT_KEY, JSON.stringify({ current: null }));
    this.current = null;
    return summary;
  }

  private entriesOf(shift: Shift): AuditEntry[] {
    return this.audit.entries(shift.startedAt).filter((entry) => entry.attendant === shift.attendant);
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
