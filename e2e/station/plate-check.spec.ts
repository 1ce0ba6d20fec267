import type { Page } from '@playwright/test';
import { durationRadio, openScreen, openSettings, payForSale, ticketOnConfirmation } from '../support/actions';
import { ADMIN_PIN, expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { signIn } from '../support/shift';

/**
 * The plate check as an attendant meets it, at a kiosk whose home region is Ontario (the default): a standard plate
 * is sold with no step; a look-alike typo gets its correction as one tap; a vanity plate is read back. Then a
 * supervisor adds Québec by touch, and a Québec plate stops being questioned.
 */

test.beforeEach(async ({ page, station }) => {
  // Screens are checked at three sizes and generated plates typed one by one: more than the default minute.
  test.slow();
  await page.goto(station.url);
  await signIn(page);
  await durationRadio(page, /^1 h\b/).click();
});

/** Clears the plate and types it on the on-screen keys, as an attendant would. */
async function tapPlate(page: Page, plate: string): Promise<void> {
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  const keys = page.getByRole('group', { name: 'Plate keys' });
  for (const key of plate) await keys.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByTestId('plate-display')).toHaveValue(plate);
}

/** Clears the plate and types it on a keyboard, as a plate scanner would. */
async function typePlate(page: Page, plate: string): Promise<void> {
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.keyboard.type(plate);
  await expect(page.getByTestId('plate-display')).toHaveValue(plate);
}

/** Issue, then the confirmation with no step in between. */
async function expectIssuedWithoutStep(page: Page, plate: string): Promise<void> {
  await page.getByRole('button', { name: 'Issue permit' }).click();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('confirm-plate')).toHaveText(plate);
  await page.getByRole('button', { name: 'New permit' }).click();
}

test('a standard Ontario plate is issued with no check, look-alike characters or not', async ({ page, sandbox }) => {
  // B, Z, S, 2, 5 and 8 all read alike with something; the old check stopped every one of these cars.
  for (const plate of ['BZSK258', 'ABC123']) {
    await tapPlate(page, plate);
    await expectIssuedWithoutStep(page, plate);
  }
  await expect.poll(async () => (await sandbox.permits()).map((p) => p.plate).sort()).toEqual(['ABC123', 'BZSK258']);
});

test('a look-alike typo gets the corrected plate as one tap, which issues it', async ({ page, sandbox }) => {
  // 8 typed for B, in a letter position of Ontario's ABCD 123.
  await tapPlate(page, 'A8CD124');
  await page.getByRole('button', { name: 'Issue permit' }).click();

  const step = page.getByRole('dialog', { name: 'Which plate is on the car?' });
  await expect(step).toBeVisible();
  await expect(step.getByTestId('typed-plate')).toContainText('A8CD124');
  const choice = step.getByRole('button', { name: 'Issue for ABCD124' });
  await expect(choice).toBeFocused();
  // The swapped character is named on the choice.
  await expect(choice).toContainText('letter B');
  await expect(step.getByTestId('plate-choice')).toHaveCount(1);
  // The choice is a large target, wholly on screen.
  const box = (await choice.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.height).toBeGreaterThanOrEqual(80);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await checkScreen(page, 'plate-look-alike');
  await page.waitForTimeout(300);
  expect(await sandbox.permits()).toHaveLength(0);

  await choice.click();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-plate')).toHaveText('ABCD124');
  const ticket = await ticketOnConfirmation(page);
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => [p.plate, p.permitNo]))
    .toEqual([['ABCD124', ticket]]);
});

test('on the look-alike step, "Keep as typed" sells the plate as typed and "Fix plate" goes back', async ({
  page,
  sandbox,
}) => {
  await tapPlate(page, 'ABCD1Z3');
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const step = page.getByRole('dialog', { name: 'Which plate is on the car?' });
  await step.getByRole('button', { name: 'Fix plate' }).click();
  await expect(step).toHaveCount(0);
  await expect(page.getByTestId('plate-display')).toHaveValue('ABCD1Z3');

  await page.getByRole('button', { name: 'Issue permit' }).click();
  await step.getByRole('button', { name: 'Keep ABCD1Z3 as typed' }).click();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect.poll(async () => (await sandbox.permits()).map((p) => p.plate)).toEqual(['ABCD1Z3']);
});

test('a vanity plate gets the read-back step', async ({ page, sandbox }) => {
  await tapPlate(page, 'GR8DAY');
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const step = page.getByRole('dialog', { name: 'Check the plate' });
  await expect(step).toBeVisible();
  await expect(step.getByTestId('checked-plate')).toContainText('GR8DAY');
  for (const name of ['letter G', 'digit 8']) await expect(step).toContainText(name);
  await expect(page.getByRole('dialog', { name: 'Which plate is on the car?' })).toHaveCount(0);
  await step.getByRole('button', { name: 'Plate is correct' }).click();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect.poll(async () => (await sandbox.permits()).map((p) => p.plate)).toEqual(['GR8DAY']);
});

