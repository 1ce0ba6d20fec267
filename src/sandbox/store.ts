/** The sandbox's permits, in memory only: a restart or a reset starts from nothing. */
import { randomUUID } from 'node:crypto';
import { opscomTimeToMillis, type PushInput, type UpdateChanges } from './validation';

/** A permit as the sandbox holds it: the fields pushed (PushInput), and what it keeps about them. */
export interface SandboxPermit extends PushInput {
  referenceId: string;
  zoneConnected: boolean;
  type: string;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  timesStored: number;
}

type StoredPermit = Omit<SandboxPermit, 'timesStored'>;

export interface StatsRow {
  type: string;
  zone: string;
  total: string;
}

export type StatsCounts = 'all' | 'active';

/** OPSCOM's stats know "standard" and "temp"; a permit pushed through the API is a temporary one. */
const PUSHED_PERMIT_TYPE = 'temp';

/** How push makes a reference id: a UUID as documented, or all digits (the reference-number fault). */
export type ReferenceKind = 'uuid' | 'number';
/**
 * Numeric ids count up from here: 9 digits at once, 13 only after some 900 billion pushes, and always far below
 * MAX_SAFE_INTEGER, so they survive a trip through a JSON number. A UUID always has dashes: no collision.
 */
const FIRST_NUMERIC_REFERENCE = 100_000_001;

export class PermitStore {
  // A Map keeps insertion order, so views list permits oldest first.
  private readonly records = new Map<string, StoredPermit>();
  /** Not rewound by reset(), so a client that kept an old number cannot find a different permit under it. */
  private nextNumericReference = FIRST_NUMERIC_REFERENCE;

  constructor(
    private readonly knownZones: ReadonlySet<string>,
    private readonly now: () => Date,
  ) {}

  /**
   * Always a new record: OPSCOM has no idempotency key, so pushing the same permitNo twice stores two permits.
   * A "disconnected" zone (not one OPSCOM knows) is still stored, as the docs say, but flagged.
   * The id is always kept as a string, so update/delete find a numeric one sent back as "100000001".
   */
  push(input: PushInput, reference: ReferenceKind = 'uuid'): SandboxPermit {
    const at = this.now().toISOString();
    const record: StoredPermit = {
      referenceId: reference === 'number' ? String(this.nextNumericReference++) : randomUUID(),
      ...input,
      zoneConnected: input.zone !== null && this.knownZones.has(input.zone),
      type: PUSHED_PERMIT_TYPE,
      deleted: false,
      createdAt: at,
      updatedAt: at,
    };
    this.records.set(record.referenceId, record);
    return this.view(record);
  }

  /** A permit that update/delete may act on: known and not deleted. */
  findLive(referenceId: string): SandboxPermit | undefined {
    const record = this.records.get(referenceId);
    return record === undefined || record.deleted ? undefined : this.view(record);
  }

  hasLivePermitNo(permitNo: string): boolean {
    for (const record of this.records.values()) {
      if (!record.deleted && record.permitNo === permitNo) return true;
    }
    return false;
  }

  /** Changes only the fields given. Returns undefined when there is no live record to change. */
  update(referenceId: string, changes: UpdateChanges): SandboxPermit | undefined {
    const record = this.records.get(referenceId);
    if (record === undefined || record.deleted) return undefined;
    Object.assign(record, changes, { updatedAt: this.now().toISOString() });
    return this.view(record);
  }

  /** Deleted permits stay in the view (deleted: true) so a test can see what was removed. */
  delete(referenceId: string): SandboxPermit | undefined {
    const record = this.records.get(referenceId);
    if (record === undefined || record.deleted) return undefined;
    record.deleted = true;
    record.updatedAt = this.now().toISOString();
    return this.view(record);
  }

  list(): SandboxPermit[] {
    return [...this.records.values()].map((record) => this.view(record));
  }

  /**
   * Counts of non-deleted permits per zone and type, `total` as a string like OPSCOM's.
   * - Permits without a zone are grouped under zone "" (they exist and OPSCOM would count them somewhere).
   * - A requested zone with no permits is left out rather than listed with "0": the documented response only
   *   shows rows that have permits, and a client must cope with a missing zone either way.
   * - 'active' counts only permits whose window contains now (start ≤ now < end), times read as UTC.
   * Rows are sorted by zone, then type, so answers are stable.
   */
  stats(zones: readonly string[] | null, counts: StatsCounts): StatsRow[] {
    const wanted = zones === null ? null : new Set(zones);
    const nowMillis = this.now().getTime();
    const totals = new Map<string, StatsRow & { count: number }>();
    for (const record of this.records.values()) {
      if (record.deleted) continue;
      const zone = record.zone ?? '';
      if (wanted !== null && !wanted.has(zone)) continue;
      if (counts === 'active' && !isActiveAt(record, nowMillis)) continue;
      const key = JSON.stringify([zone, record.type]);
      const row = totals.get(key) ?? { type: record.type, zone, total: '0', count: 0 };
      row.count += 1;
      totals.set(key, row);
    }
    return [...totals.values()]
      .sort((a, b) => compare(a.zone, b.zone) || compare(a.type, b.type))
      .map(({ type, zone, count }) => ({ type, zone, total: String(count) }));
  }

  reset(): void {
    this.records.clear();
  }

  /**
   * A copy for callers, with `timesStored` = how many records (deleted ones included) share this permitNo,
   * so a test can spot a permit that was pushed twice. A permit without a permitNo was stored once.
   */
  private view(record: StoredPermit): SandboxPermit {
    let timesStored = 1;
    if (record.permitNo !== null) {
      timesStored = 0;
      for (const other of this.records.values()) if (other.permitNo === record.permitNo) timesStored += 1;
    }
    return { ...record, timesStored };
  }
}

function isActiveAt(record: StoredPermit, nowMillis: number): boolean {
  return opscomTimeToMillis(record.startTime) <= nowMillis && nowMillis < opscomTimeToMillis(record.endTime);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
