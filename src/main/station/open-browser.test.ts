import { accessSync, constants } from 'node:fs';
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium } from './open-browser';

describe('finding Chromium for the station', () => {
  it('uses the browser a person named, and says so when that file is missing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chromium-'));
    const named = path.join(dir, 'my-chromium');
    await writeFile(named, '#!/bin/sh\n');
    await chmod(named, 0o755);
    expect(findChromium({ KIOSK_CHROMIUM: named, PATH: '' })).toBe(named);
    expect(findChromium({ CHROMIUM_PATH: named, PATH: '' })).toBe(named);
    expect(() => findChromium({ KIOSK_CHROMIUM: path.join(dir, 'typo'), PATH: '' })).toThrow(
      /KIOSK_CHROMIUM\/CHROMIUM_PATH is set to .*typo, which does not exist/,
    );
  });

  it('otherwise finds an executable on PATH, never a file it cannot run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chromium-path-'));
    await writeFile(path.join(dir, 'chromium-browser'), 'not executable');
    const found = findChromium({ PATH: dir });
    // /usr/bin/chromium wins when installed; the non-executable file never does.
    expect(found).not.toBe(path.join(dir, 'chromium-browser'));
    await chmod(path.join(dir, 'chromium-browser'), 0o755);
    const again = findChromium({ PATH: dir });
    expect(again === '/usr/bin/chromium' || again === path.join(dir, 'chromium-browser')).toBe(true);
    if (again) expect(() => accessSync(again, constants.X_OK)).not.toThrow();
  });
});

describe('Chromium’s command line for the station', () => {
  const url = 'http://127.0.0.1:18090/';

  it('in kiosk mode prints silently to the default printer (--kiosk-printing with --kiosk)', () => {
    const args = chromiumArgs(url, '/data', true, false);
    expect(args).toContain('--kiosk');
    expect(args).toContain('--kiosk-printing');
    expect(args[0]).toBe(`--app=${url}`);
    expect(args).toContain(`--user-data-dir=${path.join('/data', 'chromium-profile')}`);
  });

  it('outside kiosk mode keeps the print dialog: neither flag', () => {
    const args = chromiumArgs(url, '/data', false, false);
    expect(args).not.toContain('--kiosk');
    expect(args).not.toContain('--kiosk-printing');
  });

  it('adds --no-sandbox only when run as root', () => {
    expect(chromiumArgs(url, '/data', true, true)).toContain('--no-sandbox');
    expect(chromiumArgs(url, '/data', true, false)).not.toContain('--no-sandbox');
  });
});
