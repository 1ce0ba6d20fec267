/** The Electron executable on this machine (ELECTRON_OVERRIDE_DIST_PATH or a normal install), or null. */
export function findElectronBinary(): string | null;
