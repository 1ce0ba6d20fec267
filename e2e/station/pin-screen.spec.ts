import type { Locator, Page } from '@playwright/test';
import { openScreen } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { expectInView } from '../support/layout';
import { checkScreen, SCREEN_SIZES } from '../support/screens';

/** The words the PIN screen shows, per language, as an attendant reads them. */
const WORDS = {
  en: { keys: 'PIN keys', pin: 'Admin PIN', open: 'Open settings', settings: 'Settings', clear: 'Clear' },
  fr: {
    keys: 'Touches du NIP',
    pin: 'NIP administrateur',
    open: 'Ouvrir les réglages',
    settings: 'Réglages',
    clear: 'Effacer',
  },
} as const;
type Words = (typeof WORDS)[keyof typeof WORDS];

const pinKeys = (page: Page, words: Words = WORDS.en): Locator => page.getByRole('group', { name: words.keys });

/** A supervisor taps the PIN on the on-screen keys, then Open settings. */
async function enterPin(page: Page, pin: string, words: Words = WORDS.en): Promise<void> {
  for (const digit of pin) await pinKeys(page, words).getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel(words.pin, { exact: true })).toHaveValue(pin);
  await page.getByRole('button', { name: words.open }).click();
}

/** "PIN locked — try again in 04:59" → 299 seconds. */
async function countdownSeconds(countdown: Locator): Promise<number> {
  const match = /(\d+):(\d{2})\s*$/.exec(await countdown.innerText());
  if (!match) throw new Error(`No mm:ss in "${await countdown.innerText()}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

test('with an error banner the whole PIN screen is in view at every size, in English and French', async ({
  kiosk: page,
}) => {
  await openScreen(page, 'Settings');
  for (const [lang, words] of Object.entries(WORDS)) {
    if (lang === 'fr') {
      await page.getByRole('button', { name: 'Language' }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
    }
    await pinKeys(page, words).getByRole('button', { name: words.clear, exact: true }).click();
    await enterPin(page, '9999', words);
    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    // One digit typed, so "Open settings" is live as it is when a supervisor reaches for it.
    await pinKeys(page, words).getByRole('button', { name: '5', exact: true }).click();
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await expect(alert).toBeVisible();
      const keys = pinKeys(page, words).getByRole('button');
      await expect(keys).toHaveCount(12);
      const heights = (await expectInView(keys, `${lang} ${size.name} PIN keys`)).map((box) => box.height);
      const [open] = await expectInView(page.getByRole('button', { name: words.open }), `${lang} ${size.name} open`);
      await expectInView(page.getByLabel(words.pin, { exact: true }), `${lang} ${size.name} PIN field`);
      // Gloved fingers: no key shrinks below 56 px to make room for the banner.
      expect(Math.min(...heights), `${lang} ${size.name} key heights ${heights.join(',')}`).toBeGreaterThanOrEqual(56);
      test.info().annotations.push({
        type: 'measured',
        description: `${lang} ${size.name}: keys ${Math.min(...heights)}–${Math.max(...heights)} px high, "${words.open}" bottom at ${open!.y + open!.height}`,
      });
    }
    await page.setViewportSize({ width: 1024, height: 768 });
    await checkScreen(page, `pin-banner-${lang}`);
  }
});

test('the French pad names Clear and Delete differently', async ({ kiosk: page }) => {
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('navigation').getByRole('button', { name: WORDS.fr.settings, exact: true }).click();
  const keys = pinKeys(page, WORDS.fr).getByRole('button');
  const names = await keys.evaluateAll((buttons) => buttons.map((b) => (b as HTMLButtonElement).innerText.trim()));
  expect(new Set(names).size, names.join(' | ')).toBe(names.length);
  await expect(pinKeys(page, WORDS.fr).getByRole('button', { name: 'Effacer', exact: true })).toHaveCount(1);
  await expect(pinKeys(page, WORDS.fr).getByRole('button', { name: 'Corriger', exact: true })).toHaveCount(1);

  // Each does its own thing: Corriger takes the last digit off, Effacer empties the field.
  for (const digit of '123') await pinKeys(page, WORDS.fr).getByRole('button', { name: digit, exact: true }).click();
  const field = page.getByLabel(WORDS.fr.pin, { exact: true });
  await pinKeys(page, WORDS.fr).getByRole('button', { name: 'Corriger', exact: true }).click();
  await expect(field).toHaveValue('12');
  await pinKeys(page, WORDS.fr).getByRole('button', { name: 'Effacer', exact: true }).click();
  await expect(field).toHaveValue('');
});

test('a lock-out counts down and turns the keys off, on every visit, and its banner stays on the PIN screen', async ({
  kiosk: page,
}) => {
  await openScreen(page, 'Settings');
  const alert = page.getByRole('alert');
  for (const pin of ['9999', '0000', '0001', '0002']) await enterPin(page, pin);
  await expect(alert).toContainText('1 try left');
  await expect(page.getByTestId('pin-lock-countdown')).toHaveCount(0);

  await enterPin(page, '4321');
  await expect(alert).toContainText('Too many wrong PINs');
  const countdown = page.getByRole('timer');
  await expect(countdown).toContainText(/PIN locked — try again in \d\d:\d\d/);
  const first = await countdownSeconds(countdown);
  // Main locks for five minutes the first time.
  expect(first).toBeGreaterThan(4 * 60);
  expect(first).toBeLessThanOrEqual(5 * 60);
  for (const key of await pinKeys(page).getByRole('button').all()) await expect(key).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Open settings' })).toBeDisabled();
  await expect(page.getByLabel('Admin PIN', { exact: true })).toBeDisabled();
  await checkScreen(page, 'pin-lockout');
  // It is a live clock: a couple of seconds later it shows less.
  await expect.poll(() => countdownSeconds(countdown), { timeout: 5_000 }).toBeLessThanOrEqual(first - 2);

  // The banner belonged to the PIN screen: the Issue screen opens without it.
  await openScreen(page, 'Issue');
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await expect(alert).toHaveCount(0);

  // The lock is main's: back on Settings the keys are still off and the clock still runs.
  await openScreen(page, 'Settings');
  await expect(alert).toHaveCount(0);
  await expect(countdown).toBeVisible();
  expect(await countdownSeconds(countdown)).toBeLessThan(first);
  await expect(pinKeys(page).getByRole('button', { name: '1', exact: true })).toBeDisabled();

  // A reload forgets what the page saw, not main's lock: even the right PIN is refused, and the clock is back.
  await page.reload();
  await openScreen(page, 'Settings');
  await expect(countdown).toHaveCount(0);
  await enterPin(page, '1234');
  await expect(alert).toContainText('Too many wrong PINs');
  await expect(countdown).toBeVisible();
  expect(await countdownSeconds(countdown)).toBeLessThan(first);
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toHaveCount(0);
});
