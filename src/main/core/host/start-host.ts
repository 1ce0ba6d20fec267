import type { PrinterInfo, PrintJob } from '../printing/print-job';
import type { StartDemoController } from '../opscom/controller-link';
import { startMetricsExport, type RunningMetricsExport } from '../metrics/metrics-exporter';
import { applyProvision, provisionFileFor, readProvisionFile } from '../settings/provisioning';
import type { SettingsBacking } from '../settings/stored-settings';
import { makePrivate } from './data-dir';
import { startKioskCore, type KioskCore } from './kiosk-core';
import { tokenFromFlags, type LaunchFlags } from './launch-flags';
import type { Logger } from './log';
import type { SecretStore } from './secret-store';

/** What differs between the hosts (the Electron app, the browser station): everything else is started here. */
export interface HostPlatform {
  /** The data folder, chosen by the host (dataDirOverride, else its own default). */
  dataDir: string;
  log: Logger;
  /** Opens the settings file in the data folder, which is private by then: electron-store, or conf in the station. */
  openSettings(dataDir: string): SettingsBacking;
  /** Where the API token rests: safeStorage in Electron, a private file in the station. */
  secrets: SecretStore;
  /** Electron's printing of the kiosk window; absent where the browser prints for itself. */
  print?: (job: PrintJob) => Promise<boolean>;
  printers?: () => Promise<PrinterInfo[]>;
  /** The built-in sandbox for demo mode (nothing configured). */
  startDemoController?: StartDemoController;
}

export interface RunningHost {
  core: KioskCore;
  /** The `/metrics` endpoint and the Pushgateway push, as the settings ask (#14). */
  metricsExport: RunningMetricsExport;
  /** Stops both; each starts stopping at once (an app that is quitting may not wait for the promise). */
  stop(): Promise<void>;
}

/**
 * One start-up for both hosts: the token from the command line, the data folder made private, the provisioning
 * file applied (docs/provisioning.md), the core, then the metrics export. Throws what stops the start, in plain
 * words: LaunchFlagError, TokenFileError, ProvisionError, ConfigError, or StoreDamagedError (damaged records, which
 * each host shows its own way).
 */
export async function startHost(
  flags: LaunchFlags,
  platform: HostPlatform,
  options: { env: Record<string, string | undefined>; stdin?: () => AsyncIterable<Buffer | string> },
): Promise<RunningHost> {
  const { dataDir, log } = platform;
  const { token, warning } = await tokenFromFlags(flags, options.stdin);
  if (warning) console.warn(warning);
  // Before the settings file is written: the folder 0700, the files in it 0600.
  await makePrivate(dataDir);
  const settings = platform.openSettings(dataDir);
  // Applied again only when the file changed, so a supervisor's later edit is not undone at every start.
  const provisioning = provisionFileFor(flags.provision, dataDir);
  const provisionFile = await readProvisionFile(provisioning.file, provisioning.required);
  if (provisionFile) {
    const outcome = applyProvision(settings, provisionFile);
    log.info(
      outcome.applied
        ? `Provisioning: ${provisionFile.file} applied (${outcome.keys.join(', ')}).`
        : `Provisioning: ${provisionFile.file} unchanged since it was applied; the settings as they are now are kept.`,
    );
  }
  const core = await startKioskCore(
    {
      dataDir,
      settings,
      secrets: platform.secrets,
      log,
      print: platform.print,
      printers: platform.printers,
      startDemoController: platform.startDemoController,
    },
    {
      flags: { url: flags.url, token },
      metricsFlags: {
        metricsListen: flags.metricsListen,
        pushgatewayUrl: flags.pushgatewayUrl,
        pushIntervalSeconds: flags.pushInterval,
      },
      env: options.env,
    },
  );
  const metricsExport = startMetricsExport(core, log);
  return {
    core,
    metricsExport,
    async stop() {
      await Promise.all([metricsExport.close(), core.stop()]);
    },
  };
}
