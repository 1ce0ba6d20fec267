import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  guardAllWebContents,
  guardWebContents,
  NAVIGATION_EVENTS,
  type ContentsCreatedSource,
  type GuardableContents,
} from './contents-guard';
import type { Launch } from './policy';

/** A webContents as far as the guard uses it: Node's EventEmitter, a window-open handler slot and a session. */
class StandInContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  readonly session = new StandInSession();
}

class StandInSession {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  check: ((...args: unknown[]) => boolean) | undefined;
  setPermissionRequestHandler(handler: StandInSession['request']): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: StandInSession['check']): void {
    this.check = handler;
  }
}

const asGuardable = (contents: StandInContents) => contents as unknown as GuardableContents;

/** Fires a navigation-like event as Electron does (details on the event) and says whether it was refused. */
function refused(contents: EventEmitter, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.emit(event, { url, preventDefault, isMainFrame: true }, url);
  return preventDefault.mock.calls.length > 0;
}

const packaged: Launch = { packaged: true };
const development: Launch = { packaged: false, devServer: 'http://localhost:5173' };
const foreign = [
  'https://example.com/',
  'app://kiosk.evil/',
  'app://kiosk@evil/',
  'app://evil/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  'http://localhost:5173/',
];

describe('guardWebContents', () => {
  for (const event of NAVIGATION_EVENTS) {
    it(`${event}: lets our own pages through and refuses every foreign URL`, () => {
      const contents = new StandInContents();
      guardWebContents(asGuardable(contents), packaged);
      expect(refused(contents, event, 'app://kiosk/index.html')).toBe(false);
      expect(refused(contents, event, 'app://kiosk/index.html#/queue')).toBe(false);
      for (const url of foreign) expect(refused(contents, event, url), url).toBe(true);
    });
  }

  it('allows the dev server only unpackaged, exactly its origin', () => {
    const contents = new StandInContents();
    guardWebContents(asGuardable(contents), development);
    expect(refused(contents, 'will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(refused(contents, 'will-navigate', 'http://localhost:51730/')).toBe(true);
  });

  it('denies new windows, <webview> and every permission request and check', () => {
    const contents = new StandInContents();
    guardWebContents(asGuardable(contents), packaged);
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, { src: 'https://example.com/' });
    expect(preventDefault).toHaveBeenCalled();
    const granted = vi.fn();
    contents.session.request?.({}, 'media', granted);
    contents.session.request?.({}, 'geolocation', granted);
    expect(granted.mock.calls).toEqual([[false], [false]]);
    expect(contents.session.check?.({}, 'notifications')).toBe(false);
  });

  it('denies permissions again on a shared session, even after something else set a handler that grants', () => {
    const first = new StandInContents();
    const second = Object.assign(new StandInContents(), { session: first.session });
    guardWebContents(asGuardable(first), packaged);
    first.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(true));
    guardWebContents(asGuardable(second), packaged);
    const granted = vi.fn();
    second.session.request?.({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
  });

  it('guards a contents once, however often it is asked', () => {
    const contents = new StandInContents();
    expect(guardWebContents(asGuardable(contents), packaged)).toBe(true);
    expect(guardWebContents(asGuardable(contents), packaged)).toBe(false);
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents the app creates after it, not only the first window', () => {
    const app = new EventEmitter();
    guardAllWebContents(app as unknown as ContentsCreatedSource, packaged);
    const created = [new StandInContents(), new StandInContents(), new StandInContents()];
    for (const contents of created) app.emit('web-contents-created', {}, contents);
    for (const contents of created) {
      expect(refused(contents, 'will-navigate', 'https://example.com/')).toBe(true);
      expect(refused(contents, 'will-redirect', 'https://example.com/')).toBe(true);
      expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(contents.session.check?.({}, 'media')).toBe(false);
    }
  });

  it('leaves alone a contents created before it was called (so index.ts calls it before the first window)', () => {
    const app = new EventEmitter();
    const early = new StandInContents();
    app.emit('web-contents-created', {}, early);
    guardAllWebContents(app as unknown as ContentsCreatedSource, packaged);
    expect(refused(early, 'will-navigate', 'https://example.com/')).toBe(false);
  });
});

describe('index.ts', () => {
  it('hooks web-contents-created at load, before the app is ready and any window exists', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('../index.ts', import.meta.url), 'utf8');
    const hooked = source.indexOf('guardAllWebContents(app, launch)');
    expect(hooked).toBeGreaterThan(0);
    expect(hooked).toBeLessThan(source.indexOf('.whenReady()'));
    expect(hooked).toBeLessThan(source.indexOf('createKioskWindow('));
  });
});
