import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { resolveDataDir } from '../core/host/data-dir';
import { dataDirOverride, LaunchFlagError, TokenFileError } from '../core/host/launch-flags';
import { createLogger } from '../core/host/log';
import { startHost, type RunningHost } from '../core/host/start-host';
import { ConfigError } from '../core/opscom/controller-config';
import { ProvisionError } from '../core/settings/provisioning';
import { StoreDamagedError } from '../core/storage/kiosk-store';
import { startDemoController } from '../../sandbox/demo-controller';
import { startStation } from './bridge-server';
import { fileSecretStore } from './file-secret-store';
import { serveRefusal } from './refusal-page';
import { findChromium, hasDisplay, openInChromium } from './open-browser';
import { parseStationFlags, STATION_USAGE, type StationFlags } from './station-flags';

/**
 * `npm run station -- --port P [--no-open] [--kiosk] [--url U --token-file F] [--data-dir D] …` (station-flags.ts):
 * the kiosk core in a plain Node process, serving the built renderer to a browser on this machine only.
 */
async function main(): Promise<void> {
  const flags = parseStationFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(STATION_USAGE);
    return;
  }
  const dataDir = dataDirOverride(flags, process.env) ?? resolveDataDir(process.env);
  let host: RunningHost;
  try {
    host = await startHost(
      flags,
      {
        dataDir,
        log: createLogger(),
        openSettings: (dir) =>
          new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', configFileMode: 0o600 }),
        secrets: fileSecretStore(dataDir),
        startDemoController,
      },
      { env: process.env },
    );
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    // The screen says why, in both languages, until a supervisor stops the station; the files stay as they are.
    console.error(`Cannot start the station: ${error.message}`);
    const refusal = await serveRefusal(flags.port, error.message);
    console.log(`Kiosk station refused to start; the reason is shown at ${refusal.url}`);
    if (flags.open) openPage(refusal.url, dataDir, flags);
    const stop = () => void refusal.close().then(() => process.exit(3));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const { core, metricsExport } = host;
  await metricsExport.settled();
  const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/renderer');
  const station = await startStation({ core, rendererDir, port: flags.port });

  console.log(`Kiosk station ready at ${station.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(
    core.info.demoMode
      ? 'DEMO — built-in sandbox (no controller configured)'
      : `Controller: ${core.info.controllerHost}`,
  );
  if (flags.open) {
    const why = openPage(station.url, dataDir, flags);
    if (why) console.log(`Open ${station.url} in a browser on this machine (${why}).`);
  }

  // `npm run station` passes its own SIGTERM on after the one the process group already got: a repeated signal
  // must not cut short the stop that is finishing the last writes.
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await station.close();
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** Opens `url` in Chromium on this machine; otherwise says why not. */
function openPage(url: string, dataDir: string, flags: Pick<StationFlags, 'kiosk'>): string | undefined {
  let chromium: string | undefined;
  try {
    chromium = findChromium();
  } catch (error) {
    return (error as Error).message;
  }
  if (!chromium) return 'no Chromium found';
  if (!hasDisplay()) return 'no display found';
  openInChromium(chromium, url, dataDir, flags.kiosk);
  return undefined;
}

main().catch((error: unknown) => {
  const known =
    error instanceof LaunchFlagError ||
    error instanceof ConfigError ||
    error instanceof TokenFileError ||
    error instanceof ProvisionError ||
    // Node's own argument errors (ERR_INVALID_URL and the like).
    (error instanceof TypeError && 'code' in error);
  console.error(`Cannot start the station: ${error instanceof Error ? error.message : String(error)}`);
  if (known) console.error(STATION_USAGE);
  process.exit(known ? 2 : 1);
});
