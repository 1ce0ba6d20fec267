import { StoreDamagedError, type KioskStore } from '../storage/kiosk-store';

/** The store's key for the last sequence number handed out (what the file ticket-sequence held). */
export const TICKET_SEQUENCE_KEY = 'ticket-sequence';

/**
 * Ticket numbers (`permitNo`) are `<kioskId>-<sequence>`, unique across kiosks (each has its own id) and
 * across restarts (the sequence is stored in the transaction of the sale that uses it — so a number is never
 * reused, and a refused sale gives its number back). At most 20 + 1 + 9 characters, well inside OPSCOM's 50.
 */
export class TicketNumberAllocator {
  constructor(
    private readonly store: KioskStore,
    /** Read at each number, so a kiosk id changed in settings applies to the next permit. */
    private readonly kioskId: () => string,
  ) {}

  /** The next number, written in the caller's transaction. */
  next(): string {
    const stored = this.store.readValue(TICKET_SEQUENCE_KEY);
    const last = stored === undefined ? 0 : Number(stored.trim());
    if (!Number.isSafeInteger(last) || last < 0) {
      throw new StoreDamagedError(this.store.file, 'the ticket sequence is not a number; ticket numbers could repeat');
    }
    const next = last + 1;
    this.store.writeValue(TICKET_SEQUENCE_KEY, String(next));
    return `${this.kioskId()}-${next.toString().padStart(6, '0')}`;
  }
}

/** A new kiosk's id: 8 characters from an alphabet without look-alikes, so two kiosks practically never clash. */
export function generateKioskId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(random(8), (byte) => alphabet[byte % alphabet.length]).join('');
}
