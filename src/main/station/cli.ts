import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Conf from 'conf';
import { ConfigError } from '../core/opscom/controller-config';
import { makePrivate, resolveDataDir } from '../core/host/data-dir';
import { startKioskCore, type KioskCore } from '../core/host/kiosk-core';
import { StoreDamagedError } from '../core/storage/kiosk-store';
import { startDemoController } from '../../sandbox/demo-controller';
import { createLogger } from '../core/host/log';
import { applyProvision, ProvisionError, provisionFileFor, readProvisionFile } from '../core/settings/provisioning';
import { readTokenFile, TOKEN_FLAG_WARNING, TokenFileError } from '../core/host/token-source';
import { startMetricsExport } from '../core/metrics/metrics-exporter';
import { startStation } from './bridge-server';
import { fileSecretStore } from './file-secret-store';
import { serveRefusal } from './refusal-page';
import { findChromium, hasDisplay, openInChromium } from './open-browser';

/**
 * `npm run station -- --port P [--no-open] [--kiosk] [--url U --token T] [--data-dir D]`: the kiosk core in a
 * plain Node process, serving the built renderer to a browser on this machine only.
 */
const USAGE =
  'Usage: npm run station -- [--port 18090] [--no-open] [--kiosk] [--url <controller>] [--token-file <file>|-] [--data-dir <dir>]' +
  ' [--provision <kiosk-provision.json>]' +
  ' [--metrics-listen <ip:port>] [--pushgateway-url <url>] [--push-interval <seconds>]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '18090' },
      'no-open': { type: 'boolean', default: false },
      kiosk: { type: 'boolean', default: false },
      url: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'data-dir': { type: 'string' },
      provision: { type: 'string' },
      'metrics-listen': { type: 'string' },
      'pushgateway-url': { type: 'string' },
      'push-interval': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`"${values.port}" is not a port number.`);

  if (values.token !== undefined && values['token-file'] !== undefined)
    throw new UsageError('Give --token-file or --token, not both.');
  if (values.token !== undefined) console.error(TOKEN_FLAG_WARNING);
  const token = values['token-file'] !== undefined ? await readTokenFile(values['token-file']) : values.token;

  const dataDir = values['data-dir'] ? path.resolve(values['data-dir']) : resolveDataDir();
  const log = createLogger();
  await makePrivate(dataDir);
  const settings = new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings', configFileMode: 0o600 });
  const provisioning = provisionFileFor(values.provision, dataDir);
  const provisionFile = await readProvisionFile(provisioning.file, provisioning.required);
  if (provisionFile) {
    const outcome = applyProvision(settings, provisionFile);
    console.log(
      outcome.applied
        ? `Provisioning: ${provisionFile.file} applied (${outcome.keys.join(', ')}).`
        : `Provisioning: ${provisionFile.file} unchanged since it was applied; the settings as they are now are kept.`,
    );
  }
  let core: KioskCore;
  try {
    core = await startKioskCore(
      { dataDir, settings, secrets: fileSecretStore(dataDir), log, startDemoController },
      {
        flags: { url: values.url, token },
        metricsFlags: {
          metricsListen: values['metrics-listen'],
          pushgatewayUrl: values['pushgateway-url'],
          pushIntervalSeconds: values['push-interval'],
        },
        env: process.env,
      },
    );
  } catch (error) {
    if (!(error instanceof StoreDamagedError)) throw error;
    // The screen says why, in both languages, until a supervisor stops the station; the files stay as they are.
    console.error(`Cannot start the station: ${error.message}`);
    const refusal = await serveRefusal(port, error.message);
    console.log(`Kiosk station refused to start; the reason is shown at ${refusal.url}`);
    if (!values['no-open']) {
      const chromium = (() => {
        try {
          return findChromium();
        } catch {
          return undefined;
        }
      })();
      if (chromium && hasDisplay()) openInChromium(chromium, refusal.url, dataDir, values.kiosk);
    }
    const stop = () => void refusal.close().then(() => process.exit(3));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  const metricsExport = startMetricsExport(core, log);
  await metricsExport.settled();
  const rendererDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/renderer');
  const station = await startStation({ core, rendererDir, port });

  console.log(`Kiosk station ready at ${station.url}`);
  console.log(`Data folder: ${dataDir}`);
  console.log(
    core.info.demoMode
      ? 'DEMO — built-in sandbox (no controller configured)'
      : `Controller: ${core.info.controllerHost}`,
  );

  if (!values['no-open']) {
    let chromium: string | undefined;
    let why = 'no Chromium found';
    try {
      chromium = findChromium();
    } catch (error) {
      why = (error as Error).message;
    }
    if (chromium && hasDisplay()) openInChromium(chromium, station.url, dataDir, values.kiosk);
    else console.log(`Open ${station.url} in a browser on this machine (${chromium ? 'no display found' : why}).`);
  }

  // `npm run station` passes its own SIGTERM on after the one the process group already got: a repeated signal
  // must not cut short the stop that is finishing the last writes.
  let stopping = false;
  const shutdown = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await station.close();
    await metricsExport.close();
    await core.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

class UsageError extends Error {}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof UsageError ||
    error instanceof TokenFileError ||
    error instanceof ProvisionError ||
    (error instanceof TypeError && 'code' in error);
  console.error(`Cannot start the station: ${error instanceof Error ? error.message : String(error)}`);
  if (known) console.error(USAGE);
  process.exit(known ? 2 : 1);
});
