import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../opscom/controller-config';
import { resolveMetricsExport } from './export-config';
import { startTestKiosk, TEST_ADMIN_PIN, value, type TestKiosk } from '../testing/test-kiosk';
import { createLogger } from '../host/log';
import { parseListenAddress } from '../../../shared/monitoring/metrics-export-settings';
import { startMetricsExport, type RunningMetricsExport } from './metrics-exporter';
import { pushTarget, startMetricsPush } from './metrics-push';
import { startMetricsServer } from './metrics-server';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A stand-in Pushgateway: records each push; `answer` decides the status, or holds the request forever. */
async function fakeGateway(answer: () => number | 'hang' = () => 200) {
  const pushes: Array<{ method: string; path: string; body: string; authorization: string | undefined }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      pushes.push({ method: req.method ?? '', path: req.url ?? '', body, authorization: req.headers.authorization });
      const status = answer();
      if (status === 'hang') return;
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, pushes };
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function capturedLog() {
  const lines: string[] = [];
  return { log: createLogger((_level, line) => lines.push(line)), lines };
}

const staticMetrics = { text: async () => 'kiosk_online{kiosk_id="K1"} 1\n', contentType: 'text/plain; version=0.0.4' };

describe('where the metrics go: settings, environment, flags', () => {
  const stored = { metricsListen: '', pushgatewayUrl: '', pushIntervalSeconds: 15 };

  it('is off by default, and a flag outranks the environment, which outranks the settings', () => {
    expect(resolveMetricsExport({ flags: {}, env: {}, stored })).toEqual({
      listen: null,
      pushgatewayUrl: '',
      pushIntervalSeconds: 15,
      source: 'settings',
    });
    const config = resolveMetricsExport({
      flags: { metricsListen: '[::1]:9464' },
      env: {
        KIOSK_METRICS_LISTEN: '10.0.0.5:9464',
        KIOSK_PUSHGATEWAY_URL: 'http://pg.lot:9091',
        KIOSK_PUSH_INTERVAL_SECONDS: '30',
      },
      stored: { ...stored, metricsListen: '127.0.0.1:1', pushgatewayUrl: 'https://other:9091' },
    });
    expect(config).toEqual({
      listen: { host: '::1', port: 9464 },
      pushgatewayUrl: 'http://pg.lot:9091',
      pushIntervalSeconds: 30,
      source: 'flag',
    });
    expect(
      resolveMetricsExport({
        flags: {},
        env: { KIOSK_METRICS_LISTEN: 'off' },
        stored: { ...stored, metricsListen: '127.0.0.1:9' },
      }),
    ).toMatchObject({ listen: null, source: 'environment' });
  });

  it('refuses, in words, a value that is set but wrong', () => {
    const wrong = (env: Record<string, string>) => () => resolveMetricsExport({ flags: {}, env, stored });
    expect(wrong({ KIOSK_METRICS_LISTEN: 'localhost:9464' })).toThrow(ConfigError);
    expect(wrong({ KIOSK_METRICS_LISTEN: '127.0.0.1:9464x' })).toThrow(/IP address and a port/);
    expect(wrong({ KIOSK_PUSHGATEWAY_URL: 'ftp://pg' })).toThrow(/Pushgateway address/);
    expect(wrong({ KIOSK_PUSH_INTERVAL_SECONDS: '2' })).toThrow(/From 5 to 3600 seconds/);
  });

  it('takes IP literals only, with a real port', () => {
    expect(parseListenAddress('0.0.0.0:9464')).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(parseListenAddress('[fe80::1]:80')).toEqual({ host: 'fe80::1', port: 80 });
    for (const bad of [
      '9464',
      ':9464',
      'kiosk.lan:9464',
      '127.0.0.1:0',
      '127.0.0.1:65536',
      '127.0.0.01:9464',
      '::1:9464',
    ])
      expect(parseListenAddress(bad), bad).toBeUndefined();
  });
});

