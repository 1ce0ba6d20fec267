import path from 'node:path';
import { z } from 'zod';
import { PermitSchema, type Permit } from '../../../shared/domain';
import { readFileIfExists, writeFileDurably } from '../durable-file';
import { createSerialQueue } from '../serial';

const FileSchema = z.object({ version: z.literal(1), permits: z.array(PermitSchema) });

/**
 * This kiosk's permits, as confirmed by OPSCOM, in one small JSON file replaced atomically on each change.
 * (The offline outbox, which must not rewrite a growing file per action, has its own journal.)
 */
export class PermitStore {
  private readonly file: string;
  private readonly serial = createSerialQueue();
  private permits = new Map<string, Permit>();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'permits.json');
  }

  async load(): Promise<void> {
    const text = await readFileIfExists(this.file);
    if (text === undefined) return;
    const parsed = FileSchema.parse(JSON.parse(text));
    this.permits = new Map(parsed.permits.map((p) => [p.ticketNumber, p]));
  }

  get(ticketNumber: string): Permit | undefined {
    return this.permits.get(ticketNumber);
  }

  all(): Permit[] {
    return [...this.permits.values()];
  }

  save(permit: Permit): Promise<void> {
    return this.serial(async () => {
      const next = new Map(this.permits).set(permit.ticketNumber, permit);
      await writeFileDurably(this.file, JSON.stringify({ version: 1, permits: [...next.values()] }));
      this.permits = next;
    });
  }
}
