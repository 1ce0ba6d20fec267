/**
 * The real OPSCOM client against the sandbox with every injectable fault: each must end in the documented
 * outcome (never a throw), in both error-status styles, and the sandbox must show what really got stored.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type FaultInput, type RunningSandbox } from '../../../sandbox/server';
import { createLogger } from '../host/log';
import { OpscomClient, type OpscomOutcome } from './client';
import { DOCUMENTED_PERMIT } from './documented-example';

const TOKEN = 'FAULT-TEST-TOKEN-0123456789';
const TIMEOUT_MS = 3000;

/** Every line any client logged in this file: the token must appear in none of them. */
const lines: string[] = [];
const running: RunningSandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
  expect(lines.join('\n')).not.toContain(TOKEN);
});
afterAll(() => {
  // The faults produce warnings, so the check above really looked at something.
  expect(lines.length).toBeGreaterThan(10);
  expect(lines.join('\n')).not.toContain(TOKEN);
});

async function sandbox(errorStatus: 'http' | 200, faults: FaultInput[] = []): Promise<RunningSandbox> {
  const started = await startSandbox({ tokens: [TOKEN], errorStatus, faults });
  running.push(started);
  return started;
}

function clientFor(controller: RunningSandbox, timeoutMs = TIMEOUT_MS): OpscomClient {
  return new OpscomClient({
    baseUrl: controller.url,
    apiToken: TOKEN,
    log: createLogger((_level, line) => lines.push(line)),
    softTimeoutMs: timeoutMs,
    hardTimeoutMs: timeoutMs,
  });
}

const permit = DOCUMENTED_PERMIT;

function referenceOf(outcome: OpscomOutcome<{ referenceId: string }>): string {
  if (outcome.kind !== 'success') throw new Error(`expected success, got ${JSON.stringify(outcome)}`);
  return outcome.value.referenceId;
}

