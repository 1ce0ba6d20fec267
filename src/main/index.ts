import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { makePrivate } from './core/host/data-dir';
import { startKioskCore, type KioskCore } from './core/host/kiosk-core';
import { startDemoController } from '../sandbox/demo-controller';
import { createLogger } from './core/host/log';
import { applyProvision, provisionFileFor, readProvisionFile } from './core/settings/provisioning';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { guardAllWebContents } from './electron/contents-guard';
import { registerIpc } from './electron/ipc';
import { currentLaunch } from './electron/launch';
import { dataDirOverride, parseLaunchFlags, tokenFromFlags } from './core/host/launch-flags';
import { shouldOpenAtLogin } from './electron/login-item';
import { listPrinters, printKioskWindow } from './electron/window-printing';
import { watchOnline } from './electron/online-watch';
import { startMetricsExport, type RunningMetricsExport } from './core/metrics/metrics-exporter';
import { safeStorageSecretStore } from './electron/safe-storage-secret-store';
import { updateVerification } from './electron/update-signature';
import { startUpdates, type UpdateWiring } from './electron/updates';
import { createKioskWindow, preloadPath } from './electron/window';
import { StoreDamagedError } from './core/storage/kiosk-store';

/** The Electron shell: a thin adapter that gives the core its data folder, settings, secrets and a window. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const flags = parseLaunchFlags(process.argv.slice(app.isPackaged ? 1 : 2));
// Packaged: the dev server (ELECTRON_RENDERER_URL) is ignored, DevTools and the menu are gone.
const launch = currentLaunch();

// --data-dir, then KIOSK_DATA_DIR: a Windows kiosk keeps its data under ProgramData, out of a profile that is wiped.
const dataDirChoice = dataDirOverride(flags, process.env);
if (dataDirChoice) app.setPath('userData', dataDirChoice);
registerAppScheme();
// Every web contents the app ever creates, not only the kiosk window's: no foreign navigation, no new windows, no
// <webview>, no permissions.
guardAllWebContents(app, launch);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: KioskCore | undefined;
  let metricsExport: RunningMetricsExport | undefined;
  let updates: UpdateWiring | undefined;
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updates?.stop();
    void metricsExport?.close();
    void core?.stop();
  });

  app
    .whenReady()
    .then(async () => {
      const { token, warning } = await tokenFromFlags(flags);
      if (warning) console.warn(warning);
      const dataDir = app.getPath('userData');
      const log = createLogger();
      // Before electron-store writes a byte: the folder 0700, the files in it 0600.
      await makePrivate(dataDir);
      serveRenderer(path.join(mainDir, '../renderer'));
      const settings = new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir, configFileMode: 0o600 });
      // The same file and rule as the station: applied again only when the file changed (README, "Provisioning").
      const provisioning = provisionFileFor(flags.provision, dataDir);
      const provisionFile = await readProvisionFile(provisioning.file, provisioning.required);
      if (provisionFile) {
        const outcome = applyProvision(settings, provisionFile);
        log.info(
          outcome.applied
            ? `Provisioning: ${provisionFile.file} applied (${outcome.keys.join(', ')}).`
            : `Provisioning: ${provisionFile.file} unchanged since it was applied; the settings are kept.`,
        );
      }
      core = await startKioskCore(
        {
          dataDir,
          print: (job) => printKioskWindow(job, log),
          printers: listPrinters,
          settings,
          secrets: safeStorageSecretStore(dataDir),
          startDemoController,
          log,
        },
        {
          flags: { url: flags.url, token },
          metricsFlags: {
            metricsListen: flags.metricsListen,
            pushgatewayUrl: flags.pushgatewayUrl,
            pushIntervalSeconds: flags.pushInterval,
          },
          env: process.env,
        },
      );
      metricsExport = startMetricsExport(core, log);
      const kiosk = flags.kiosk;
      const window = createKioskWindow({ preloadPath: preloadPath(mainDir), kiosk, launch });
      registerIpc(core, window, launch);
      watchOnline(core);
      if (kiosk) powerSaveBlocker.start('prevent-display-sleep');
      if (shouldOpenAtLogin({ platform: process.platform, isPackaged: app.isPackaged, kiosk })) {
        app.setLoginItemSettings({ openAtLogin: true });
      }
      // Updates (#13): a packaged app with a feed set; the policy keeps installs away from a busy booth.
      // On Windows only when app-update.yml names the publisher whose signature electron-updater checks
      // (update-signature.ts): without it, electron-updater would install an unsigned installer.
      if (app.isPackaged && core.updates.state().updateFeedUrl !== '') {
        const appUpdateYml = await readFile(path.join(process.resourcesPath, 'app-update.yml'), 'utf8').catch(
          () => undefined,
        );
        const verification = updateVerification(process.platform, appUpdateYml);
        if (!verification.verified) {
          log.warn(`Updates are off: ${verification.why}. See README, "Code signing".`);
        } else {
          log.info(`Updates are checked by: ${verification.how}.`);
          updates = startUpdates({
            updater: await loadAutoUpdater(),
            host: core.updates,
            events: core.events,
            log,
            currentVersion: app.getVersion(),
          });
        }
      }
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`The kiosk could not start: ${message}`);
      // Damaged records (StoreDamagedError): the words name the file and say what to do, in both languages.
      const damaged = error instanceof StoreDamagedError;
      dialog.showErrorBox(
        'The kiosk could not start / Le kiosque n’a pas pu démarrer',
        damaged
          ? `${message}\n\nLes données de ce kiosque sont endommagées : ne supprimez pas le fichier, appelez un superviseur.`
          : message,
      );
      app.exit(1);
    });
}

/** electron-updater is CommonJS: loaded only when updates are on, and its `autoUpdater` found either way round. */
async function loadAutoUpdater() {
  const loaded = (await import('electron-updater')) as typeof import('electron-updater') & {
    default?: typeof import('electron-updater');
  };
  return loaded.default?.autoUpdater ?? loaded.autoUpdater;
}
