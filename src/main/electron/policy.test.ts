import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  devServerUrl,
  ipcSenderVerdict,
  isAllowedUrl,
  isDevToolsShortcut,
  isLockedDown,
  launchFrom,
  originOf,
  rendererEntryUrl,
  windowOptions,
  type Launch,
} from './policy';

const packaged: Launch = { packaged: true };
const dev: Launch = { packaged: false, devServer: 'http://localhost:5173' };

describe('originOf', () => {
  it('builds our scheme’s origin from the host, which Node’s URL reports as "null"', () => {
    expect(new URL('app://kiosk/index.html').origin).toBe('null');
    expect(originOf('app://kiosk/index.html')).toBe(APP_ORIGIN);
    expect(originOf('app://KIOSK/x')).toBe(APP_ORIGIN);
  });

  it('keeps ports and refuses credentials, other schemes and garbage', () => {
    expect(originOf('http://localhost:5173/a?b#c')).toBe('http://localhost:5173');
    expect(originOf('app://kiosk:80/')).toBe('app://kiosk:80');
    for (const url of [
      'app://kiosk@evil/',
      'app://evil@kiosk/',
      'http://user:pw@localhost:5173/',
      'app:kiosk/index.html',
      'app:///kiosk/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,<p>hi',
      'about:blank',
      '',
      'not a url',
    ]) {
      expect(originOf(url), url).toBeUndefined();
    }
  });
});

describe('isAllowedUrl', () => {
  it('allows our own origin, packaged or not', () => {
    for (const launch of [packaged, dev]) {
      expect(isAllowedUrl('app://kiosk/index.html', launch)).toBe(true);
      expect(isAllowedUrl('app://kiosk/', launch)).toBe(true);
      expect(isAllowedUrl('app://kiosk/index.html#/settings', launch)).toBe(true);
    }
  });

  it('refuses look-alikes of our origin that a prefix test would let through', () => {
    for (const url of [
      'app://kiosk.evil/',
      'app://kiosk.evil/index.html',
      'app://kiosk@evil/',
      'app://kioskevil/',
      'app://kiosk./',
      'app://kiosk:1/',
      'app://evil/app://kiosk/',
      'https://kiosk/',
      'https://example.com/',
      'file:///home/kiosk/index.html',
    ]) {
      expect(isAllowedUrl(url, dev), url).toBe(false);
      expect(isAllowedUrl(url, packaged), url).toBe(false);
    }
  });

  it('allows exactly the dev server’s origin, only when unpackaged', () => {
    expect(isAllowedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAllowedUrl('http://localhost:5173/index.html?x=1', dev)).toBe(true);
    for (const url of [
      'http://localhost:51730/',
      'http://localhost/',
      'http://localhost:5173.evil.com/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://evil@localhost:5173/',
    ]) {
      expect(isAllowedUrl(url, dev), url).toBe(false);
    }
    expect(isAllowedUrl('http://localhost:5173/', { packaged: true, devServer: 'http://localhost:5173' })).toBe(false);
  });

  it('does not let a dev server without a port match one with a port (the old reversed prefix test)', () => {
    expect(isAllowedUrl('http://localhost/', { packaged: false, devServer: 'http://localhost:5173' })).toBe(false);
    expect(isAllowedUrl('http://localhost:5173/', { packaged: false, devServer: 'http://localhost' })).toBe(false);
  });
});

describe('launch and entry URL', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };

  it('ignores ELECTRON_RENDERER_URL when packaged', () => {
    expect(launchFrom({ packaged: true, env })).toEqual({ packaged: true, devServer: undefined });
    expect(rendererEntryUrl(launchFrom({ packaged: true, env }))).toBe('app://kiosk/index.html');
  });

  it('loads the dev server when unpackaged, and our page otherwise', () => {
    expect(rendererEntryUrl(launchFrom({ packaged: false, env }))).toBe('http://localhost:5173');
    expect(rendererEntryUrl(launchFrom({ packaged: false, env: {} }))).toBe('app://kiosk/index.html');
  });

  it('ignores a dev server that is not an http(s) address', () => {
    for (const devServer of ['file:///tmp/index.html', 'javascript:alert(1)', 'nonsense', 'app://evil/']) {
      expect(devServerUrl({ packaged: false, devServer }), devServer).toBeUndefined();
      expect(rendererEntryUrl({ packaged: false, devServer })).toBe('app://kiosk/index.html');
    }
  });
});

