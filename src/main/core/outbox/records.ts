/**
 * What the outbox writes to its journal. Every action carries the permit's whole intended state after it,
 * which makes coalescing a matter of sending the last one's values.
 */
export interface PermitValues {
  plate: string;
  zone: string;
  startAt: string;
  endAt: string;
  amountCents: number;
  currency: string;
}

export type ActionKind = 'issue' | 'extend' | 'cancel';

export interface OutboxAction {
  /** The request id the attendant's tap carried: the same tap twice is one action. */
  id: string;
  /** Order in which actions were taken, across all permits. */
  seq: number;
  ticketNumber: string;
  kind: ActionKind;
  values: PermitValues;
  takenAt: string;
  attendant: string | null;
  /** What the driver paid for this action: the price of an issue, what an extension added, 0 for a cancel. */
  chargedCents?: number;
  /** Why, in the attendant's words (a cancel's reason). */
  note?: string;
}

export type JournalRecord =
  | { r: 'header'; generation: number }
  | { r: 'accept'; action: OutboxAction }
  | { r: 'attempt'; ids: string[]; at: string }
  | { r: 'delivered'; ids: string[]; at: string; referenceId: string | null }
  | { r: 'failed'; ids: string[]; at: string; message: string; maybeStored: boolean }
  | { r: 'parked'; id: string; at: string; message: string }
  | { r: 'voided'; ids: string[]; at: string }
  | { r: 'retry'; id: string; at: string }
  | { r: 'corrected'; id: string; at: string; plate: string }
  | { r: 'discarded'; ids: string[]; at: string };
