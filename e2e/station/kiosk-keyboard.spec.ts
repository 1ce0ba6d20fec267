import { openSettings } from '../support/actions';
import { expect, test } from '../support/fixtures';

/** Settings, opened with the admin PIN on its pad. */
test('the kiosk keys type at the caret beside a physical keyboard; Done, Escape or a tap elsewhere hides them', async ({
  kiosk: page,
}) => {
  await openSettings(page);
  const keyboards = page.getByTestId('kiosk-keyboard');
  await expect(keyboards).toHaveCount(0);

  const name = page.getByLabel('Kiosk name', { exact: true });
  const nameKeys = page.getByRole('group', { name: 'Keyboard: Kiosk name' });
  const key = (label: string) => nameKeys.getByRole('button', { name: label, exact: true });
  await name.click();
  await expect(nameKeys).toBeVisible();
  await key('Clear').click();
  for (const label of ['L', 'o', 't']) {
    if (label === 'L') await key('Shift').click();
    await key(label).click();
  }
  await expect(name).toHaveValue('Lot');
  // The caret moved with a physical keyboard: the next kiosk key types there, not at the end.
  await page.keyboard.press('Home');
  await key('Shift').click();
  for (const label of ['G', 'r', 'a', 'n', 'd', 'Space']) await key(label).click();
  await expect(name).toHaveValue('Grand Lot');
  // And the physical keyboard types where the kiosk keys left the caret, the keys still open.
  await page.keyboard.type('Est ');
  await expect(name).toHaveValue('Grand Est Lot');
  await expect(name).toBeFocused();
  await key('Backspace').click();
  await expect(name).toHaveValue('Grand EstLot');

  // Escape hides the keys; the field keeps its text, its focus and the physical keyboard.
  await page.keyboard.press('Escape');
  await expect(keyboards).toHaveCount(0);
  await expect(name).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' 2');
  await expect(name).toHaveValue('Grand EstLot 2');

  // A tap brings them back; a tap on another field gives it its own keys (one keyboard at a time).
  await name.click();
  await expect(nameKeys).toBeVisible();
  const zone = page.getByLabel('Zone name', { exact: true }).first();
  await zone.click();
  await expect(page.getByRole('group', { name: 'Keyboard: Zone name' })).toBeVisible();
  await expect(keyboards).toHaveCount(1);
  // A tap on anything else hides them.
  await page.getByRole('heading', { name: 'Zones and rates' }).click();
  await expect(keyboards).toHaveCount(0);

  // The URL field takes the one-tap helpers.
  const url = page.getByLabel('Controller URL', { exact: true });
  await url.click();
  const urlKeys = page.getByRole('group', { name: 'Keyboard: Controller URL' });
  await urlKeys.getByRole('button', { name: 'Clear', exact: true }).click();
  for (const label of ['https://', 'g', 'a', 't', 'e', '.com']) {
    await urlKeys.getByRole('button', { name: label, exact: true }).click();
  }
  await expect(url).toHaveValue('https://gate.com');
  // No space key in an address, and Done hides the keys.
  await expect(urlKeys.getByRole('button', { name: 'Space', exact: true })).toHaveCount(0);
  await urlKeys.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(keyboards).toHaveCount(0);
  await expect(url).toHaveValue('https://gate.com');
});
