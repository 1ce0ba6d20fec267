import type { ResponseOf } from '../../../../shared/contract';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { PermitPayments, RefundMethod } from '../../../../shared/money/ledger-entries';
import type { Catalog } from '../../i18n/catalog';
import { checkRefund, type RefundDraft } from '../payment/tender-form';

/**
 * What extending or cancelling a permit may be: the one step open on Active permits, the reasons a cancel gives,
 * the refund it sends (and when it needs the PIN), and the durations an extension offers.
 */

export type ExtendQuote = ResponseOf<'permits:quote-extend'>;

/** Why a permit is cancelled, for the audit log. Sent in English whatever the screen's language, so reports agree. */
export const CANCEL_REASONS = [
  { value: 'Driver left', label: 'reasonDriverLeft' },
  { value: 'Wrong plate', label: 'reasonWrongPlate' },
  { value: 'Duplicate', label: 'reasonDuplicate' },
  { value: 'Other', label: 'reasonOther' },
] as const satisfies readonly { value: string; label: keyof Catalog }[];
export type CancelReason = (typeof CANCEL_REASONS)[number]['value'];

/** The one inline confirm step open on the permits screen (only one row asks at a time). */
export type PendingStep =
  | { kind: 'quoting'; ticketNumber: string; minutes: number }
  | { kind: 'extend'; ticketNumber: string; minutes: number; quote: ExtendQuote }
  | {
      kind: 'cancel';
      ticketNumber: string;
      reason: CancelReason | null;
      /** What was paid for the permit (null while it loads): how much a refund may give back. */
      payments: PermitPayments | null;
      refund: RefundDraft;
      /** Typed by a supervisor when the refund is above the kiosk's limit. */
      adminPin: string;
    };
export type CancelStep = Extract<PendingStep, { kind: 'cancel' }>;

/** A refund goes back the way the money came, where it can (a card to the card); otherwise in cash. */
export function refundMethodOf(payments: PermitPayments): RefundMethod {
  for (const entry of payments.entries) {
    if (entry.type !== 'sale') continue;
    const { tender } = entry;
    if (tender.method === 'card') return 'card';
    if (tender.method === 'other' && tender.kind === 'voucher') return 'voucher';
  }
  return 'cash';
}

/**
 * Whether the open cancel step may be sent, and with which refund and PIN: none while what was paid is unknown
 * and a refund is asked for; the PIN goes only when the refund is above the kiosk's limit, and must be typed then.
 */
export function cancelMoney(
  step: CancelStep,
  info: KioskInfo | null,
):
  | { ready: true; refund: { amountCents: number; method: RefundMethod } | null; adminPin: string | null }
  | {
      ready: false;
    } {
  if (step.refund.give && !step.payments) return { ready: false };
  const check = checkRefund(step.refund, step.payments?.refundableCents ?? 0, info?.refundPinAboveCents ?? null);
  if (!check.ready) return { ready: false };
  if (check.needsPin && step.adminPin === '') return { ready: false };
  return { ready: true, refund: check.refund, adminPin: check.needsPin ? step.adminPin : null };
}

/** The kiosk's default extension first, then the zone's own durations, each once. */
export function extendChoices(info: KioskInfo, zone: string): number[] {
  const presets = info.zones.find((z) => z.name === zone)?.presets.map((p) => p.minutes) ?? [];
  return [...new Set([info.extendMinutes, ...presets])];
}
