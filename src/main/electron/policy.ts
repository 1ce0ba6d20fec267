import type { BrowserWindowConstructorOptions, Input } from 'electron';

/**
 * The Electron shell's security decisions, as plain functions of plain inputs so they can be tested without
 * Electron. window.ts, ipc.ts and app-protocol.ts only wire them to Electron's events.
 */

/** The renderer is served from `app://kiosk/` (a registered standard, secure scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = 'app://kiosk';

/**
 * How this process was started. `devServer` is electron-vite's `ELECTRON_RENDERER_URL`; it is only honoured in an
 * unpackaged app, so a packaged kiosk can never be pointed at another page through its environment.
 */
export interface Launch {
  packaged: boolean;
  devServer?: string | undefined;
}

export function launchFrom(input: { packaged: boolean; env: Record<string, string | undefined> }): Launch {
  return { packaged: input.packaged, devServer: input.packaged ? undefined : input.env.ELECTRON_RENDERER_URL };
}

/**
 * The origin of a URL as `scheme://host[:port]`, or undefined when it is not one we could ever trust: unparseable,
 * carrying credentials (`app://kiosk@evil/`), or of another scheme than http, https and ours.
 *
 * Node's URL parser does not know that Electron registered `app:` as a standard scheme, so it reports the origin
 * of `app://kiosk/` as "null"; for our scheme the origin is built from the parsed host instead.
 */
export function originOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username !== '' || parsed.password !== '') return undefined;
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') {
    return `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  }
  return undefined;
}

/** The dev server's URL when it applies: unpackaged, and an http(s) address. */
export function devServerUrl(launch: Launch): string | undefined {
  if (launch.packaged || launch.devServer === undefined) return undefined;
  const origin = originOf(launch.devServer);
  return origin !== undefined && /^https?:/.test(origin) ? launch.devServer : undefined;
}

/** What the window loads: the dev server when it applies, otherwise our own page. */
export function rendererEntryUrl(launch: Launch): string {
  return devServerUrl(launch) ?? `${APP_ORIGIN}/index.html`;
}

/**
 * Whether a page at this URL is ours: exactly our origin, or (unpackaged only) exactly the dev server's origin.
 * Compared as parsed origins, never as string prefixes: `app://kiosk.evil/`, `app://kiosk@evil/` and
 * `http://localhost:51730` are all foreign.
 */
export function isAllowedUrl(url: string, launch: Launch): boolean {
  const origin = originOf(url);
  if (origin === undefined) return false;
  if (origin === APP_ORIGIN) return true;
  const devServer = devServerUrl(launch);
  return devServer !== undefined && origin === originOf(devServer);
}

/**
 * Who may use the kiosk's IPC: only our window's own web contents, only its main frame, and only while that frame
 * shows one of our pages.
 */
export type IpcSenderVerdict = 'allowed' | 'foreign-sender' | 'subframe' | 'foreign-origin';

export function ipcSenderVerdict(
  sender: { fromOurWindow: boolean; isMainFrame: boolean; frameUrl: string | undefined },
  launch: Launch,
): IpcSenderVerdict {
  if (!sender.fromOurWindow) return 'foreign-sender';
  if (!sender.isMainFrame) return 'subframe';
  if (sender.frameUrl === undefined || !isAllowedUrl(sender.frameUrl, launch)) return 'foreign-origin';
  return 'allowed';
}

/**
 * Whether the window is locked down (no DevTools, no application menu, DevTools shortcuts swallowed): always when
 * packaged, and also in `--kiosk` mode, because `npm start -- --kiosk` runs the unpackaged app on real kiosks.
 */
export function isLockedDown(options: { packaged: boolean; kiosk: boolean }): boolean {
  return options.packaged || options.kiosk;
}

export function windowOptions(options: {
  packaged: boolean;
  kiosk: boolean;
  preload: string;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    kiosk: options.kiosk,
    fullscreen: options.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#0b1220',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !isLockedDown(options),
    },
  };
}

/**
 * The keys that open DevTools: F12, Ctrl+Shift+I/J/C (Windows, Linux) and Cmd+Alt+I/J/C (macOS). Ctrl+Alt+C is
 * left alone: that is AltGr+C, which types a letter on some keyboard layouts.
 */
export function isDevToolsShortcut(
  input: Pick<Input, 'type' | 'key' | 'code' | 'control' | 'shift' | 'alt' | 'meta'>,
): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  if (input.key === 'F12' || input.code === 'F12') return true;
  const letter = /^Key([IJC])$/.exec(input.code)?.[1] ?? input.key.toUpperCase();
  if (!['I', 'J', 'C'].includes(letter)) return false;
  const ctrlShift = input.control && input.shift && !input.alt && !input.meta;
  const cmdAlt = input.meta && input.alt && !input.control;
  return ctrlShift || cmdAlt;
}
