/**
 * Every contract channel, through the station's bridge, with generated malformed payloads: each must end in a
 * typed answer (never a 500, never an "internal" failure), and the kiosk must keep answering afterwards.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_SECRET_HEADER } from '../../shared/bridge';
import { channelNames, channels } from '../../shared/contract';
import { KioskErrorSchema } from '../../shared/errors/kiosk-error';
import { propertyRuns } from '../../testing/property-runs';
import { startTestKiosk, type TestKiosk } from '../core/testing/test-kiosk';
import { startStation, type RunningStation } from './bridge-server';

let kiosk: TestKiosk;
let station: RunningStation;
let secret: string;

beforeAll(async () => {
  kiosk = await startTestKiosk();
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'renderer-fuzz-'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  station = await startStation({ core: kiosk.core, rendererDir, port: 0 });
  const html = await (await fetch(station.url)).text();
  secret = /name="kiosk-bridge-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
});
afterAll(async () => {
  await station.close();
  await kiosk.close();
});

/** The field names a channel takes, so payloads also look almost right, with wrong values. */
function fieldsOf(channel: (typeof channelNames)[number]): string[] {
  const schema = channels[channel].request as unknown as { shape?: Record<string, unknown> };
  return Object.keys(schema.shape ?? {});
}

/** Values of the kinds the contract takes (and not), so many payloads pass validation and reach a handler. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^\d{1,8}$/),
  fc.uuid(),
  fc.integer({ min: -10, max: 100_000 }),
  fc.boolean(),
  fc.constantFrom('en-CA', 'fr-CA', 'manual', 'online', 'receipt', 'Lot 1', 'https://example.com'),
  fc.jsonValue(),
);

const payload = (channel: (typeof channelNames)[number]) =>
  fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }), // mostly not JSON at all
    fc
      .dictionary(fc.constantFrom(...fieldsOf(channel), '__proto__', 'constructor', 'extra'), fieldValue, {
        maxKeys: 6,
      })
      .map((value) => JSON.stringify(value)),
  );

const call = fc.constantFrom(...channelNames).chain((channel) => fc.tuple(fc.constant(channel), payload(channel)));

const ERROR_CODES = new Set<string>(KioskErrorSchema.shape.code.options);

describe('every contract channel under malformed payloads', () => {
  it('answers each with a typed result, never a 500, and stays up', async () => {
    const runs = propertyRuns(5000);
    let calls = 0;
    await fc.assert(
      fc.asyncProperty(call, async ([channel, body]) => {
        calls += 1;
        const response = await fetch(`${station.url}bridge/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [BRIDGE_SECRET_HEADER]: secret },
          body,
        });
        expect(response.status, `${channel} ${body}`).toBe(200);
        const answer = (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
        if (!answer.ok) {
          expect(ERROR_CODES.has(answer.error?.code ?? ''), `${channel} ${body}`).toBe(true);
          expect(answer.error?.code, `${channel} ${body}: ${answer.error?.message}`).not.toBe('internal');
          expect(answer.error?.message).toMatch(/\w/);
        }
      }),
      { numRuns: runs },
    );
    expect(calls).toBe(runs);
    const alive = await kiosk.core.dispatch('kiosk:info', {});
    expect(alive.ok).toBe(true);
  }, 180_000);
});
