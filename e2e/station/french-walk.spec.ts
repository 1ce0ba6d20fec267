import type { Page } from '@playwright/test';
import { catalogs } from '../../src/renderer/src/i18n/catalog';
import { PROBLEM_CODES, problemText } from '../../src/shared/errors/problems';
import { expect, setFaults, test } from '../support/fixtures';

/**
 * Every screen in French, main's refusals included: no text on screen is one of the English catalog's words
 * (where French has its own), and none carries English words main would send for a problem.
 */
const english = catalogs['en-CA'];
const french = catalogs['fr-CA'];
const englishOnly = new Set(
  Object.entries(english)
    .filter(([key, words]) => typeof words === 'string' && words !== french[key as keyof typeof french])
    .map(([, words]) => (words as string).trim()),
);
/** Main's words for problems without parameters, as they would show untranslated. */
const englishProblems = PROBLEM_CODES.map((code) => problemText('en-CA', { code })).filter(
  (words, index) => words.length > 12 && words !== problemText('fr-CA', { code: PROBLEM_CODES[index]! }),
);

async function textOnScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const element of document.querySelectorAll('[aria-label],[placeholder]')) {
      for (const name of ['aria-label', 'placeholder']) {
        const value = element.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    return texts;
  });
}

async function expectFrench(page: Page, screen: string): Promise<void> {
  const texts = await textOnScreen(page);
  const leaks = texts.filter((text) => englishOnly.has(text) || englishProblems.some((words) => text.includes(words)));
  expect(leaks, `English on the ${screen} screen`).toEqual([]);
}

test('every screen in French shows no English, main’s refusals included', async ({ attendant: page, sandbox }) => {
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expectFrench(page, 'Émettre');

  // A permit that needs attention, and one waiting, so the queue has rows and words from main.
  await setFaults(sandbox.url, [{ endpoint: 'push', kind: 'store-then-truncate', count: 1 }]);
  await page.keyboard.type('KXW647');
  await page.getByRole('radiogroup', { name: 'Durée' }).getByRole('radio').first().click();
  await page.getByRole('button', { name: /Émettre le permis/ }).click();
  const payment = page.getByRole('dialog', { name: 'Paiement' });
  await expect(payment).toBeVisible();
  await expectFrench(page, 'paiement');
  await payment.getByRole('radio', { name: 'Carte', exact: true }).click();
  await expectFrench(page, 'paiement par carte');
  await payment.getByRole('button', { name: 'Confirmer le paiement' }).click();
  await expect(page.getByRole('heading', { name: 'Permis émis' })).toBeVisible();
  await expectFrench(page, 'confirmation');

  for (const [name, heading] of [
    ['Permis actifs', 'Permis actifs'],
    ['Envois', 'File d’envoi'],
    ['Quart', 'Quart'],
    ['Occupation', 'Occupation'],
    ['Réglages', 'Réglages'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading }).first()).toBeVisible();
    await expectFrench(page, name);
  }

  // Main refuses a wrong PIN: its words arrive as a code, shown in French.
  const keys = page.getByRole('group', { name: 'Touches du NIP' });
  for (const digit of '9999') await keys.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir les réglages' }).click();
  await expect(page.getByRole('alert')).toContainText('Ce NIP n’est pas le bon. Il reste 4 essais.');
  await expectFrench(page, 'Réglages (NIP refusé)');

  // The settings themselves, and a refusal of a field by main's schema.
  for (const digit of '1234') await keys.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'Ouvrir les réglages' }).click();
  await expect(page.getByRole('heading', { name: 'Connexion OPSCOM' })).toBeVisible();
  await page.getByLabel('URL du contrôleur').fill('http://controller.example');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByText(/doit commencer par https:\/\//).first()).toBeVisible();
  await expectFrench(page, 'Réglages');

  await page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name: 'Envois', exact: true }).click();
  await expect(page.getByTestId('reconcile-row').first()).toBeVisible({ timeout: 20_000 });
  await expectFrench(page, 'File d’envoi (à vérifier)');
});
