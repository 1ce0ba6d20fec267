/**
 * Fires the attendant actions through the bridge, several in flight, and kills the station K times at random
 * moments spread across the run (while requests are in flight), restarting it on the same data folder.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { KioskInfo } from '../../src/shared/kiosk/kiosk-info-view';
import type { Permit } from '../../src/shared/permits/permit';
import { Ledger, type ActionKind, type KnownPermit } from './ledger';
import { BridgeUnreachable, type BridgeAnswer, type Station } from './station';

export const ATTENDANT = 'Soak 001';
const CANCEL_REASONS = ['Driver left', 'Wrong zone', 'Refund asked', 'Duplicate sale'];
/** An extend or cancel is taken only on a permit with at least this long left (else the kiosk says "ended"). */
const ENDING_MARGIN_MS = 120_000;
/** The mix of the brief: about half issues, a third extends, a fifth cancels. */
const MIX: ReadonlyArray<[ActionKind, number]> = [
  ['issue', 0.5],
  ['extend', 0.3],
  ['cancel', 0.2],
];

export interface DriveOptions {
  station: Station;
  ledger: Ledger;
  random: () => number;
  actions: number;
  kills: number;
  inFlight: number;
  paceMs: number;
  /** Told of progress now and then (the run can take minutes). */
  progress: (line: string) => void;
}

export interface DriveResult {
  killsDone: number;
  /** Times the station stopped by itself and was started again (under disk faults: a write it could not survive). */
  crashes: number;
  /** Wall time of the first and last action's answer. */
  startedAt: number;
  lastActionAt: number;
  /** Waiting actions seen in outbox:status samples during the run. */
  peakWaiting: number;
}

/**
 * Kill points are spread evenly: one random action index in each of K equal stretches of the run, so kills are
 * neither bunched at the start nor all late. Each kill lands a random few ms after its action was sent.
 */
export function killPoints(actions: number, kills: number, random: () => number): Set<number> {
  const points = new Set<number>();
  for (let k = 0; k < kills; k += 1) {
    const from = Math.floor((k * actions) / kills);
    const to = Math.floor(((k + 1) * actions) / kills);
    points.add(from + Math.floor(random() * (to - from)));
  }
  return points;
}

/** Signs in, unless the shift survived a restart (it is on disk, as it should be). */
export async function ensureShift(station: Station): Promise<void> {
  const current = await station.must('shift:current', {});
  if (current === null) await station.must('shift:start', { attendant: ATTENDANT });
}

export async function drive(options: DriveOptions): Promise<DriveResult> {
  const { station, ledger, random } = options;
  let info: KioskInfo = await station.must('kiosk:info', {});
  const plates = new PlateMaker(random);
  const points = killPoints(options.actions, options.kills, random);
  let next = 0;
  let done = 0;
  let killsDone = 0;
  let peakWaiting = 0;
  let lastActionAt = Date.now();
  // Workers wait on this before each request; a kill swaps in an unresolved one until the restart is done
  // (or a rejected one if the station cannot come back, which ends the run).
  let up: Promise<void> = Promise.resolve();
  let restarts: Promise<void> = Promise.resolve();

  let killing = false;
  const killAndRestart = async (): Promise<void> => {
    let reopen = (): void => undefined;
    let fail = (_error: unknown): void => undefined;
    up = new Promise<void>((resolve, reject) => {
      reopen = resolve;
      fail = reject;
    });
    // Seen by the workers that wait on it; none may be waiting, and that must not crash the soak.
    up.catch(() => undefined);
    try {
      killing = true;
      await station.kill9();
      killsDone += 1;
      await station.start();
      await ensureShift(station);
      info = await station.must('kiosk:info', {});
      await refreshUncertain(station, ledger);
      options.progress(`kill ${killsDone}/${options.kills} after action ${next}; station back up`);
      killing = false;
      reopen();
    } catch (error) {
      fail(error);
      throw error;
    }
  };

  /** The station died by itself (not a planned kill): started again on the same folder, and counted. */
  let crashes = 0;
  let recovering = false;
  const restartAfterCrash = async (): Promise<void> => {
    if (station.running || recovering) return;
    recovering = true;
    let reopen = (): void => undefined;
    up = new Promise<void>((resolve) => (reopen = resolve));
    try {
      crashes += 1;
      options.progress(`the station stopped by itself (${crashes}); starting it again`);
      await station.start();
      info = await station.must('kiosk:info', {});
      await refreshUncertain(station, ledger);
    } finally {
      recovering = false;
      reopen();
    }
  };

  const scheduleKill = (): void => {
    // A few ms after the action went out (a bridge call takes ~5-30 ms): it and its neighbours are likely still
    // in flight when the kill lands.
    const delay = Math.floor(random() * 15);
    restarts = restarts.then(() => sleep(delay)).then(killAndRestart);
    // Awaited at the end; if a restart fails the workers stop first, and that must not count as unhandled.
    restarts.catch(() => undefined);
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      await up;
      if (next >= options.actions) return;
      const index = next;
      next += 1;
      const kind = chooseKind(random, ledger);
      const target = kind === 'issue' ? undefined : pick(random, ledger.pickable(Date.now(), ENDING_MARGIN_MS));
      if (points.has(index)) scheduleKill();
      await act(station, ledger, info, plates, random, target === undefined ? 'issue' : kind, target);
      if (!station.running && !killing) {
        restarts = restarts.then(restartAfterCrash);
        await restarts;
      }
      lastActionAt = Date.now();
      done += 1;
      if (done % 250 === 0) options.progress(`${done}/${options.actions} actions`);
      if (options.paceMs > 0) await sleep(Math.floor(random() * 2 * options.paceMs));
    }
  };

  const startedAt = Date.now();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await sleep(1000);
      try {
        peakWaiting = Math.max(peakWaiting, (await station.must('outbox:status', {})).waiting);
      } catch {
        // the station is down for a restart: no sample
      }
    }
  })();
  try {
    await Promise.all(Array.from({ length: options.inFlight }, worker));
    await restarts;
  } finally {
    sampling = false;
    await sampler;
  }
  return { killsDone, crashes, startedAt, lastActionAt, peakWaiting };
}

