import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyProvision,
  ProvisionError,
  provisionedAfterEdit,
  provisionFileFor,
  readProvisionFile,
} from './provisioning';
import type { SettingsView } from '../../../shared/settings/settings-view';
import { SettingsRepository, type SettingsBacking } from './stored-settings';
import { startTestKiosk, value } from '../testing/test-kiosk';

const ZONE = { name: 'Lot A', currency: 'CAD', centsPerHour: 300, maxCents: 2000, presets: [30, 60] };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'provision-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(content: unknown): Promise<string> {
  const file = path.join(dir, 'kiosk-provision.json');
  await writeFile(file, JSON.stringify(content));
  return file;
}

describe('applying a provisioning file', () => {
  it('writes its values once, and not again while the file is unchanged', async () => {
    const backing: SettingsBacking = { store: { kioskId: 'K1' } };
    const file = (await readProvisionFile(await fileWith({ kioskName: 'North gate', zones: [ZONE] }), true))!;
    expect(applyProvision(backing, file)).toEqual({ applied: true, keys: ['kioskName', 'zones'] });
    const repo = new SettingsRepository(backing);
    expect(repo.read()).toMatchObject({ kioskId: 'K1', kioskName: 'North gate', zones: [ZONE] });
    expect(repo.read().provisioned).toEqual(['kioskName', 'zones']);
    expect(repo.read().provisionHash).toBe(file.hash);

    // A supervisor renames the kiosk; the next start with the same file keeps that.
    repo.update({ kioskName: 'Renamed' });
    expect(applyProvision(backing, file)).toEqual({ applied: false, keys: ['kioskName', 'zones'] });
    expect(repo.read().kioskName).toBe('Renamed');
  });

  it('applies a changed file again, over a supervisor’s edit', async () => {
    const backing: SettingsBacking = { store: {} };
    applyProvision(
      backing,
      (await readProvisionFile(await fileWith({ kioskName: 'One', idleResetSeconds: 30 }), true))!,
    );
    new SettingsRepository(backing).update({ kioskName: 'Edited' });
    const second = (await readProvisionFile(await fileWith({ kioskName: 'Two' }), true))!;
    expect(applyProvision(backing, second)).toEqual({ applied: true, keys: ['kioskName'] });
    const settings = new SettingsRepository(backing).read();
    expect(settings.kioskName).toBe('Two');
    // Dropped from the file: the value stays, no longer marked.
    expect(settings.idleResetSeconds).toBe(30);
    expect(settings.provisioned).toEqual(['kioskName']);
  });

  it('takes a key off the provisioned list when a supervisor changes its value, not when a save repeats it', () => {
    const repo = new SettingsRepository({ store: {} });
    const before = repo.update({
      kioskName: 'A',
      idleResetSeconds: 30,
      provisioned: ['idleResetSeconds', 'kioskName'],
    });
    expect(provisionedAfterEdit(before, repo.update({ kioskName: 'A' }))).toBeUndefined();
    expect(provisionedAfterEdit(before, repo.update({ kioskName: 'B' }))).toEqual(['idleResetSeconds']);
  });

  it('refuses a bad file with every problem, and a named file that is missing', async () => {
    const bad = await fileWith({ kioskName: '', apiToken: 'X' });
    await expect(readProvisionFile(bad, true)).rejects.toThrow(ProvisionError);
    await expect(readProvisionFile(bad, false)).rejects.toMatchObject({
      errors: [expect.stringMatching(/^apiToken: /), 'kioskName: Give the kiosk a name.'],
    });
    await expect(readProvisionFile(path.join(dir, 'none.json'), true)).rejects.toThrow(/cannot read it \(ENOENT\)/);
    expect(await readProvisionFile(path.join(dir, 'none.json'), false)).toBeUndefined();
  });

  it('looks in the data folder when no file is named', () => {
    expect(provisionFileFor(undefined, '/data')).toEqual({ file: '/data/kiosk-provision.json', required: false });
    expect(provisionFileFor('/etc/k.json', '/data')).toEqual({ file: '/etc/k.json', required: true });
  });
});

describe('the Settings screen and provisioned values', () => {
  it('shows the provisioned keys, and a supervisor’s save that changes one takes it off', async () => {
    const kiosk = await startTestKiosk({
      settings: { kioskName: 'North gate', idleResetSeconds: 120, provisioned: ['idleResetSeconds', 'kioskName'] },
    });
    try {
      const view = value<SettingsView>(await kiosk.core.dispatch('settings:get', { adminPin: '1234' }));
      expect(view.provisioned).toEqual(['idleResetSeconds', 'kioskName']);
      // The same name saved again and a new idle time: only the idle time stops being the file's.
      const saved = await kiosk.core.dispatch('settings:update', {
        adminPin: '1234',
        changes: { kioskName: 'North gate', idleResetSeconds: 45 },
      });
      expect(value<SettingsView>(saved).provisioned).toEqual(['kioskName']);
      expect(new SettingsRepository(kiosk.settings).read().provisioned).toEqual(['kioskName']);
    } finally {
      await kiosk.close();
    }
  });
});
