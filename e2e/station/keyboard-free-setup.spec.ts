import type { Locator, Page } from '@playwright/test';
import { catalogs, type Catalog } from '../../src/renderer/src/i18n/catalog';
import {
  KEYBOARD_LAYOUTS,
  pressesFor,
  type KeyboardLayoutName,
} from '../../src/renderer/src/features/keyboard/kiosk-keyboard';
import { expect, launchStation, SANDBOX_TOKEN, test, type LaunchedStation } from '../support/fixtures';
import { tempDataDir } from '../support/processes';
import { checkScreen } from '../support/screens';

/**
 * A lot station has a touch screen and nothing else. Here a new one is set up from its first start to a running
 * shift with taps only: every character goes in through the kiosk's own keys (locator.click), never through
 * page.keyboard or fill().
 */
test.use({ viewport: { width: 1024, height: 768 } });

/** The smallest key a gloved finger gets at 1024×768. */
const MIN_KEY_HEIGHT = 56;
const NO_CONTROLLER = { OPSCOM_URL: '', OPSCOM_TOKEN: '' };

/**
 * Taps the keys that type `text` on `layout` (Shift before a capital), as an attendant would: with the mouse, at
 * the middle of each key as laid out on screen. The keys are found by their names once; a key stays where it is
 * when Shift changes its face, and going straight to the mouse spares a few seconds of waiting per tap.
 */
async function typeOnKeys(
  page: Page,
  keys: Locator,
  layout: KeyboardLayoutName,
  text: string,
  t: Catalog,
): Promise<void> {
  const definition = KEYBOARD_LAYOUTS[layout];
  const presses = pressesFor(definition, text);
  expect(presses, `the ${layout} keys can type "${text}"`).not.toBeNull();
  if (definition.cased) {
    await expect(keys.getByRole('button', { name: t.keyShift, exact: true })).toHaveAttribute('aria-pressed', 'false');
  }
  const middles = new Map(
    await keys.getByRole('button').evaluateAll((buttons) =>
      buttons.map((button) => {
        const box = button.getBoundingClientRect();
        return [button.textContent ?? '', { x: box.x + box.width / 2, y: box.y + box.height / 2 }] as const;
      }),
    ),
  );
  for (const key of presses!) {
    // Faces are the unshifted ones here: a letter key is found by its lower case.
    const name =
      key.kind === 'shift' ? t.keyShift : key.kind === 'space' ? t.space : key.kind === 'char' ? key.char : '';
    const middle = middles.get(name);
    expect(middle, `a key "${name}" on the ${layout} keys`).toBeDefined();
    await page.mouse.click(middle!.x, middle!.y);
  }
}

/** Every key's height on screen, in CSS pixels. */
async function keyHeights(keys: Locator): Promise<number[]> {
  return keys.getByRole('button').evaluateAll((buttons) => buttons.map((key) => key.getBoundingClientRect().height));
}

/** Keys whose label does not fit on them (cut short, or spilling over). */
async function clippedKeys(keys: Locator): Promise<string[]> {
  return keys
    .getByRole('button')
    .evaluateAll((buttons) =>
      buttons
        .filter((key) => key.scrollWidth > key.clientWidth + 1 || key.scrollHeight > key.clientHeight + 1)
        .map((key) => key.textContent ?? ''),
    );
}

/** The field is wholly on screen, above the keys that type into it, and the keys are wholly on screen. */
async function expectFieldAboveKeys(page: Page, field: Locator, keys: Locator): Promise<void> {
  const viewport = page.viewportSize()!;
  const [f, k] = [await field.boundingBox(), await keys.boundingBox()];
  expect(f && k, 'field and keys are laid out').toBeTruthy();
  expect(f!.y, 'the field is not above the top edge').toBeGreaterThanOrEqual(0);
  expect(f!.y + f!.height, 'the keys do not cover the field').toBeLessThanOrEqual(k!.y + 0.5);
  expect(k!.y + k!.height, 'the keys fit on screen').toBeLessThanOrEqual(viewport.height + 0.5);
}

async function enterPinOnPad(page: Page, t: Catalog, pin: string): Promise<void> {
  const pad = page.getByRole('group', { name: t.pinKeys });
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click();
}

async function statsAnswers(sandboxUrl: string): Promise<Array<number | null>> {
  const { requests } = (await (await fetch(`${sandboxUrl}/__sandbox/requests`)).json()) as {
    requests: Array<{ path: string; status: number | null }>;
  };
  return requests.filter((r) => r.path.endsWith('/permits/stats')).map((r) => r.status);
}

