/**
 * Which faults the sandbox injects during the run. The kinds are read from the sandbox itself, so a kind added
 * there is soaked here without anyone remembering to list it.
 */
import { FAULT_KINDS, type FaultInput, type FaultKind } from '../../src/sandbox/faults';

/** The writes the outbox makes; stats is a read and carries no delivery guarantee. */
const WRITE_ENDPOINTS = ['push', 'update', 'delete'] as const;

/** Latency is not a failure: it only slows the others (and is added on its own, below). */
const NOT_A_FAULT: ReadonlySet<FaultKind> = new Set(['latency']);

/** A little latency on every write, so several requests really overlap (the sandbox would answer in ~1 ms). */
const BACKGROUND_LATENCY: FaultInput = { endpoint: '*', kind: 'latency', ms: 2, jitter: 10 };

export interface FaultPlan {
  kinds: FaultKind[];
  /** Probability of each kind on each request. */
  perKind: number;
  faults: FaultInput[];
}

/**
 * With k kinds each drawn independently with probability p, a request meets at least one with probability
 * 1 - (1 - p)^k; solving that for the overall rate F gives p. (The sandbox stops drawing at the first kind that
 * fires, which changes which kind wins, not how often one does.)
 */
export function faultPlan(rate: number): FaultPlan {
  const kinds = FAULT_KINDS.filter((kind) => !NOT_A_FAULT.has(kind));
  const perKind = rate >= 1 ? 1 : 1 - (1 - rate) ** (1 / kinds.length);
  const faults: FaultInput[] = [BACKGROUND_LATENCY];
  if (perKind > 0) {
    for (const endpoint of WRITE_ENDPOINTS) {
      for (const kind of kinds) faults.push({ endpoint, kind, probability: perKind });
    }
  }
  return { kinds, perKind, faults };
}

/** Fault labels from the request log ('latency+store-then-drop') without the background latency. */
export function firedFaults(label: string | undefined): FaultKind[] {
  if (label === undefined) return [];
  return label.split('+').filter((kind): kind is FaultKind => !NOT_A_FAULT.has(kind as FaultKind));
}
