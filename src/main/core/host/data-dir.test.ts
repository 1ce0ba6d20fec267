import { chmod, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { makePrivate } from './data-dir';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});
const mode = async (file: string) => (await stat(file)).mode & 0o777;

describe('the data folder is private to the kiosk user (modes, on every platform that has them)', () => {
  it('makes the folder 0700 and every file in it 0600, older wider ones included', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'private-'));
    dirs.push(root);
    const dir = path.join(root, 'data');
    await mkdir(dir, { mode: 0o755 });
    await writeFile(path.join(dir, 'settings.json'), '{}', { mode: 0o644 });
    await chmod(path.join(dir, 'settings.json'), 0o644);
    await makePrivate(dir);
    expect(await mode(dir)).toBe(0o700);
    expect(await mode(path.join(dir, 'settings.json'))).toBe(0o600);

    // Settings rewritten later by conf (electron-store's engine) keep the mode the kiosk asks for.
    const settings = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'settings', configFileMode: 0o600 });
    settings.set('kioskName', 'Gate 1');
    expect(await mode(path.join(dir, 'settings.json'))).toBe(0o600);

    const fresh = path.join(root, 'new');
    await makePrivate(fresh);
    expect(await mode(fresh)).toBe(0o700);
  });
});
