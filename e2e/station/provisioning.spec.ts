import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hashPin } from '../../src/main/core/settings/admin-pin';
import { openSettings, zoneRadio } from '../support/actions';
import { expect, launchStation, SANDBOX_TOKEN, test } from '../support/fixtures';
import { signIn } from '../support/shift';

// IT provisions a new kiosk from one file (docs/provisioning.md): a fresh data folder and `--provision` give a
// kiosk that opens on Start shift (no Set-PIN screen), with the file's name and zones, and the Settings screen says
// which values came from the file. The token is not in the file: it comes from the environment.

const PIN = '4821';

test('a fresh kiosk started with --provision is ready to sell, and Settings shows what the file set', async ({
  page,
  sandbox,
}) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'kiosk-provision-'));
  const file = path.join(folder, 'kiosk-provision.json');
  await writeFile(
    file,
    JSON.stringify({
      controllerUrl: sandbox.url,
      kioskName: 'North gate 3',
      zones: [
        { name: 'Visitor lot P4', currency: 'CAD', centsPerHour: 350, maxCents: 2400, presets: [60, 120] },
        { name: 'Staff garage', currency: 'CAD', centsPerHour: 200, maxCents: 1500, presets: [240] },
      ],
      homeRegions: ['QC'],
      adminPinHash: await hashPin(PIN),
    }),
  );
  const station = await launchStation({ OPSCOM_TOKEN: SANDBOX_TOKEN }, undefined, {
    firstStart: true,
    args: ['--provision', file],
  });
  try {
    expect(station.output()).toContain(`Provisioning: ${file} applied`);
    await page.goto(station.url);
    // No Set-PIN screen: the PIN came with the file.
    await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /admin PIN/i })).toHaveCount(0);
    await expect(page.getByText('North gate 3')).toBeVisible();
    await signIn(page);
    await expect(zoneRadio(page, 'Visitor lot P4')).toBeVisible();
    await expect(zoneRadio(page, 'Staff garage')).toBeVisible();

    await openSettings(page, PIN);
    const zones = page.getByRole('region', { name: 'Zones and rates' });
    await expect(zones.getByText('Set by provisioning')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Plate check' }).getByText('Set by provisioning')).toBeVisible();
    // Not set by the file: no note.
    await expect(
      page.getByRole('region', { name: 'Receipts and printer' }).getByText('Set by provisioning'),
    ).toHaveCount(0);
    // The token is nowhere in the settings the file left.
    expect(await readFile(path.join(station.dataDir, 'settings.json'), 'utf8')).not.toContain(SANDBOX_TOKEN);
  } finally {
    await station.stop();
    await rm(folder, { recursive: true, force: true });
  }
});