describe('the /metrics endpoint', () => {
  it('answers GET /metrics in the text format on the address given, and nothing else', async () => {
    const server = await startMetricsServer({ host: '127.0.0.1', port: 0 }, staticMetrics);
    cleanups.push(() => server.close());
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4');
    expect(await response.text()).toBe('kiosk_online{kiosk_id="K1"} 1\n');
    expect((await fetch(server.url.replace('/metrics', '/'))).status).toBe(404);
    expect((await fetch(server.url, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('the Pushgateway push', () => {
  it('puts the metrics in the kiosk’s own group, with a password in the URL sent as Basic and kept out of logs', async () => {
    const gateway = await fakeGateway();
    const { log, lines } = capturedLog();
    const url = gateway.url.replace('http://', 'http://ops:s3cret-pw@') + '/base/';
    const push = startMetricsPush({
      url,
      intervalSeconds: 3600,
      kioskId: () => 'K7QF2MXA',
      metrics: staticMetrics,
      log,
    });
    cleanups.push(() => push.stop());
    await vi.waitFor(() => expect(gateway.pushes).toHaveLength(1));
    expect(gateway.pushes[0]).toEqual({
      method: 'PUT',
      path: '/base/metrics/job/opscom_kiosk/kiosk_id/K7QF2MXA',
      body: 'kiosk_online{kiosk_id="K1"} 1\n',
      authorization: `Basic ${Buffer.from('ops:s3cret-pw').toString('base64')}`,
    });
    expect(pushTarget('https://pg.example:9091', 'K1').url).toBe(
      'https://pg.example:9091/metrics/job/opscom_kiosk/kiosk_id/K1',
    );
    log.warn(`oops ${url}`);
    expect(lines.join('\n')).not.toContain('s3cret-pw');
  });

  it('logs a failing push once per outage, and once when it works again', async () => {
    let status = 503;
    const gateway = await fakeGateway(() => status);
    const { log, lines } = capturedLog();
    const push = startMetricsPush({
      url: gateway.url,
      intervalSeconds: 3600,
      kioskId: () => 'K1',
      metrics: staticMetrics,
      log,
    });
    cleanups.push(() => push.stop());
    await vi.waitFor(() => expect(gateway.pushes).toHaveLength(1));
    for (let i = 0; i < 5; i += 1) expect(await push.pushNow()).toBe(false);
    status = 200;
    expect(await push.pushNow()).toBe(true);
    expect(await push.pushNow()).toBe(true);
    status = 500;
    expect(await push.pushNow()).toBe(false);
    expect(await push.pushNow()).toBe(false);
    expect(lines).toEqual([
      expect.stringMatching(/WARN Metrics push to http:\/\/127\.0\.0\.1:\d+ failed \(HTTP 503\)/),
      expect.stringMatching(/INFO Metrics push to http:\/\/127\.0\.0\.1:\d+ works again/),
      expect.stringMatching(/WARN Metrics push to .* failed \(HTTP 500\)/),
    ]);
  });

  it('gives up on a Pushgateway that never answers, and says why', async () => {
    const gateway = await fakeGateway(() => 'hang');
    const { log, lines } = capturedLog();
    const push = startMetricsPush({
      url: gateway.url,
      intervalSeconds: 3600,
      kioskId: () => 'K1',
      metrics: staticMetrics,
      log,
      timeoutMs: 200,
    });
    cleanups.push(() => push.stop());
    const started = performance.now();
    expect(await push.pushNow()).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(lines.join('\n')).toMatch(/failed \(no answer within 200 ms\)/);
  });
});

describe('the export, with a kiosk core', () => {
  let kiosk: TestKiosk | undefined;
  let exporting: RunningMetricsExport | undefined;
  afterEach(async () => {
    await exporting?.close();
    await kiosk?.close();
    exporting = kiosk = undefined;
  });

  it('issuing does not wait for a Pushgateway that hangs', async () => {
    const gateway = await fakeGateway(() => 'hang');
    kiosk = await startTestKiosk({ core: { env: { KIOSK_PUSHGATEWAY_URL: gateway.url } } });
    exporting = startMetricsExport(
      kiosk.core,
      createLogger(() => undefined),
    );
    await vi.waitFor(() => expect(gateway.pushes.length).toBeGreaterThan(0));
    const zone = kiosk.core.info.zones[0]!.name;
    const times: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const started = performance.now();
      const answer = await kiosk.core.dispatch('permits:issue', {
        requestId: crypto.randomUUID(),
        plate: `HANG${i}`,
        zone,
        durationMinutes: 60,
      });
      times.push(performance.now() - started);
      expect(answer.ok).toBe(true);
    }
    // An issue journals and fsyncs (about a millisecond here); a push held for 10 s cannot be in its way.
    expect(Math.max(...times)).toBeLessThan(500);
  });

  it('starts, moves and stops the endpoint when a supervisor saves the settings', async () => {
    kiosk = await startTestKiosk();
    const k = kiosk;
    exporting = startMetricsExport(
      k.core,
      createLogger(() => undefined),
    );
    await exporting.settled();
    expect(exporting.endpoint).toBeUndefined();
    const port = await freePort();
    const saved = value<{ metricsListen: string; metricsFrom: string }>(
      await k.core.dispatch('settings:update', {
        adminPin: TEST_ADMIN_PIN,
        changes: { metricsListen: `127.0.0.1:${port}` },
      }),
    );
    expect(saved).toMatchObject({ metricsListen: `127.0.0.1:${port}`, metricsFrom: 'settings' });
    await exporting.settled();
    expect(exporting.endpoint).toBe(`http://127.0.0.1:${port}/metrics`);
    const text = await (await fetch(exporting.endpoint!)).text();
    expect(text).toContain(`kiosk_outbox_waiting_actions{kiosk_id="${k.core.info.kioskId}"} 0`);

    const refused = await k.core.dispatch('settings:update', {
      adminPin: TEST_ADMIN_PIN,
      changes: { metricsListen: 'kiosk:1' },
    });
    expect(refused).toMatchObject({ ok: false, error: { problem: { code: 'metrics-listen-format' } } });

    value(await k.core.dispatch('settings:update', { adminPin: TEST_ADMIN_PIN, changes: { metricsListen: '' } }));
    await exporting.settled();
    expect(exporting.endpoint).toBeUndefined();
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });
});
