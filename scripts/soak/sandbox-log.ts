/** Figures from the sandbox's request log: faults that fired, and how often each ticket's push was sent. */
import type { SandboxRequest } from '../../src/sandbox/server';
import { firedFaults } from './faults';

const WRITE_PATH = /\/api\/OC-TOMA\/v1\/permits\/(push|update|delete)$/;

export interface LogFigures {
  writesWithFaultsOn: number;
  faultedWrites: number;
  faultsByKind: Map<string, number>;
  writesInDrain: number;
  /** Push requests OPSCOM received per ticket number (every one, whatever became of it). */
  pushesPerTicket: Map<string, number>;
}

export function analyseLog(log: readonly SandboxRequest[], faultsOffAt: number): LogFigures {
  const figures: LogFigures = {
    writesWithFaultsOn: 0,
    faultedWrites: 0,
    faultsByKind: new Map(),
    writesInDrain: 0,
    pushesPerTicket: new Map(),
  };
  for (const request of log) {
    const endpoint = WRITE_PATH.exec(request.path)?.[1];
    if (endpoint === undefined) continue; // stats probes and anything else
    if (Date.parse(request.at) >= faultsOffAt) figures.writesInDrain += 1;
    else figures.writesWithFaultsOn += 1;
    const fired = firedFaults(request.fault);
    if (fired.length > 0) figures.faultedWrites += 1;
    for (const kind of fired) figures.faultsByKind.set(kind, (figures.faultsByKind.get(kind) ?? 0) + 1);
    if (endpoint === 'push') {
      const ticket = ticketOf(request.body);
      if (ticket) figures.pushesPerTicket.set(ticket, (figures.pushesPerTicket.get(ticket) ?? 0) + 1);
    }
  }
  return figures;
}

/** The kiosk sends `permitNo`; the alias `TicketNumber` is read too, in case it ever switches. */
function ticketOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const value = record.permitNo ?? record.TicketNumber;
  return typeof value === 'string' ? value : undefined;
}

export function pushAttemptStats(
  pushes: ReadonlyMap<string, number>,
  tickets: Iterable<string>,
): { tickets: number; max: number; mean: number; neverPushed: number } {
  let count = 0;
  let total = 0;
  let max = 0;
  let never = 0;
  for (const ticket of tickets) {
    const n = pushes.get(ticket) ?? 0;
    if (n === 0) {
      never += 1;
      continue;
    }
    count += 1;
    total += n;
    max = Math.max(max, n);
  }
  return { tickets: count, max, mean: count === 0 ? 0 : total / count, neverPushed: never };
}
