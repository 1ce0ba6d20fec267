import path from 'node:path';
import { IssueChoicesSchema, ZoneRateSchema, type IssueChoices } from '../../shared/domain';
import { rememberPlate } from '../../shared/plate';
import { PlateInputSchema } from '../../shared/plate-schema';
import { readFileIfExists, writeFileDurably } from './durable-file';
import type { Logger } from './log';
import { createSerialQueue } from './serial';

const NOTHING_YET: IssueChoices = { zone: null, minutes: null, recentPlates: [] };

/**
 * Remembers the Issue screen's choices across restarts (`issue-choices.json`, 0600): the next car is most often
 * the same sale, and the driver back for another hour is typed once. A plate whose permit was cancelled leaves
 * the list (it was most likely the wrong plate). It is a convenience: a write that fails is logged, and never
 * fails the sale that caused it.
 */
export class IssueMemory {
  private choices: IssueChoices = NOTHING_YET;
  private readonly serial = createSerialQueue();

  private constructor(
    private readonly file: string,
    private readonly log: Logger,
  ) {}

  static async open(dataDir: string, log: Logger): Promise<IssueMemory> {
    const memory = new IssueMemory(path.join(dataDir, 'issue-choices.json'), log);
    const text = await readFileIfExists(memory.file);
    if (text !== undefined) {
      const parsed = IssueChoicesSchema.safeParse(safeJson(text));
      if (parsed.success) memory.choices = keptChoices(parsed.data, memory.file, log);
      else log.warn(`${memory.file} could not be read; the Issue screen starts without remembered choices.`);
    }
    return memory;
  }

  get current(): IssueChoices {
    return this.choices;
  }

  choose(zone: string | null, minutes: number | null): Promise<void> {
    return this.save({ ...this.choices, zone, minutes });
  }

  plateIssued(plate: string): Promise<void> {
    return this.save({ ...this.choices, recentPlates: rememberPlate(this.choices.recentPlates, plate) });
  }

  plateCancelled(plate: string): Promise<void> {
    if (!this.choices.recentPlates.includes(plate)) return Promise.resolve();
    return this.save({ ...this.choices, recentPlates: this.choices.recentPlates.filter((p) => p !== plate) });
  }

  /** Waits for the last write, so a core that stops leaves no write behind in its folder. */
  close(): Promise<void> {
    return this.serial(() => Promise.resolve());
  }

  private save(next: IssueChoices): Promise<void> {
    this.choices = next;
    return this.serial(async () => {
      try {
        await writeFileDurably(this.file, JSON.stringify(this.choices));
      } catch (error) {
        this.log.warn(`Could not remember the Issue screen's choices: ${(error as Error).message}`);
      }
    });
  }
}

/**
 * The file is text on disk, not something a person typed on this screen: a remembered zone must pass the rule of
 * a zone's name (free text: no control, bidi or invisible characters, at most 200 characters) and each plate
 * must be a plate as the kiosk writes it, or it is forgotten, so a tampered file cannot put text on the screen
 * or into a sale.
 */
function keptChoices(choices: IssueChoices, file: string, log: Logger): IssueChoices {
  const zone = choices.zone === null || isKept(ZoneRateSchema.shape.name, choices.zone) ? choices.zone : null;
  const recentPlates = choices.recentPlates.filter((plate) => isKept(PlateInputSchema, plate));
  const dropped = (zone !== choices.zone ? 1 : 0) + choices.recentPlates.length - recentPlates.length;
  if (dropped > 0)
    log.warn(`${file}: ${dropped} remembered value(s) broke the free-text or plate rules and were left out.`);
  return { ...choices, zone, recentPlates };
}

/** Passes the rule unchanged: a value the rule would trim or rewrite was not written by the kiosk. */
function isKept(schema: { safeParse(value: unknown): { success: boolean; data?: unknown } }, value: string): boolean {
  const parsed = schema.safeParse(value);
  return parsed.success && parsed.data === value;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