test('generated plates: 10 correct Ontario plates pass with no step, 10 look-alike typos are all corrected', async ({
  page,
}) => {
  // A seeded draw of Ontario's ABCD 123 (no I, O or U), and one look-alike typo of each.
  let seed = 11;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const pick = (characters: string) => characters[Math.floor(random() * characters.length)]!;
  const letters = 'ABCDEFGHJKLMNPQRSTVWXYZ';
  const plates = Array.from({ length: 10 }, () =>
    [...'LLLL999'].map((slot) => pick(slot === 'L' ? letters : '0123456789')).join(''),
  );
  const typoOf: Record<string, string> = {
    '0': 'O',
    '1': 'I',
    '2': 'Z',
    '5': 'S',
    '6': 'G',
    '8': 'B',
    B: '8',
    S: '5',
    Z: '2',
    G: '6',
  };
  const typos = plates.map((plate, index) => {
    const positions = [...plate].flatMap((c, i) => (typoOf[c] ? [i] : []));
    const at = positions[index % Math.max(positions.length, 1)] ?? -1;
    return { plate, typo: at < 0 ? null : plate.slice(0, at) + typoOf[plate[at]!]! + plate.slice(at + 1) };
  });

  let stepped = 0;
  for (const plate of plates) {
    await typePlate(page, plate);
    await page.getByRole('button', { name: 'Issue permit' }).click();
    // Every sale ends in the payment step; any other step first is the plate check stepping in.
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    if ((await page.getByRole('dialog', { name: 'Payment' }).count()) === 0) stepped += 1;
    await dialog.getByRole('button', { name: /^(Fix plate|Back)$/ }).click();
    await expect(dialog).toHaveCount(0);
  }

  let caught = 0;
  let tried = 0;
  for (const { plate, typo } of typos) {
    if (!typo) continue;
    tried += 1;
    await typePlate(page, typo);
    await page.getByRole('button', { name: 'Issue permit' }).click();
    const step = page.getByRole('dialog', { name: 'Which plate is on the car?' });
    if (await step.isVisible({ timeout: 2000 }).catch(() => false)) {
      if ((await step.getByRole('button', { name: `Issue for ${plate}` }).count()) === 1) caught += 1;
      await step.getByRole('button', { name: 'Fix plate' }).click();
    } else {
      const payment = page.getByRole('dialog', { name: 'Payment' });
      await expect(payment).toBeVisible();
      await payment.getByRole('button', { name: 'Back', exact: true }).click();
    }
  }
  console.log(
    `Plate check in the station: ${stepped} of ${plates.length} correct plates stepped; ${caught} of ${tried} typos corrected`,
  );
  expect(stepped / plates.length).toBeLessThanOrEqual(0.05);
  expect(tried).toBeGreaterThanOrEqual(8);
  expect(caught / tried).toBeGreaterThanOrEqual(0.95);
});

test('a supervisor adds Québec by touch; a Québec plate then goes through, and no region at all is refused', async ({
  page,
}) => {
  // Québec's current series, A12 BCD, at an Ontario-only kiosk: no home format, look-alikes: read back.
  await tapPlate(page, 'X12KRT');
  await page.getByRole('button', { name: 'Issue permit' }).click();
  await expect(page.getByRole('dialog', { name: 'Check the plate' })).toBeVisible();
  await page.getByRole('button', { name: 'Fix plate' }).click();

  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Plate check' })).toBeVisible();

  const canada = page.getByRole('group', { name: 'Home regions: Canada' });
  await expect(canada.getByRole('button', { name: 'Ontario' })).toHaveAttribute('aria-pressed', 'true');
  await expect(canada.getByRole('button', { name: 'Quebec' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('group', { name: 'Home regions: United States' }).getByRole('button')).toHaveCount(14);

  // None at all: refused in words, under the choice, and nothing is saved.
  await canada.getByRole('button', { name: 'Ontario' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('home-regions')).toContainText('Choose at least one region for the plate check.');

  await canada.getByRole('button', { name: 'Ontario' }).click();
  await canada.getByRole('button', { name: 'Quebec' }).click();
  await expect(canada.getByRole('button', { name: 'Quebec' })).toHaveAttribute('aria-pressed', 'true');
  await checkScreen(page, 'settings-home-regions');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(page.getByTestId('home-regions').getByRole('button', { pressed: true })).toHaveCount(2);

  await openScreen(page, 'Issue');
  await expect(page.getByTestId('plate-display')).toHaveValue('X12KRT');
  await expectIssuedWithoutStep(page, 'X12KRT');
});

test('in French, the look-alike step and the home regions are French', async ({ page }) => {
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await page.keyboard.type('A8CD124');
  await page.getByRole('button', { name: /Émettre le permis/ }).click();
  const step = page.getByRole('dialog', { name: 'Quelle plaque porte la voiture?' });
  await expect(step.getByRole('button', { name: 'Émettre pour ABCD124' })).toContainText('lettre B');
  await expect(step.getByRole('button', { name: 'Garder la plaque A8CD124 telle quelle' })).toBeVisible();
  await expect(step).not.toContainText(/Which plate|As typed|Keep|Issue for|letter B/);
  await step.getByRole('button', { name: 'Corriger la plaque' }).click();

  await page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name: 'Réglages' }).click();
  const keys = page.getByRole('group', { name: 'Touches du NIP' });
  for (const digit of ADMIN_PIN) await keys.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir les réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Vérification des plaques' })).toBeVisible();
  const canada = page.getByRole('group', { name: 'Régions locales : Canada' });
  await expect(canada.getByRole('button', { name: 'Colombie-Britannique' })).toBeVisible();
  await canada.getByRole('button', { name: 'Ontario' }).click();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('home-regions')).toContainText(
    'Choisissez au moins une région pour la vérification des plaques.',
  );
  await expect(page.getByRole('group', { name: 'Régions locales : États-Unis' })).toContainText('Dakota du Nord');
});