for (const lang of ['en-CA', 'fr-CA'] as const) {
  test(`${lang}: a new station is set up end to end on the kiosk's own keys, no keyboard at all`, async ({
    page,
    sandbox,
  }) => {
    // Some 170 taps and two station starts, on a shared machine.
    test.setTimeout(180_000);
    const t = catalogs[lang];
    const kioskName = lang === 'fr-CA' ? 'Guérite Nord-Est' : 'North Gate Côté';
    const attendant = 'Zoé';
    const newPin = '2468';
    const logged: string[] = [];
    page.on('console', (message) => logged.push(message.text()));

    const data = await tempDataDir();
    const stations: LaunchedStation[] = [];
    try {
      // First start, nothing configured: demo mode, whose admin PIN (1234) the screen shows.
      const first = await launchStation(NO_CONTROLLER, data.dir);
      stations.push(first);
      await page.goto(first.url);
      await expect(page.getByText(catalogs['en-CA'].demoBadge)).toBeVisible();
      if (lang === 'fr-CA') {
        await page.getByRole('button', { name: catalogs['en-CA'].languageLabel }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
      }

      await page.getByRole('navigation').getByRole('button', { name: t.navSettings, exact: true }).click();
      await enterPinOnPad(page, t, '1234');
      await page.getByRole('button', { name: t.openSettings }).click();
      await expect(page.getByRole('heading', { name: t.sectionConnection, exact: true })).toBeVisible();

      // Every text field in Settings opens keys of its own, below it, and Done puts them away (checked once, in
      // English: the French run types the same fields below).
      const fields = page.locator('main input.text-input');
      const count = lang === 'en-CA' ? await fields.count() : 0;
      if (lang === 'en-CA') expect(count).toBeGreaterThanOrEqual(10);
      for (let i = 0; i < count; i += 1) {
        const field = fields.nth(i);
        await field.click();
        const label = (await field.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent)) ?? '';
        const keys = page.getByRole('group', { name: t.keyboardFor(label) });
        await expect(keys, label).toBeVisible();
        await expect(page.getByTestId('kiosk-keyboard')).toHaveCount(1);
        await expectFieldAboveKeys(page, field, keys);
        expect(Math.min(...(await keyHeights(keys))), label).toBeGreaterThanOrEqual(MIN_KEY_HEIGHT);
        expect(await clippedKeys(keys), label).toEqual([]);
        await keys.getByRole('button', { name: t.done, exact: true }).click();
        await expect(page.getByTestId('kiosk-keyboard')).toHaveCount(0);
      }

      // The controller: URL characters on the URL keys.
      const url = page.getByLabel(t.controllerUrl, { exact: true });
      await url.click();
      const urlKeys = page.getByRole('group', { name: t.keyboardFor(t.controllerUrl) });
      await expect(urlKeys.getByRole('button', { name: 'https://', exact: true })).toBeVisible();
      await urlKeys.getByRole('button', { name: t.clear, exact: true }).click();
      await typeOnKeys(page, urlKeys, 'url', sandbox.url, t);
      await expect(url).toHaveValue(sandbox.url);
      await expectFieldAboveKeys(page, url, urlKeys);

      // The token: letters of both cases, digits and dashes, and shown nowhere but in its own (masked) field.
      const token = page.getByLabel(t.newToken, { exact: true });
      await token.click();
      const tokenKeys = page.getByRole('group', { name: t.keyboardFor(t.newToken) });
      await expectFieldAboveKeys(page, token, tokenKeys);
      await typeOnKeys(page, tokenKeys, 'token', SANDBOX_TOKEN, t);
      await expect(token).toHaveValue(SANDBOX_TOKEN);
      await expect(token).toHaveAttribute('type', 'password');
      const elsewhere = await page.evaluate(() => {
        const texts = [document.body.innerText];
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            // The masked field's own value is where the token is meant to be.
            if (element instanceof HTMLInputElement && element.type === 'password' && attribute.name === 'value')
              continue;
            texts.push(attribute.value);
          }
        }
        return texts.join('\n');
      });
      expect(elsewhere).not.toContain(SANDBOX_TOKEN);
      expect(elsewhere).not.toContain(SANDBOX_TOKEN.slice(-8));

      // The kiosk's name, with its accents, on the letter keys.
      const name = page.getByLabel(t.kioskName, { exact: true });
      await name.click();
      const nameKeys = page.getByRole('group', { name: t.keyboardFor(t.kioskName) });
      await expectFieldAboveKeys(page, name, nameKeys);
      await nameKeys.getByRole('button', { name: t.clear, exact: true }).click();
      await typeOnKeys(page, nameKeys, 'text', kioskName, t);
      await expect(name).toHaveValue(kioskName);
      const heights = await keyHeights(nameKeys);
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(MIN_KEY_HEIGHT);
      expect(await clippedKeys(nameKeys)).toEqual([]);
      // On a big landscape screen and a portrait one the keys grow, every label still fits, and the field stays
      // in view above them. Then the screenshots and axe at all three sizes.
      for (const size of [
        { width: 1920, height: 1080 },
        { width: 1080, height: 1920 },
      ]) {
        await page.setViewportSize(size);
        await expectFieldAboveKeys(page, name, nameKeys);
        const grown = await keyHeights(nameKeys);
        expect(Math.min(...grown)).toBeGreaterThan(Math.max(...heights));
        expect(await clippedKeys(nameKeys), `${size.width}×${size.height}`).toEqual([]);
        test.info().annotations.push({
          type: `key height at ${size.width}×${size.height} (px)`,
          description: `${Math.min(...grown)}–${Math.max(...grown)}`,
        });
      }
      await page.setViewportSize({ width: 1024, height: 768 });
      await checkScreen(page, `settings-kiosk-keyboard-${lang}`);
      await nameKeys.getByRole('button', { name: t.done, exact: true }).click();

      await page.getByRole('button', { name: t.save, exact: true }).click();
      await expect(page.getByText(t.settingsSaved)).toBeVisible();
      await expect(page.getByRole('banner')).toContainText(kioskName);
      // Main has the token: the screen shows its last four characters, and the field is emptied.
      await expect(page.getByTestId('token-state')).toHaveText(t.tokenIsSet(SANDBOX_TOKEN.slice(-4)));
      await expect(token).toHaveValue('');
      await expect(url).toHaveValue(sandbox.url);

      // Demo mode takes saved controller settings at the next start: restart on the same data folder.
      await first.stop();
      const second = await launchStation(NO_CONTROLLER, data.dir);
      stations.push(second);
      await page.goto(second.url);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('banner')).toContainText(kioskName);
      await expect(page.getByText(t.demoBadge)).toHaveCount(0);

      // No longer a demo: a supervisor chooses the admin PIN, twice, on the PIN keys.
      await expect(page.getByRole('heading', { name: t.setPinTitle })).toBeVisible();
      await enterPinOnPad(page, t, newPin);
      await page.getByRole('button', { name: t.setPinNext, exact: true }).click();
      await enterPinOnPad(page, t, newPin);
      await page.getByRole('button', { name: t.setPinSave, exact: true }).click();

      // The attendant signs in with an accented name on the name keys.
      await expect(page.getByRole('heading', { name: t.startShift, exact: true })).toBeVisible();
      const attendantKeys = page.getByRole('group', { name: t.attendantKeys });
      expect(Math.min(...(await keyHeights(attendantKeys)))).toBeGreaterThanOrEqual(MIN_KEY_HEIGHT);
      // Tap by tap, by name: Shift shows the capitals, then lets go after one.
      const shift = attendantKeys.getByRole('button', { name: t.keyShift, exact: true });
      await shift.click();
      await expect(shift).toHaveAttribute('aria-pressed', 'true');
      await attendantKeys.getByRole('button', { name: 'Z', exact: true }).click();
      await expect(shift).toHaveAttribute('aria-pressed', 'false');
      await attendantKeys.getByRole('button', { name: 'o', exact: true }).click();
      await attendantKeys.getByRole('button', { name: 'é', exact: true }).click();
      await expect(page.getByRole('textbox', { name: t.attendantLabel })).toHaveValue(attendant);
      await page.getByRole('button', { name: t.startShift, exact: true }).click();
      // The drawer's float comes before selling: this kiosk keeps no cash, so the empty drawer as offered.
      await expect(page.getByRole('heading', { name: t.floatTitle })).toBeVisible();
      await page.getByRole('button', { name: new RegExp(`^${t.confirmFloat('').trim()}`) }).click();
      await expect(page.getByRole('button', { name: t.issuePermit })).toBeVisible();
      await expect(page.getByTestId('shift-attendant')).toHaveText(t.attendantOnShift(attendant));

      // The typed URL and token are in force: the station's probe reached this sandbox, and its token was taken.
      await expect.poll(async () => (await statsAnswers(sandbox.url)).includes(200)).toBe(true);
      expect(await statsAnswers(sandbox.url)).not.toContain(401);
      await expect(page.getByTestId('connection')).toContainText(t.connectionOnline);

      // And Settings, opened with the new PIN, reads them back as saved.
      await page.getByRole('navigation').getByRole('button', { name: t.navSettings, exact: true }).click();
      await enterPinOnPad(page, t, newPin);
      await page.getByRole('button', { name: t.openSettings }).click();
      await expect(page.getByLabel(t.controllerUrl, { exact: true })).toHaveValue(sandbox.url);
      await expect(page.getByLabel(t.kioskName, { exact: true })).toHaveValue(kioskName);
      await expect(page.getByTestId('token-state')).toHaveText(t.tokenIsSet(SANDBOX_TOKEN.slice(-4)));

      // Nothing logged the token: not the page's console, not either station's output.
      for (const text of [...logged, first.output(), second.output()]) expect(text).not.toContain(SANDBOX_TOKEN);
      test.info().annotations.push({
        type: 'key height at 1024×768 (px)',
        description: `${Math.min(...heights)}–${Math.max(...heights)}`,
      });
    } finally {
      for (const station of stations) await station.stop();
      await data.remove();
    }
  });
}