for (const errorStatus of ['http', 200] as const) {
  describe(`the client against sandbox faults (errors carried by ${errorStatus})`, () => {
    it('reset: transient, nothing stored, logged as reset', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind: 'reset' }]);
      const outcome = await clientFor(controller).push(permit);
      expect(outcome).toMatchObject({ kind: 'transient', httpStatus: null, retryAfterMs: null });
      expect(controller.permits()).toEqual([]);
      expect(controller.requestLog()).toMatchObject([{ fault: 'reset', status: null, response: null }]);
    });

    it('store-then-drop: transient, but stored; the retry makes a second record with the same permitNo', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind: 'store-then-drop', count: 1 }]);
      const client = clientFor(controller);

      expect(await client.push(permit)).toMatchObject({ kind: 'transient', httpStatus: null });
      expect(controller.permits()).toMatchObject([{ permitNo: 'L4-1138', timesStored: 1 }]);
      expect(controller.requestLog()).toMatchObject([
        { fault: 'store-then-drop', status: 200, response: { status: 'success' } },
      ]);

      const retried = referenceOf(await client.push(permit));
      const permits = controller.permits();
      expect(permits).toHaveLength(2);
      expect(permits.map((stored) => [stored.permitNo, stored.timesStored])).toEqual([
        ['L4-1138', 2],
        ['L4-1138', 2],
      ]);
      // The kiosk only ever learned the second reference: the first record is the orphaned duplicate.
      expect(permits[1]?.referenceId).toBe(retried);
      expect(permits[0]?.referenceId).not.toBe(retried);
    });

    it.each([
      ['status-500', 500],
      ['status-502', 502],
      ['status-503', 503],
    ] as const)('%s: transient with that HTTP status, nothing stored', async (kind, httpStatus) => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind }]);
      expect(await clientFor(controller).push(permit)).toMatchObject({
        kind: 'transient',
        httpStatus,
        retryAfterMs: null,
      });
      expect(controller.permits()).toEqual([]);
      expect(controller.requestLog()).toMatchObject([{ fault: kind, status: httpStatus }]);
    });

    it('rate-limit with Retry-After 3: transient, retry after 3000 ms', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind: 'rate-limit', retryAfter: 3 }]);
      expect(await clientFor(controller).push(permit)).toMatchObject({
        kind: 'transient',
        httpStatus: 429,
        retryAfterMs: 3000,
      });
      expect(controller.permits()).toEqual([]);
    });

    it('rate-limit without Retry-After: transient, no retry hint', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'stats', kind: 'rate-limit' }]);
      expect(await clientFor(controller).stats()).toMatchObject({
        kind: 'transient',
        httpStatus: 429,
        retryAfterMs: null,
      });
    });

    it('hang: the client gives up after its timeout, says so, and close() does not wait for it', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: '*', kind: 'hang' }]);
      const outcome = await clientFor(controller, 300).push(permit);
      expect(outcome).toMatchObject({ kind: 'transient', httpStatus: null });
      expect(outcome.kind === 'transient' && outcome.message).toMatch(/did not answer/);
      expect(controller.permits()).toEqual([]);
      expect(controller.requestLog()).toMatchObject([{ fault: 'hang', status: null }]);
    });

    it.each(['html-200', 'truncated-json-200'] as const)(
      '%s: transient (not the documented reply), nothing stored',
      async (kind) => {
        const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind }]);
        expect(await clientFor(controller).push(permit)).toMatchObject({ kind: 'transient', httpStatus: 200 });
        expect(controller.permits()).toEqual([]);
      },
    );

    it('refused connections: transient, and the next call after the refusal ends succeeds', async () => {
      const controller = await sandbox(errorStatus);
      const client = clientFor(controller);
      referenceOf(await client.push(permit)); // leaves a kept-alive connection, which the refusal must end too

      const listeningAgain = controller.refuseConnections(1000);
      const outcome = await client.push({ ...permit, permitNo: 'L4-1139' });
      expect(outcome).toMatchObject({ kind: 'transient', httpStatus: null });
      expect(outcome.kind === 'transient' && outcome.message).toMatch(/Could not reach/);
      await listeningAgain;

      referenceOf(await client.push({ ...permit, permitNo: 'L4-1140' }));
      expect(controller.permits().map((stored) => stored.permitNo)).toEqual(['L4-1138', 'L4-1140']);
    });

    it('a repeated permitNo with rejectDuplicatePermitNo switched on at runtime: duplicate (9022)', async () => {
      const controller = await sandbox(errorStatus);
      const client = clientFor(controller);
      referenceOf(await client.push(permit));
      referenceOf(await client.push(permit)); // off by default: a second record

      controller.setOptions({ rejectDuplicatePermitNo: true });
      expect(await client.push(permit)).toMatchObject({ kind: 'duplicate', errorCode: 9022 });
      expect(controller.permits()).toHaveLength(2);

      controller.setOptions({ rejectDuplicatePermitNo: false });
      referenceOf(await client.push(permit));
      expect(controller.permits()).toHaveLength(3);
    });

    it('latency 200 ms: success, and it took at least 200 ms', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: '*', kind: 'latency', ms: 200 }]);
      const started = performance.now();
      const outcome = await clientFor(controller).push(permit);
      const took = performance.now() - started;
      referenceOf(outcome);
      expect(took).toBeGreaterThanOrEqual(200);
      expect(controller.requestLog()).toMatchObject([{ fault: 'latency', latencyMs: 200, status: 200 }]);
    });

    it('latency past the client timeout: transient, yet the permit is stored (another road to a duplicate)', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind: 'latency', ms: 600, count: 1 }]);
      const outcome = await clientFor(controller, 200).push(permit);
      expect(outcome).toMatchObject({ kind: 'transient', httpStatus: null });
      await expect.poll(() => controller.permits().length, { timeout: 3000 }).toBe(1);
    });

    it('count=1: the first call is faulted, the second succeeds', async () => {
      const controller = await sandbox(errorStatus, [{ endpoint: 'push', kind: 'status-503', count: 1 }]);
      const client = clientFor(controller);
      expect(await client.push(permit)).toMatchObject({ kind: 'transient', httpStatus: 503 });
      referenceOf(await client.push(permit));
      expect(controller.faults()).toEqual([]);
      expect(controller.permits()).toHaveLength(1);
    });

    it('"*" faults every endpoint; a push-only fault leaves the others alone', async () => {
      const controller = await sandbox(errorStatus);
      const client = clientFor(controller);
      const referenceId = referenceOf(await client.push(permit));

      controller.setFaults([{ endpoint: 'push', kind: 'status-500' }]);
      expect((await client.stats()).kind).toBe('success');
      expect((await client.update({ referenceId, endAt: '2018-07-02T10:00:00.000Z' })).kind).toBe('success');
      expect(await client.push(permit)).toMatchObject({ kind: 'transient', httpStatus: 500 });

      controller.setFaults([{ endpoint: '*', kind: 'status-502' }]);
      expect(await client.stats()).toMatchObject({ kind: 'transient', httpStatus: 502 });
      expect(await client.update({ referenceId, endAt: '2018-07-02T10:30:00.000Z' })).toMatchObject({
        kind: 'transient',
        httpStatus: 502,
      });
      expect(await client.delete(referenceId)).toMatchObject({ kind: 'transient', httpStatus: 502 });

      controller.clearFaults();
      expect((await client.delete(referenceId)).kind).toBe('success');
    });
  });
}
