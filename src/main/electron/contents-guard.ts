import type { App, Session, WebContents } from 'electron';
import { isAllowedUrl, type Launch } from './policy';

/**
 * The checklist's rules for every web contents of the app, not only the kiosk window's: Electron creates others
 * (a DevTools front end, a `<webview>`, a window a page managed to open), and each one is a renderer that could
 * navigate away or ask for a camera. `guardAllWebContents` hooks `app.on('web-contents-created')` before the first
 * window exists; window.ts also guards its own contents directly, and a contents is only guarded once.
 *
 * Written against the few methods it uses, so a test drives it with an EventEmitter standing in for a webContents.
 */

/** The part of a webContents the guard uses. A test passes an EventEmitter standing in for it. */
export type GuardableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'> & {
  /** The contents' own session: a `<webview>` or a partition has its own permission handlers. */
  readonly session?: GuardedSession | undefined;
};

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export type ContentsCreatedSource = Pick<App, 'on'>;

export const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const;

const guarded = new WeakSet<object>();

/**
 * Denies every permission request and check on this session (Electron grants them all unless told otherwise). Set
 * again for each contents guarded, never skipped: the last handler set on a session is the one that answers.
 */
export function denyPermissions(session: GuardedSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Guards one web contents: no navigation or redirect (in any frame) away from our own origin, no new windows, no
 * `<webview>`, no permissions. Returns false when it was already guarded (nothing is registered twice).
 */
export function guardWebContents(contents: GuardableContents, launch: Launch): boolean {
  if (guarded.has(contents)) return false;
  guarded.add(contents);
  const refuseForeign = (event: { url: string; preventDefault(): void }): void => {
    if (!isAllowedUrl(event.url, launch)) event.preventDefault();
  };
  // will-navigate: the main frame; will-frame-navigate: any frame; will-redirect: a server redirect during any
  // navigation, the first load included.
  contents.on('will-navigate', refuseForeign);
  contents.on('will-frame-navigate', refuseForeign);
  contents.on('will-redirect', refuseForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (contents.session) denyPermissions(contents.session);
  return true;
}

/** Guards every web contents the app creates from now on. Call before the first window (index.ts does). */
export function guardAllWebContents(app: ContentsCreatedSource, launch: Launch): void {
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, launch);
  });
}