describe('ipcSenderVerdict', () => {
  const ours = { fromOurWindow: true, isMainFrame: true, frameUrl: 'app://kiosk/index.html' };

  it('allows only our window’s main frame on our origin', () => {
    expect(ipcSenderVerdict(ours, packaged)).toBe('allowed');
    expect(ipcSenderVerdict({ ...ours, fromOurWindow: false }, packaged)).toBe('foreign-sender');
    expect(ipcSenderVerdict({ ...ours, isMainFrame: false }, packaged)).toBe('subframe');
    expect(ipcSenderVerdict({ ...ours, frameUrl: 'https://evil.example/' }, packaged)).toBe('foreign-origin');
    expect(ipcSenderVerdict({ ...ours, frameUrl: 'app://kiosk.evil/' }, packaged)).toBe('foreign-origin');
    expect(ipcSenderVerdict({ ...ours, frameUrl: undefined }, packaged)).toBe('foreign-origin');
  });

  it('allows the dev server only unpackaged, and only its exact origin', () => {
    const atDev = { ...ours, frameUrl: 'http://localhost:5173/' };
    expect(ipcSenderVerdict(atDev, dev)).toBe('allowed');
    expect(ipcSenderVerdict(atDev, { packaged: true, devServer: 'http://localhost:5173' })).toBe('foreign-origin');
    expect(ipcSenderVerdict({ ...ours, frameUrl: 'http://localhost/' }, dev)).toBe('foreign-origin');
    expect(ipcSenderVerdict({ ...ours, frameUrl: 'http://localhost:51730/' }, dev)).toBe('foreign-origin');
  });
});

describe('windowOptions', () => {
  it('is isolated, sandboxed and without Node in every mode', () => {
    for (const mode of [
      { packaged: true, kiosk: true },
      { packaged: true, kiosk: false },
      { packaged: false, kiosk: true },
      { packaged: false, kiosk: false },
    ]) {
      const prefs = windowOptions({ ...mode, preload: '/app/preload/index.cjs' }).webPreferences;
      expect(prefs).toMatchObject({
        preload: '/app/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        webviewTag: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
      });
    }
  });

  it('turns DevTools off when packaged or in kiosk mode, and leaves them for development', () => {
    expect(windowOptions({ packaged: true, kiosk: false, preload: 'p' }).webPreferences?.devTools).toBe(false);
    expect(windowOptions({ packaged: false, kiosk: true, preload: 'p' }).webPreferences?.devTools).toBe(false);
    expect(windowOptions({ packaged: false, kiosk: false, preload: 'p' }).webPreferences?.devTools).toBe(true);
    expect(isLockedDown({ packaged: false, kiosk: false })).toBe(false);
  });

  it('goes full screen in kiosk mode', () => {
    expect(windowOptions({ packaged: true, kiosk: true, preload: 'p' })).toMatchObject({
      kiosk: true,
      fullscreen: true,
    });
    expect(windowOptions({ packaged: true, kiosk: false, preload: 'p' })).toMatchObject({
      kiosk: false,
      fullscreen: false,
    });
  });
});

describe('isDevToolsShortcut', () => {
  const key = (over: Partial<Parameters<typeof isDevToolsShortcut>[0]>) => ({
    type: 'keyDown',
    key: '',
    code: '',
    control: false,
    shift: false,
    alt: false,
    meta: false,
    ...over,
  });

  it('catches F12, Ctrl+Shift+I/J/C and Cmd+Alt+I/J/C', () => {
    expect(isDevToolsShortcut(key({ key: 'F12', code: 'F12' }))).toBe(true);
    expect(isDevToolsShortcut(key({ key: 'F12', code: 'F12', shift: true }))).toBe(true);
    for (const letter of ['I', 'J', 'C']) {
      expect(isDevToolsShortcut(key({ key: letter, code: `Key${letter}`, control: true, shift: true }))).toBe(true);
      expect(isDevToolsShortcut(key({ key: letter.toLowerCase(), code: `Key${letter}`, meta: true, alt: true }))).toBe(
        true,
      );
    }
  });

  it('leaves typing alone: letters, Ctrl+C, AltGr (Ctrl+Alt) and key-up events', () => {
    expect(isDevToolsShortcut(key({ key: 'I', code: 'KeyI', shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'c', code: 'KeyC', control: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'ć', code: 'KeyC', control: true, alt: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ key: 'K', code: 'KeyK', control: true, shift: true }))).toBe(false);
    expect(isDevToolsShortcut(key({ type: 'keyUp', key: 'F12', code: 'F12' }))).toBe(false);
  });
});
