import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, BrowserWindow, dialog, powerSaveBlocker } from 'electron';
import Store from 'electron-store';
import { startKioskCore, type KioskCore } from './core/kiosk-core';
import { createLogger } from './core/log';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { registerIpc } from './electron/ipc';
import { watchOnline } from './electron/online-watch';
import { safeStorageSecretStore } from './electron/secret-store';
import { createKioskWindow, preloadPath } from './electron/window';

/** The Electron shell: a thin adapter that gives the core its data folder, settings, secrets and a window. */
const mainDir = path.dirname(fileURLToPath(import.meta.url));
const { values: flags } = parseArgs({
  args: process.argv.slice(app.isPackaged ? 1 : 2),
  options: { kiosk: { type: 'boolean', default: false }, url: { type: 'string' }, token: { type: 'string' } },
  strict: false,
});

if (process.env.KIOSK_DATA_DIR) app.setPath('userData', path.resolve(process.env.KIOSK_DATA_DIR));
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: KioskCore | undefined;
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void core?.stop());

  app
    .whenReady()
    .then(async () => {
      const dataDir = app.getPath('userData');
      serveRenderer(path.join(mainDir, '../renderer'));
      core = await startKioskCore(
        {
          dataDir,
          print: () =>
            new Promise<boolean>((done) => {
              const window = BrowserWindow.getAllWindows()[0];
              if (!window) return done(false);
              window.webContents.print({ silent: false, printBackground: true }, (ok) => done(ok));
            }),
          settings: new Store<Record<string, unknown>>({ name: 'settings', cwd: dataDir }),
          secrets: safeStorageSecretStore(dataDir),
          log: createLogger(),
        },
        {
          flags: { url: stringFlag(flags.url), token: stringFlag(flags.token) },
          env: process.env,
        },
      );
      const kiosk = flags.kiosk === true;
      const window = createKioskWindow({ preloadPath: preloadPath(mainDir), kiosk });
      registerIpc(core, window);
      watchOnline(core);
      if (kiosk) powerSaveBlocker.start('prevent-display-sleep');
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('The kiosk could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

function stringFlag(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
