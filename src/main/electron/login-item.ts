/**
 * Auto-start (#13): a packaged kiosk in kiosk mode asks the OS to start it at login. Electron's
 * `app.setLoginItemSettings` works on Windows and macOS only; on Linux the kiosk session starts the app itself
 * (the station's .deb, or the desktop's autostart). A development run never registers itself.
 */
export interface LoginItemInputs {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  kiosk: boolean;
}

export function shouldOpenAtLogin({ platform, isPackaged, kiosk }: LoginItemInputs): boolean {
  return isPackaged && kiosk && (platform === 'win32' || platform === 'darwin');
}
