import path from 'node:path';
import { readFileIfExists, writeFileDurably } from '../durable-file';
import { createSerialQueue } from '../serial';

/**
 * Ticket numbers (`permitNo`) are `<kioskId>-<sequence>`, unique across kiosks (each has its own id) and
 * across restarts (the sequence is on disk, fsynced, before the number is handed out — so a crash can skip a
 * number but never reuse one). At most 20 + 1 + 9 characters, well inside OPSCOM's 50.
 */
export class TicketNumberAllocator {
  private readonly file: string;
  private readonly serial = createSerialQueue();

  constructor(
    dataDir: string,
    /** Read at each number, so a kiosk id changed in settings applies to the next permit. */
    private readonly kioskId: () => string,
  ) {
    this.file = path.join(dataDir, 'ticket-sequence');
  }

  next(): Promise<string> {
    return this.serial(async () => {
      const stored = await readFileIfExists(this.file);
      const last = stored === undefined ? 0 : Number.parseInt(stored.trim(), 10);
      if (!Number.isSafeInteger(last) || last < 0) {
        throw new Error(`The ticket sequence file ${this.file} is damaged; refusing to reuse ticket numbers.`);
      }
      const next = last + 1;
      await writeFileDurably(this.file, `${next}\n`);
      return `${this.kioskId()}-${next.toString().padStart(6, '0')}`;
    });
  }
}

/** A new kiosk's id: 8 characters from an alphabet without look-alikes, so two kiosks practically never clash. */
export function generateKioskId(
  random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n)),
): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from(random(8), (byte) => alphabet[byte % alphabet.length]).join('');
}
