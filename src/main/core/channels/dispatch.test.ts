import { afterEach, describe, expect, it } from 'vitest';
import { channelNames, channels, resultSchema, type ChannelName } from '../../../shared/contract';
import { startTestKiosk, type TestKiosk } from '../testing/test-kiosk';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

describe('contract validation in main', () => {
  it('answers every contract channel with its contract’s answer', async () => {
    kiosk = await startTestKiosk();
    const { dispatch } = kiosk.core;
    const issued = await dispatch('permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'ABC123',
      zone: 'Lot 1',
      durationMinutes: 60,
    });
    const ticketNumber = issued.ok ? (issued.value as { ticketNumber: string }).ticketNumber : '';
    const second = await dispatch('permits:issue', {
      requestId: crypto.randomUUID(),
      plate: 'ABC124',
      zone: 'Lot 1',
      durationMinutes: 60,
      tender: { method: 'card', last4: '4242' },
    });
    const toFix = second.ok ? (second.value as { ticketNumber: string }).ticketNumber : '';
    // Every channel, in an order that makes sense; a Record so that a new channel fails to compile here.
    const requests: Record<ChannelName, unknown> = {
      'kiosk:info': {},
      'kiosk:connection': {},
      'kiosk:print': { what: 'receipt' },
      'kiosk:printers': {},
      'kiosk:set-language': { language: 'fr-CA' },
      'permits:list': {},
      'permits:get': { ticketNumber },
      'permits:issue': { requestId: crypto.randomUUID(), plate: 'XYZ789', zone: 'Lot 1', durationMinutes: 30 },
      'permits:quote-extend': { ticketNumber, minutes: 30 },
      'permits:extend': { requestId: crypto.randomUUID(), ticketNumber, minutes: 30 },
      'permits:cancel': { requestId: crypto.randomUUID(), ticketNumber, reason: 'Driver left' },
      'permits:fix-plate': { requestId: crypto.randomUUID(), ticketNumber: toFix, plate: 'ABC125', reason: 'Typo' },
      'permits:payments': { ticketNumber: toFix },
      'issue:choices': {},
      'issue:remember': { zone: 'Lot 1', minutes: 60 },
      'shift:current': {},
      'shift:start': { attendant: 'Second' }, // one is open already: refused, in words
      'shift:summary': {},
      'drawer:status': {},
      'drawer:open': { floatCents: 10000 },
      'drawer:paid-out': { requestId: crypto.randomUUID(), amountCents: 500, reason: 'Window cleaning' },
      'drawer:drop': { requestId: crypto.randomUUID(), amountCents: 2000, reason: 'Safe' },
      'drawer:count': {
        counts: [
          { cents: 5000, count: 1 },
          { cents: 2000, count: 1 },
        ],
      }, // 500 short: in tolerance
      'reports:x': {},
      'shift:close': {},
      'reports:z': {},
      'reports:day': {},
      'occupancy:get': { refresh: true },
      'settings:get': { adminPin: '1234' },
      'settings:set-first-pin': { newAdminPin: '2468' }, // one is set already: refused
      'settings:update': { adminPin: '1234', changes: { kioskName: 'Booth 9' } },
      'settings:test-connection': { adminPin: '1234' },
      'outbox:status': {},
      'outbox:list': {},
      'outbox:flush': { reason: 'manual' },
      'outbox:retry': { actionId: 'nothing-parked' },
      'outbox:correct-plate': { actionId: 'nothing-parked', plate: 'ABC124' },
      'outbox:discard': { actionId: 'nothing-parked', adminPin: '1234' },
      'reconcile:list': {},
      'reconcile:export-csv': {},
      'reconcile:clear': { ticketNumber, adminPin: '1234' }, // not on the list: refused
      'audit:export-csv': {},
    };
    const refused = new Set<ChannelName>([
      'shift:start',
      'settings:set-first-pin',
      'outbox:retry',
      'outbox:correct-plate',
      'outbox:discard',
      'reconcile:clear',
    ]);
    for (const channel of channelNames) {
      const answer = await dispatch(channel, requests[channel]);
      expect(resultSchema(channels[channel].response).safeParse(answer).success, channel).toBe(true);
      if (refused.has(channel)) {
        expect(answer, channel).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      } else {
        expect(answer, channel).toMatchObject({ ok: true });
      }
    }
  });

  it('rejects unknown channels and malformed requests with typed, plain-words errors', async () => {
    kiosk = await startTestKiosk();
    const { dispatch } = kiosk.core;
    expect(await dispatch('fs:readFile', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });

    const base = { requestId: crypto.randomUUID(), plate: 'ABC123', zone: 'Lot 1', durationMinutes: 30 };
    const cases: Array<[unknown, string, RegExp]> = [
      [{ ...base, plate: '' }, 'plate', /Enter a licence plate/],
      [{ ...base, plate: 'A'.repeat(26) }, 'plate', /at most 25/],
      [{ ...base, durationMinutes: 0 }, 'durationMinutes', /at least one minute/],
      [{ ...base, durationMinutes: 'ten' }, 'durationMinutes', /Choose a duration/],
      [{ ...base, requestId: 'not-a-uuid' }, 'requestId', /request id/],
      [{ ...base, zone: undefined }, 'zone', /Choose a zone/],
      [{ ...base, apiToken: 'sneaky' }, '', /does not accept: apiToken/],
    ];
    for (const [request, field, message] of cases) {
      const result = await dispatch('permits:issue', request);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-request');
        expect(result.error.message).toMatch(message);
        if (field) expect(result.error.field).toBe(field);
      }
    }
    expect(kiosk.sandbox.permits()).toHaveLength(0);
  });

  it('never hands the API token to the renderer', async () => {
    kiosk = await startTestKiosk();
    const answers = await Promise.all(
      ['kiosk:info', 'kiosk:connection', 'permits:list'].map((c) => kiosk!.core.dispatch(c, {})),
    );
    expect(JSON.stringify(answers)).not.toContain('KIOSK-TEST-TOKEN');
  });
});
