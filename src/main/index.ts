import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { makePrivate } from './core/data-dir';
import { startKioskCore, type KioskCore } from './core/kiosk-core';
import { startDemoController } from '../sandbox/demo-controller';
import { createLogger } from './core/log';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { registerIpc } from './electron/ipc';
import { currentLaunch } from './electron/launch';
import { parseLaunchFlags, tokenFromFlags } from './electron/launch-flags';
import { listPrinters, printKioskWindow } from './electron/printing';
import { watchOnline } from './electron/online-watch';
import { startMetricsExport, type RunningMetricsExport } from '../node/metrics-export';
import { safeStorageSecretStore } from './electron/secret-store';
import { createKioskWindow, preloadPath } from './electron/window';

/** The Electron shell: a thin adapter that gives the core its data folder, settings, secrets and a window. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const flags = parseLaunchFlags(process.argv.slice(app.isPackaged ? 1 : 2));
// Packaged: the dev server (ELECTRON_RENDERER_URL) is ignored, DevTools and the menu are gone.
const launch = currentLaunch();

if (process.env.KIOSK_DATA_DIR) app.setPath('userData', path.resolve(process.env.KIOSK_DATA_DIR));
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: KioskCore | undefined;
  let metricsExport: RunningMetricsExport | undefined;
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
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
      core = await startKioskCore(
        {
          dataDir,
          print: (job) => printKioskWindow(job, log),
          printers: listPrinters,
          settings: new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir, configFileMode: 0o600 }),
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
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`The kiosk could not start: ${message}`);
      dialog.showErrorBox('The kiosk could not start', message);
      app.exit(1);
    });
}
