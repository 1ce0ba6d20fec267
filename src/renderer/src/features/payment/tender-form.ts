import type { RefundMethod, TenderInput } from '../../../../shared/money/ledger-entries';
import { amountDigits, centsOfDigits } from '../drawer/drawer-arithmetic';

/**
 * The payment step's rules, apart from its buttons: what the attendant has chosen and typed (a draft), and whether
 * that makes a tender main will take. Cash is typed the way tills take it, in cents: 2, 0, 0, 0 is $20.00.
 */

/** How the driver pays, as the step offers it: "other" is split into its two kinds, one tap each. */
export const TENDER_CHOICES = ['cash', 'card', 'voucher', 'complimentary'] as const;
export type TenderChoice = (typeof TENDER_CHOICES)[number];

export interface TenderDraft {
  choice: TenderChoice;
  /** Cash: what the driver handed over, in cents; null until a quick amount is tapped or an amount typed. */
  tenderedCents: number | null;
  /** Card, optional: the last 4 digits, and the terminal's approval code. */
  last4: string;
  approvalCode: string;
  /** Voucher or complimentary: why (required). */
  reason: string;
}

export const EMPTY_TENDER: TenderDraft = {
  choice: 'cash',
  tenderedCents: null,
  last4: '',
  approvalCode: '',
  reason: '',
};

/** What still stops the step: the screen words each one. */
export type TenderGap = 'cash-amount' | 'cash-short' | 'card-last4' | 'card-approval' | 'reason';

export type TenderCheck =
  | { ready: true; tender: TenderInput; changeCents: number | null }
  | { ready: false; gap: TenderGap; shortCents: number | null };

const APPROVAL_CODE = /^[A-Z0-9]{2,12}$/;

/** The tender a draft makes for a sale of `amountCents`, or the first thing missing from it. */
export function checkTender(draft: TenderDraft, amountCents: number): TenderCheck {
  const gap = (missing: TenderGap, shortCents: number | null = null): TenderCheck => ({
    ready: false,
    gap: missing,
    shortCents,
  });
  switch (draft.choice) {
    case 'cash': {
      if (draft.tenderedCents === null) return gap('cash-amount');
      if (draft.tenderedCents < amountCents) return gap('cash-short', amountCents - draft.tenderedCents);
      return {
        ready: true,
        tender: { method: 'cash', tenderedCents: draft.tenderedCents },
        changeCents: draft.tenderedCents - amountCents,
      };
    }
    case 'card': {
      const last4 = draft.last4.trim();
      const approvalCode = draft.approvalCode.trim().toUpperCase();
      // Both are optional, but half a number is a slip of the finger, not a choice.
      if (last4 !== '' && !/^\d{4}$/.test(last4)) return gap('card-last4');
      if (approvalCode !== '' && !APPROVAL_CODE.test(approvalCode)) return gap('card-approval');
      return {
        ready: true,
        tender: {
          method: 'card',
          ...(last4 ? { last4 } : {}),
          ...(approvalCode ? { approvalCode } : {}),
        },
        changeCents: null,
      };
    }
    case 'voucher':
    case 'complimentary': {
      const reason = draft.reason.trim();
      if (reason === '') return gap('reason');
      return { ready: true, tender: { method: 'other', kind: draft.choice, reason }, changeCents: null };
    }
  }
}

/**
 * What the amount keys hold, as the step keeps it: the cents they spell as a till reads them (drawer-arithmetic.ts's rule,
 * "2000" is $20.00), or null for no amount yet, which is not the same as $0.00 tapped on purpose.
 */
export function centsOfKeys(digits: string): number | null {
  const clean = amountDigits(digits);
  return clean === '' ? null : centsOfDigits(clean);
}

/** A refund on cancel, as the step drafts it: nothing given back unless the attendant says so. */
export interface RefundDraft {
  give: boolean;
  amountCents: number | null;
  method: RefundMethod;
}

export type RefundCheck =
  | { ready: true; refund: { amountCents: number; method: RefundMethod } | null; needsPin: boolean }
  | { ready: false; gap: 'refund-amount' | 'refund-too-much' };

/**
 * Whether the cancel may go with this refund: none, or 0.01 up to what was paid (net of earlier refunds). Above
 * the kiosk's limit a supervisor's PIN goes with it; main checks both again.
 */
export function checkRefund(draft: RefundDraft, refundableCents: number, pinAboveCents: number | null): RefundCheck {
  if (!draft.give) return { ready: true, refund: null, needsPin: false };
  if (draft.amountCents === null || draft.amountCents <= 0) return { ready: false, gap: 'refund-amount' };
  if (draft.amountCents > refundableCents) return { ready: false, gap: 'refund-too-much' };
  return {
    ready: true,
    refund: { amountCents: draft.amountCents, method: draft.method },
    needsPin: pinAboveCents !== null && draft.amountCents > pinAboveCents,
  };
}