function chooseKind(random: () => number, ledger: Ledger): ActionKind {
  if (ledger.permits.size === 0) return 'issue';
  let draw = random();
  for (const [kind, share] of MIX) {
    if (draw < share) return kind;
    draw -= share;
  }
  return 'issue';
}

async function act(
  station: Station,
  ledger: Ledger,
  info: KioskInfo,
  plates: PlateMaker,
  random: () => number,
  kind: ActionKind,
  target: KnownPermit | undefined,
): Promise<void> {
  if (target) ledger.take(target.ticket);
  const kills = station.killsStarted;
  try {
    const plate = kind === 'issue' || !target ? plates.next() : undefined;
    const answer = await send(station, info, plate ?? '', random, kind, target);
    if (!answer.ok) return ledger.refuse(kind, answer.error.code, plate);
    if (kind === 'issue') ledger.confirmIssue(answer.value);
    else if (kind === 'extend' && target) ledger.confirmExtend(target, answer.value);
    else if (kind === 'cancel' && target) ledger.confirmCancel(target);
  } catch (error) {
    if (!(error instanceof BridgeUnreachable)) throw error;
    // No answer: the attendant saw nothing confirmed. Not counted, not resent; its permit is re-read later.
    (station.killsStarted !== kills ? ledger.interrupted : ledger.interruptedWithoutKill)[kind] += 1;
    if (target) target.uncertain = true;
  } finally {
    if (target) ledger.release(target.ticket);
  }
}

function send(
  station: Station,
  info: KioskInfo,
  plate: string,
  random: () => number,
  kind: ActionKind,
  target: KnownPermit | undefined,
): Promise<BridgeAnswer<'permits:issue' | 'permits:extend' | 'permits:cancel'>> {
  const requestId = randomUUID();
  if (kind === 'issue' || !target) {
    const zone = pick(random, info.zones);
    if (!zone) throw new Error('The kiosk offers no zones.');
    const minutes = pick(random, zone.presets)?.minutes ?? 60;
    return station.invoke('permits:issue', {
      requestId,
      plate,
      zone: zone.name,
      durationMinutes: minutes,
    });
  }
  if (kind === 'extend') {
    const zone = info.zones.find((each) => each.name === target.zone);
    const minutes = pick(random, zone?.presets ?? [])?.minutes ?? info.extendMinutes;
    return station.invoke('permits:extend', { requestId, ticketNumber: target.ticket, minutes });
  }
  const reason = pick(random, CANCEL_REASONS) ?? 'Soak';
  return station.invoke('permits:cancel', { requestId, ticketNumber: target.ticket, reason });
}

/**
 * After a restart the attendant sees the permit list again: a permit whose extend or cancel was interrupted is
 * re-read, so the soak does not try to extend a permit the kiosk did cancel. What was confirmed is untouched.
 */
async function refreshUncertain(station: Station, ledger: Ledger): Promise<void> {
  for (const known of ledger.uncertainPermits()) {
    const answer = await station.invoke('permits:get', { ticketNumber: known.ticket });
    const view: Permit | undefined = answer.ok ? answer.value : undefined;
    known.believedActive = view?.status === 'active' && !known.cancelConfirmed;
    known.uncertain = false;
  }
}

function pick<T>(random: () => number, items: readonly T[]): T | undefined {
  return items.length === 0 ? undefined : items[Math.floor(random() * items.length)];
}

/** New plates, never repeated in a run: letters and digits only, as the kiosk normalises them. */
class PlateMaker {
  private readonly used = new Set<string>();
  constructor(private readonly random: () => number) {}

  next(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
    for (;;) {
      let plate = 'SK';
      for (let i = 0; i < 5; i += 1) plate += alphabet[Math.floor(this.random() * alphabet.length)];
      if (!this.used.has(plate)) {
        this.used.add(plate);
        return plate;
      }
    }
  }
}
