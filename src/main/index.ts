import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { startDemoController } from '../sandbox/demo-controller';
import { dataDirOverride, parseLaunchFlags, type LaunchFlags } from './core/host/launch-flags';
import { createLogger } from './core/host/log';
import { startHost, type RunningHost } from './core/host/start-host';
import { StoreDamagedError } from './core/storage/kiosk-store';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { guardAllWebContents } from './electron/contents-guard';
import { registerIpc } from './electron/ipc';
import { currentLaunch } from './electron/launch';
import { shouldOpenAtLogin } from './electron/login-item';
import { watchOnline } from './electron/online-watch';
import { safeStorageSecretStore } from './electron/safe-storage-secret-store';
import { updateVerification } from './electron/update-signature';
import { startUpdates, type UpdateWiring } from './electron/updates';
import { createKioskWindow, preloadPath } from './electron/window';
import { listPrinters, printKioskWindow } from './electron/window-printing';

/** The Electron shell: a thin adapter that gives the core its data folder, settings, secrets and a window. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
// The shared flags (core/host/launch-flags.ts) among Electron's and Chromium's own; a wrong one is said in the
// start-up error box once the app is ready.
const { flags, flagError } = readCommandLine(process.argv.slice(app.isPackaged ? 1 : 2));
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
  let host: RunningHost | undefined;
  let updates: UpdateWiring | undefined;
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    updates?.stop();
    void host?.stop();
  });

  app
    .whenReady()
    .then(async () => {
      if (flagError) throw flagError;
      const dataDir = app.getPath('userData');
      const log = createLogger();
      serveRenderer(path.join(mainDir, '../renderer'));
      // The same start-up as the station: token, private data folder, provisioning, core, metrics.
      host = await startHost(
        flags,
        {
          dataDir,
          log,
          openSettings: (dir) =>
            new Store<Record<string, unknown>>({ name: 'settings', cwd: dir, configFileMode: 0o600 }),
          secrets: safeStorageSecretStore(dataDir),
          print: (job) => printKioskWindow(job, log),
          printers: listPrinters,
          startDemoController,
        },
        { env: process.env },
      );
      const { core } = host;
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
          log.warn(`Updates are off: ${verification.why}. See docs/updates.md, "Code signing".`);
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

/** The command line, or the reason it is wrong (shown once the app can show it). */
function readCommandLine(args: string[]): { flags: LaunchFlags; flagError?: unknown } {
  try {
    return { flags: parseLaunchFlags(args) };
  } catch (error) {
    return { flags: parseLaunchFlags([]), flagError: error };
  }
}

/** electron-updater is CommonJS: loaded only when updates are on, and its `autoUpdater` found either way round. */
async function loadAutoUpdater() {
  const loaded = (await import('electron-updater')) as typeof import('electron-updater') & {
    default?: typeof import('electron-updater');
  };
  return loaded.default?.autoUpdater ?? loaded.autoUpdater;
}
