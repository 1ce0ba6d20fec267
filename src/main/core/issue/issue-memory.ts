import { IssueChoicesSchema, type IssueChoices } from '../../../shared/permits/permit';
import { ZoneRateSchema } from '../../../shared/settings/settings-view';
import { rememberPlate } from '../../../shared/plates/plate';
import { PlateInputSchema } from '../../../shared/plates/plate-schema';
import type { Logger } from '../host/log';
import type { KioskStore } from '../storage/kiosk-store';

/** The store's key for the choices (what issue-choices.json held). */
export const ISSUE_CHOICES_KEY = 'issue-choices';

const NOTHING_YET: IssueChoices = { zone: null, minutes: null, recentPlates: [] };

/**
 * Remembers the Issue screen's choices across restarts (`issue-choices.json`, 0600): the next car is most often
 * the same sale, and the driver back for another hour is typed once. A plate whose permit was cancelled leaves
 * the list (it was most likely the wrong plate). It is a convenience: a write that fails is logged, and never
 * fails the sale that caused it. Stored in the kiosk store's `kv` table.
 */
export class IssueMemory {
  private choices: IssueChoices = NOTHING_YET;

  private constructor(
    private readonly store: KioskStore,
    private readonly log: Logger,
  ) {}

  static open(store: KioskStore, log: Logger): IssueMemory {
    const memory = new IssueMemory(store, log);
    const text = store.readValue(ISSUE_CHOICES_KEY);
    if (text !== undefined) {
      const parsed = IssueChoicesSchema.safeParse(safeJson(text));
      if (parsed.success) memory.choices = keptChoices(parsed.data, log);
      else log.warn('The remembered Issue choices could not be read; the Issue screen starts without them.');
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

  private save(next: IssueChoices): Promise<void> {
    this.choices = next;
    try {
      this.store.writeValue(ISSUE_CHOICES_KEY, JSON.stringify(this.choices));
    } catch (error) {
      this.log.warn(`Could not remember the Issue screen's choices: ${(error as Error).message}`);
    }
    return Promise.resolve();
  }
}

/**
 * The file is text on disk, not something a person typed on this screen: a remembered zone must pass the rule of
 * a zone's name (free text: no control, bidi or invisible characters, at most 200 characters) and each plate
 * must be a plate as the kiosk writes it, or it is forgotten, so a tampered file cannot put text on the screen
 * or into a sale.
 */
function keptChoices(choices: IssueChoices, log: Logger): IssueChoices {
  const zone = choices.zone === null || isKept(ZoneRateSchema.shape.name, choices.zone) ? choices.zone : null;
  const recentPlates = choices.recentPlates.filter((plate) => isKept(PlateInputSchema, plate));
  const dropped = (zone !== choices.zone ? 1 : 0) + choices.recentPlates.length - recentPlates.length;
  if (dropped > 0)
    log.warn(`Issue choices: ${dropped} remembered value(s) broke the free-text or plate rules and were left out.`);
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
