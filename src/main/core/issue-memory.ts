import { IssueChoicesSchema, type IssueChoices } from '../../shared/domain';
import { rememberPlate } from '../../shared/plate';
import type { Logger } from './log';
import type { KioskStore } from './storage/kiosk-store';

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
      if (parsed.success) memory.choices = parsed.data;
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
