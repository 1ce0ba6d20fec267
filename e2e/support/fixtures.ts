import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { hashPin } from '../../src/main/core/settings/admin-pin';
import { parseSandboxArgs } from '../../src/sandbox/cli-args';
import { startSandbox, type SandboxPermit } from '../../src/sandbox/server';
import { startBuilt, tempDataDir } from './processes';
import { signIn } from './shift';

export const SANDBOX_TOKEN = 'E2E-TOKEN-0123456789-abcdefghijklmnopqrstuvwxyzABC'; // 50 characters

/** The sandbox's own view of a permit, as `GET /__sandbox/permits` returns it. */
export type SandboxPermitView = SandboxPermit;

interface Fixtures {
  /** The OPSCOM sandbox, as `npm run sandbox` starts it, on a port of its own: fresh for each test. */
  sandbox: { url: string; permits: () => Promise<SandboxPermitView[]> };
  /** The browser station against that sandbox, started from its CLI (`npm run station`), on its own data folder. */
  station: { url: string; output: () => string };
  /** The page, opened on that station: its first screen (Start shift). */
  kiosk: Page;
  /** The page, opened on that station and signed in as ATTENDANT with the usual float: the Issue screen. */
  attendant: Page;
}

export const test = base.extend<Fixtures>({
  sandbox: async ({}, use) => {
    // In this worker's process, started with the options `npm run sandbox -- --port 0 --token …` gives its CLI: a
    // fresh sandbox per test, without a process start each time (the CLI itself: src/sandbox/cli.integration.test.ts).
    const parsed = parseSandboxArgs(['--port', '0', '--token', SANDBOX_TOKEN]);
    if (parsed.kind !== 'run') throw new Error(`The sandbox's flags were refused: ${JSON.stringify(parsed)}`);
    const sandbox = await startSandbox(parsed.options);
    const { url } = sandbox;
    await use({
      url,
      permits: async () =>
        ((await (await fetch(`${url}/__sandbox/permits`)).json()) as { permits: SandboxPermitView[] }).permits,
    });
    await sandbox.close();
  },
  station: async ({ sandbox }, use, testInfo) => {
    const station = await launchStation({ OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: SANDBOX_TOKEN });
    await use(station);
    await station.stop();
    // A failed test keeps what the station said (its deliveries, refusals and faults), to be read without a rerun.
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('station output', { body: station.output(), contentType: 'text/plain' });
    }
  },
  kiosk: async ({ page, station }, use) => {
    await page.goto(station.url);
    await use(page);
  },
  attendant: async ({ kiosk }, use) => {
    await signIn(kiosk);
    await use(kiosk);
  },
});

export interface LaunchedStation {
  url: string;
  dataDir: string;
  output: () => string;
  /** Stops it and removes its data folder. */
  stop: () => Promise<void>;
  /** kill -9 of the whole station (its process group): no chance to finish anything. */
  crash: () => Promise<void>;
}

/** The admin PIN every e2e kiosk was set up with, as a supervisor does on a new kiosk's first screen. */
export const ADMIN_PIN = '1234';
let adminPinHash: Promise<string> | undefined;

/** Writes the settings a supervisor leaves behind on a new kiosk's first screen: the admin PIN (ADMIN_PIN). */
export async function presetAdminPin(dataDir: string): Promise<void> {
  adminPinHash ??= hashPin(ADMIN_PIN);
  await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify({ adminPinHash: await adminPinHash }), {
    mode: 0o600,
  });
}

/**
 * The station's CLI (`npm run station`) on a fresh data folder (or the given one), with these controller settings.
 * A fresh folder gets the admin PIN already set (ADMIN_PIN) unless `firstStart` asks for a kiosk that has none yet.
 */
export async function launchStation(
  env: Record<string, string>,
  dataDir?: string,
  /** `args`: more station flags, such as `--provision <file>`. */
  options: { firstStart?: boolean; args?: string[] } = {},
): Promise<LaunchedStation> {
  const data = dataDir ? { dir: dataDir, remove: async () => undefined } : await tempDataDir();
  if (!dataDir && !options.firstStart) await presetAdminPin(data.dir);
  const station = await startBuilt(
    'station',
    ['--port', '0', '--no-open', ...(options.args ?? [])],
    /Kiosk station ready at (http:\/\/127\.0\.0\.1:\d+\/)/,
    { ...env, KIOSK_DATA_DIR: data.dir },
  );
  return {
    url: station.match[1]!,
    dataDir: data.dir,
    output: station.output,
    stop: async () => {
      await station.stop();
      await data.remove();
    },
    crash: () => station.kill9(),
  };
}

/** Drives the sandbox's loopback-only fault switches, as `POST /__sandbox/faults` documents. */
export async function setFaults(sandboxUrl: string, faults: Array<Record<string, unknown>>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: faults.length ? 'POST' : 'DELETE',
    headers: { 'Content-Type': 'application/json' },
    ...(faults.length ? { body: JSON.stringify({ faults }) } : {}),
  });
  if (!response.ok) throw new Error(`The sandbox refused the faults: ${await response.text()}`);
}

export { expect };
