import { describe, expect, it } from 'vitest';
import { shouldOpenAtLogin } from './login-item';

describe('shouldOpenAtLogin', () => {
  it('registers only a packaged app in kiosk mode, on Windows and macOS', () => {
    const platforms: NodeJS.Platform[] = ['win32', 'darwin', 'linux', 'freebsd'];
    const yes: string[] = [];
    for (const platform of platforms) {
      for (const isPackaged of [true, false]) {
        for (const kiosk of [true, false]) {
          if (shouldOpenAtLogin({ platform, isPackaged, kiosk })) yes.push(`${platform}/${isPackaged}/${kiosk}`);
        }
      }
    }
    expect(yes).toEqual(['win32/true/true', 'darwin/true/true']);
  });
});
