import { statSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { ProvisionError } from '../settings/provisioning';
import type { SettingsBacking } from '../settings/stored-settings';
import { listenOnLoopback } from '../testing/loopback-server';
import { TEST_TOKEN } from '../testing/test-kiosk';
import { parseLaunchFlags, TOKEN_FLAG_WARNING } from './launch-flags';
import { createLogger } from './log';
import { memorySecretStore } from './secret-store';
import { startHost, type RunningHost } from './start-host';

let dir: string | undefined;
let sandbox: RunningSandbox | undefined;
let host: RunningHost | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await host?.stop();
  await sandbox?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  host = sandbox = dir = undefined;
});

describe('one start-up for the Electron app and the station', () => {
  it('starts the core from the command line: token file, private folder, provisioning, then metrics', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'start-host-'));
    const dataDir = path.join(dir, 'data');
    const tokenFile = path.join(dir, 'token');
    await writeFile(tokenFile, `${TEST_TOKEN}\n`, { mode: 0o600 });
    sandbox = await startSandbox({ port: 0, tokens: [TEST_TOKEN] });
    const probe = await listenOnLoopback(http.createServer());
    const metricsPort = new URL(probe.url).port;
    await probe.close();
    const lines: string[] = [];
    const backing: SettingsBacking = { store: {} };
    let folderModeWhenOpened: number | undefined;

    const flags = ['--url', sandbox.url, '--token-file', tokenFile, '--metrics-listen', `127.0.0.1:${metricsPort}`];
    const provisioning = path.join(dataDir, 'kiosk-provision.json');
    // The provisioning file in the data folder is read when --provision names none.
    await mkdir(dataDir);
    await writeFile(provisioning, JSON.stringify({ kioskName: 'North gate' }));
    host = await startHost(
      parseLaunchFlags(flags),
      {
        dataDir,
        log: createLogger((_level, line) => lines.push(line)),
        openSettings: (folder) => {
          expect(folder).toBe(dataDir);
          folderModeWhenOpened = statSync(folder).mode & 0o777;
          return backing;
        },
        secrets: memorySecretStore(),
      },
      { env: {} },
    );

    if (process.platform !== 'win32') expect(folderModeWhenOpened).toBe(0o700);
    expect(lines).toContain(`[kiosk] INFO Provisioning: ${provisioning} applied (kioskName).`);
    expect(host.core.info).toMatchObject({
      kioskName: 'North gate',
      demoMode: false,
      controllerHost: new URL(sandbox.url).host,
    });
    await host.metricsExport.settled();
    expect(host.metricsExport.endpoint).toBe(`http://127.0.0.1:${metricsPort}/metrics`);
    const metrics = await fetch(host.metricsExport.endpoint!);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('kiosk_');
  });

  it('warns about --token, and stops at a bad provisioning file before the core starts', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'start-host-'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad = path.join(dir, 'kiosk-provision.json');
    await writeFile(bad, JSON.stringify({ kioskName: 42 }));
    const opened: string[] = [];
    const start = startHost(
      parseLaunchFlags(['--url', 'http://127.0.0.1:9', '--token', TEST_TOKEN, '--provision', bad]),
      {
        dataDir: path.join(dir, 'data'),
        log: createLogger(() => undefined),
        openSettings: (folder) => {
          opened.push(folder);
          return { store: {} };
        },
        secrets: memorySecretStore(),
      },
      { env: {} },
    );
    await expect(start).rejects.toBeInstanceOf(ProvisionError);
    await expect(start).rejects.toThrow(`${bad} is not a valid provisioning file`);
    expect(warn).toHaveBeenCalledWith(TOKEN_FLAG_WARNING);
    expect(opened).toEqual([path.join(dir, 'data')]);
  });

  it('names the flag whose value is wrong', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'start-host-'));
    const start = (args: string[]) =>
      startHost(
        parseLaunchFlags(args),
        {
          dataDir: dir!,
          log: createLogger(() => undefined),
          openSettings: () => ({ store: {} }),
          secrets: memorySecretStore(),
        },
        { env: {} },
      );
    await expect(start(['--push-interval', '2'])).rejects.toThrow(/^--push-interval: From 5 to 3600 seconds/);
    await expect(start(['--metrics-listen', 'localhost:9464'])).rejects.toThrow(/^--metrics-listen: .*IP address/);
    await expect(start(['--pushgateway-url', 'ftp://pg'])).rejects.toThrow(/^--pushgateway-url: .*Pushgateway/);
  });
});
