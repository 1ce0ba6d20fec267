import type { Problem } from '../../../shared/errors/problems';

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

/** `fix-plate`: the plate corrected after the sale; delivered like an extend (an update with the whole values). */
export type ActionKind = 'issue' | 'extend' | 'fix-plate' | 'cancel';

/** Kinds OPSCOM receives as an `update` with the permit's values; consecutive ones merge into one request. */
export function isUpdate(kind: ActionKind): boolean {
  return kind === 'extend' || kind === 'fix-plate';
}

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

/** What the kiosk does when it sees 9022 after resending a push: the setting "OPSCOM refuses a repeated ticket
 * number with 9022". `yes` makes a resend safe; `no` means every resend may store another copy. */
export type RepeatedTicketPolicy = 'unknown' | 'yes' | 'no';

/** Why an action was settled without reaching OPSCOM and handed to a supervisor. */
export type HandoverReason =
  /** OPSCOM holds the permit but never told us its reference, so an extend or cancel cannot be sent. */
  | 'no-reference'
  /** Cancelled after a push whose answer was unclear: resending it would only add a copy to remove. */
  | 'cancelled-after-unclear';

export type JournalRecord =
  | { r: 'header'; generation: number }
  | { r: 'accept'; action: OutboxAction }
  /** A request is about to leave: a push with the values it sends, an update or delete with its reference. */
  | { r: 'attempt'; ids: string[]; at: string; sent?: PermitValues; referenceId?: string }
  /**
   * OPSCOM confirmed: a push with the reference it returned, an update or delete with the reference it reached.
   * `notStored`: OPSCOM refuses repeated ticket numbers, so this push's earlier unclear attempts stored nothing.
   */
  | { r: 'delivered'; ids: string[]; at: string; referenceId: string | null; notStored?: boolean }
  /** No usable answer. `maybeStored`: OPSCOM may have acted on it (see the client's Certainty). */
  | {
      r: 'failed';
      ids: string[];
      at: string;
      message: string;
      problem?: Problem;
      maybeStored: boolean;
      reason?: string;
    }
  | { r: 'parked'; id: string; at: string; message: string; problem?: Problem }
  | { r: 'voided'; ids: string[]; at: string }
  /**
   * 9022 to a resent push: OPSCOM holds the permit from an earlier attempt whose answer was lost, and the kiosk
   * has no reference for it. `collapse`: OPSCOM refuses repeated ticket numbers, so exactly one copy exists.
   */
  | { r: 'held'; ids: string[]; at: string; message: string; collapse: boolean }
  | { r: 'handed'; ids: string[]; at: string; why: HandoverReason }
  /** A supervisor found and fixed this permit's copies in OPSCOM's portal (with the admin PIN). */
  | { r: 'cleared'; ticketNumber: string; at: string; by: string | null; note?: string }
  | { r: 'retry'; id: string; at: string }
  | { r: 'corrected'; id: string; at: string; plate: string }
  | { r: 'discarded'; ids: string[]; at: string };
