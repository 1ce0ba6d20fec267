import { afterEach, describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/contract';
import { startTestKiosk, type TestKiosk } from './testing/test-kiosk';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

describe('contract validation in main', () => {
  it('answers every contract channel', async () => {
    kiosk = await startTestKiosk();
    for (const channel of ['kiosk:info', 'kiosk:connection', 'permits:list'] as const) {
      expect(await kiosk.core.dispatch(channel, {})).toMatchObject({ ok: true });
    }
    expect(channelNames).toContain('permits:issue');
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
