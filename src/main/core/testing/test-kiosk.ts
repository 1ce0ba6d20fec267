import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { startDemoController } from '../../../sandbox/demo-controller';
import type { Result } from '../../../shared/errors/kiosk-error';
import type { Clock } from '../../../shared/time';
import { hashPin } from '../settings/admin-pin';
import { startKioskCore, type KioskCore, type KioskCoreOptions } from '../host/kiosk-core';
import { createLogger } from '../host/log';
import { memorySecretStore, type SecretStore } from '../host/secret-store';
import type { SettingsBacking } from '../settings/stored-settings';

export const TEST_TOKEN = 'KIOSK-TEST-TOKEN';
export const TEST_ADMIN_PIN = '1234';

/** scrypt is slow on purpose: each PIN is hashed once per test run. */
const pinHashes = new Map<string, Promise<string>>();
function pinHash(pin: string): Promise<string> {
  if (!pinHashes.has(pin)) pinHashes.set(pin, hashPin(pin));
  return pinHashes.get(pin)!;
}

/** The value of a successful answer; a failed one fails the test with main's own words. */
export function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A kiosk core on a temporary data folder against a fresh sandbox, for tests that drive the core directly. */
export interface TestNetwork {
  online: boolean;
  /**
   * Sees every request on its way to OPSCOM; may answer itself, or forward and then misbehave. `init` is the
   * request as the client made it (its abort signal included), to send it to another server.
   */
  intercept?: (
    path: string,
    body: Record<string, string>,
    forward: () => Promise<Response>,
    init: RequestInit | undefined,
  ) => Promise<Response>;
}

export interface TestKiosk {
  core: KioskCore;
  /** Cut or restore the kiosk's network: while off, every request to OPSCOM fails as if the cable were out. */
  network: TestNetwork;
  sandbox: RunningSandbox;
  dataDir: string;
  settings: SettingsBacking;
  logLines: string[];
  /** Stops the core, runs `whileStopped` (to alter its data folder as a crash or a tool would), starts it again. */
  restart(whileStopped?: () => void | Promise<void>): Promise<KioskCore>;
  close(): Promise<void>;
}

export async function startTestKiosk(
  options: {
    clock?: Clock;
    core?: KioskCoreOptions;
    sandbox?: RunningSandbox;
    token?: string;
    signIn?: boolean;
    /** Stored settings the kiosk starts with, as a supervisor would have saved them. */
    settings?: Record<string, unknown>;
    /** The admin PIN a supervisor set up (default TEST_ADMIN_PIN); null for a new kiosk that has none yet. */
    adminPin?: string | null;
    /** Where the token rests (default: in memory, empty). */
    secrets?: SecretStore;
    /** A data folder to use (and keep) instead of a new temporary one. */
    dataDir?: string;
  } = {},
): Promise<TestKiosk> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'kiosk-test-')));
  const sandbox = options.sandbox ?? (await startSandbox({ port: 0, tokens: [TEST_TOKEN] }));
  const pin = options.adminPin === undefined ? TEST_ADMIN_PIN : options.adminPin;
  const adminPinHash = pin === null ? undefined : await pinHash(pin);
  const settings: SettingsBacking = { store: { ...(adminPinHash ? { adminPinHash } : {}), ...options.settings } };
  const logLines: string[] = [];
  const log = createLogger((_level, line) => logLines.push(line));
  const network: TestNetwork = { online: true };
  const secrets = options.secrets ?? memorySecretStore(); // kept across restarts, like the real secret stores
  const switchableFetch: typeof fetch = async (input, init) => {
    if (!network.online) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const forward = () => fetch(input, init);
    if (!network.intercept) return forward();
    const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, string>;
    return network.intercept(new URL(String(input)).pathname, body, forward, init);
  };
  const start = async () => {
    const core = await startCore();
    // Issuing needs an attendant; most tests are not about shifts, so one signs in unless told not to.
    if (options.signIn !== false) {
      const current = await core.dispatch('shift:current', {});
      if (current.ok && current.value === null) await core.dispatch('shift:start', { attendant: 'Test attendant' });
    }
    return core;
  };
  const startCore = () =>
    startKioskCore(
      {
        dataDir,
        settings,
        secrets,
        log,
        fetch: switchableFetch,
        startDemoController,
        ...(options.clock ? { clock: options.clock } : {}),
      },
      {
        flags: { url: sandbox.url, token: options.token ?? TEST_TOKEN },
        env: {},
        probeIntervalMs: 0,
        backoff: { baseMs: 5, capMs: 20 },
        unclearBackoff: { baseMs: 10, capMs: 40 },
        ...options.core,
      },
    );
  const kiosk: TestKiosk = {
    core: await start(),
    network,
    sandbox,
    dataDir,
    settings,
    logLines,
    async restart(whileStopped) {
      await kiosk.core.stop();
      await whileStopped?.();
      kiosk.core = await start();
      return kiosk.core;
    },
    async close() {
      await kiosk.core.stop();
      await sandbox.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
  return kiosk;
}

export function fixedClock(start: string): Clock & { advance(minutes: number): void } {
  let now = new Date(start).getTime();
  return {
    now: () => new Date(now),
    advance(minutes) {
      now += minutes * 60_000;
    },
  };
}
