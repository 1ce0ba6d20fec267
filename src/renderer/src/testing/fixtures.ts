import { vi } from 'vitest';
import type { ChannelName } from '../../../shared/contract';
import type { KioskError } from '../../../shared/errors/kiosk-error';
import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../shared/permits/permit';
import type { SettingsView } from '../../../shared/settings/settings-view';
import type { Shift } from '../../../shared/shift/shift-view';
import { DENOMINATIONS, type DrawerStatus } from '../../../shared/money/ledger-entries';

/**
 * Shared test data for the renderer's unit tests. Nothing here imports the store or `app/transport/kiosk.ts`,
 * so pure-function tests can use it without a mock.
 */

/**
 * Stands in for main. A test file routes `app/transport/kiosk.ts` here, e.g. from a feature folder with
 * `vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'))`.
 */
export const send = vi.fn<(channel: ChannelName, request: unknown) => Promise<unknown>>();

export const ok = (value: unknown) => Promise.resolve({ ok: true, value });
export const fail = (error: KioskError) => Promise.resolve({ ok: false, error });

/** Answers by channel; a channel without an answer fails loudly so a stray call shows up. */
export function answer(answers: Partial<Record<ChannelName, (request: unknown) => Promise<unknown>>>) {
  send.mockImplementation((channel, request) => {
    const reply = answers[channel];
    if (!reply) throw new Error(`unexpected call to ${channel}`);
    return reply(request);
  });
}

export const callsTo = (channel: ChannelName) => send.mock.calls.filter((c) => c[0] === channel);

export function kioskInfo(overrides: Partial<KioskInfo> = {}): KioskInfo {
  return {
    kioskId: 'K1',
    kioskName: 'Booth 1',
    demoMode: true,
    controllerHost: 'localhost',
    zones: [{ name: 'Lot A', currency: 'CAD', presets: [{ minutes: 60, cents: 450 }] }],
    extendMinutes: 30,
    language: 'en-CA',
    idleResetSeconds: 120,
    adminPin: 'set',
    homeRegions: ['ON'],
    refundPinAboveCents: 2000,
    ...overrides,
  };
}

export function openShift(overrides: Partial<Shift> = {}): Shift {
  return { id: 'S-1', attendant: 'Alex', startedAt: '2026-01-01T08:00:00.000Z', ...overrides };
}

/** An active, sent permit for ABC123 in Lot A, 12:00–13:00 UTC on 1 January 2026. */
export function permit(overrides: Partial<Permit> = {}): Permit {
  return {
    ticketNumber: 'T-1',
    plate: 'ABC123',
    zone: 'Lot A',
    startAt: '2026-01-01T12:00:00.000Z',
    endAt: '2026-01-01T13:00:00.000Z',
    amountCents: 450,
    currency: 'CAD',
    referenceId: null,
    status: 'active',
    issuedAt: '2026-01-01T12:00:00.000Z',
    updatedAt: '2026-01-01T12:00:00.000Z',
    revision: 0,
    sync: 'sent',
    syncProblem: null,
    references: [],
    unreachableCopies: [],
    heldWithoutReference: false,
    reconcile: 'none',
    ...overrides,
  };
}

/** A cancel step for T-1 as it opens, before what was paid is known: no reason, no refund, no PIN yet. */
export function cancelStep() {
  return {
    kind: 'cancel',
    ticketNumber: 'T-1',
    reason: null,
    payments: null,
    refund: { give: false, amountCents: null, method: 'cash' },
    adminPin: '',
  } as const;
}

export function settingsView(overrides: Partial<SettingsView> = {}): SettingsView {
  return {
    controllerUrl: 'https://opscom.example/api',
    controllerSource: 'settings',
    tokenSet: true,
    tokenLast4: '1234',
    tokenStorage: 'the system keychain',
    tokenProtection: 'keyring',
    kioskId: 'K1',
    kioskName: 'Booth 1',
    zones: [{ name: 'Lot A', currency: 'CAD', centsPerHour: 450, maxCents: 2400, presets: [30, 60] }],
    extendMinutes: 30,
    timeMode: 'utc',
    language: 'en-CA',
    outboxConcurrency: 4,
    requestSoftTimeoutMs: 10_000,
    requestHardTimeoutMs: 90_000,
    repeatedTicketRefused: 'unknown',
    idleResetSeconds: 120,
    homeRegions: ['ON'],
    adminPinIsDemo: false,
    demoMode: false,
    ...overrides,
  };
}

/** The drawer of shift S-1 with a $150.00 CAD float, nothing paid out or dropped, not counted. */
export function drawerStatus(overrides: Partial<DrawerStatus> = {}): DrawerStatus {
  return {
    shiftId: 'S-1',
    currency: 'CAD',
    floatCents: 15000,
    denominations: [...DENOMINATIONS.CAD!],
    paidOuts: 0,
    drops: 0,
    lastCount: null,
    ...overrides,
  };
}
