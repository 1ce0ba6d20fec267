import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_SECRET_HEADER } from '../../shared/bridge';
import { startTestKiosk, TEST_TOKEN, type TestKiosk } from '../core/testing/test-kiosk';
import { startStation, type RunningStation } from './bridge-server';

let kiosk: TestKiosk;
let station: RunningStation;

beforeEach(async () => {
  kiosk = await startTestKiosk();
  const rendererDir = await mkdtemp(path.join(os.tmpdir(), 'renderer-'));
  await writeFile(
    path.join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  station = await startStation({ core: kiosk.core, rendererDir, port: 0 });
});
afterEach(async () => {
  await station.close();
  await kiosk.close();
});

async function pageSecret(): Promise<string> {
  const html = await (await fetch(station.url)).text();
  const secret = /name="kiosk-bridge-secret" content="([^"]+)"/.exec(html)?.[1];
  if (!secret) throw new Error('no secret in page');
  return secret;
}

function invoke(channel: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${station.url}bridge/invoke/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** fetch() will not let a test forge the Host header, so this goes through node:http. */
function getWithHost(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: station.port, path: '/', headers: { Host: host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });
}

describe('browser station bridge', () => {
  it('serves the page with a per-launch secret and a strict CSP, and static assets', async () => {
    const response = await fetch(station.url);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await pageSecret()).toMatch(/^[\w-]{40,}$/);
    expect(await (await fetch(`${station.url}assets/app.js`)).text()).toBe('console.log(1)');
    expect((await fetch(`${station.url}assets/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  it('answers 401 to a bridge call without the secret, and the contract with it', async () => {
    expect((await invoke('kiosk:info', {})).status).toBe(401);
    expect((await invoke('kiosk:info', {}, { [BRIDGE_SECRET_HEADER]: 'wrong' })).status).toBe(401);
    expect((await fetch(`${station.url}bridge/events`)).status).toBe(401);
    const ok = await invoke('kiosk:info', {}, { [BRIDGE_SECRET_HEADER]: await pageSecret() });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ ok: true, value: { kioskId: kiosk.core.info.kioskId } });
  });

  it('validates requests through the same dispatcher and never returns the token', async () => {
    const headers = { [BRIDGE_SECRET_HEADER]: await pageSecret() };
    const bad = await (await invoke('permits:issue', { plate: '' }, headers)).json();
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const issued = await invoke(
      'permits:issue',
      { requestId: crypto.randomUUID(), plate: 'BRG1', zone: 'Lot 1', durationMinutes: 30 },
      headers,
    );
    const text = await issued.text();
    expect(JSON.parse(text)).toMatchObject({ ok: true, value: { plate: 'BRG1' } });
    expect(text).not.toContain(TEST_TOKEN);
    expect(await (await fetch(station.url)).text()).not.toContain(TEST_TOKEN);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect(await getWithHost('evil.example:80')).toBe(421);
    expect(await getWithHost(`localhost:${station.port}`)).toBe(200);
    const foreign = await invoke(
      'kiosk:info',
      {},
      { [BRIDGE_SECRET_HEADER]: await pageSecret(), Origin: 'http://evil.example' },
    );
    expect(foreign.status).toBe(403);
  });

  it('streams permit events to the page', async () => {
    const secret = await pageSecret();
    const controller = new AbortController();
    const stream = await fetch(`${station.url}bridge/events?secret=${encodeURIComponent(secret)}`, {
      signal: controller.signal,
    });
    const reader = stream.body!.getReader();
    await invoke(
      'permits:issue',
      { requestId: crypto.randomUUID(), plate: 'EVT1', zone: 'Lot 1', durationMinutes: 30 },
      { [BRIDGE_SECRET_HEADER]: secret },
    );
    let text = '';
    while (!text.includes('EVT1')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/event: permit:changed\ndata: .*"plate":"EVT1"/);
    controller.abort();
  });

  it('refuses to listen anywhere but loopback', async () => {
    await expect(
      startStation({ core: kiosk.core, rendererDir: '/nonexistent', port: 0, host: '0.0.0.0' }),
    ).rejects.toThrow(/loopback only/);
  });
});
