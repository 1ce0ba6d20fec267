import { confirmLookAlikes, durationRadio, zoneRadio } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

test('the language switch turns every screen French and back; money follows the language', async ({
  attendant: page,
  sandbox,
}) => {
  await zoneRadio(page, 'Lot 1').click();
  await durationRadio(page, /^1 h\b/).click();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toContainText('$4.50');

  // The button shows the language it switches to.
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  const emettre = page.getByRole('button', { name: 'Émettre le permis' });
  await expect(emettre).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toHaveCount(0);
  await expect(
    page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name: 'Permis actifs' }),
  ).toBeVisible();
  // fr-CA money: decimal comma, the sign after the amount.
  await expect(emettre).toContainText(/4,50\s\$/);
  const oneHour = page.getByRole('radiogroup', { name: 'Durée' }).getByRole('radio', { name: /^1 h — 4,50\s\$$/ });
  await expect(oneHour).toHaveAttribute('aria-checked', 'true');

  // The choice is main's: a reload keeps it.
  await page.reload();
  await expect(emettre).toBeVisible();
  await oneHour.click();

  await page.keyboard.type('KXW3A1');
  await emettre.click();
  const check = page.getByRole('dialog', { name: 'Vérifiez la plaque' });
  await expect(check).toContainText('chiffre 1');
  await check.getByRole('button', { name: 'La plaque est correcte' }).click();
  // Paid in cash, in French amounts: the change is worked out and shown before anything is confirmed.
  const payment = page.getByRole('dialog', { name: 'Paiement' });
  await payment.getByRole('button', { name: /^10,00\s\$$/ }).click();
  await expect(payment.getByTestId('tender-change')).toHaveText(/^Monnaie 5,50\s\$$/);
  await payment.getByRole('button', { name: 'Confirmer le paiement' }).click();
  await expect(page.getByRole('heading', { name: 'Permis émis' })).toBeVisible();
  await expect(page.getByTestId('confirm-change')).toHaveText(/^Monnaie à rendre : 5,50\s\$$/);
  await expect(page.getByTestId('confirm-amount')).toHaveText(/^4,50\s\$$/);
  await checkScreen(page, 'confirmation-fr');
  // What OPSCOM receives does not depend on the screen's language.
  await expect.poll(async () => (await sandbox.permits())[0]?.amount).toBe('4.50');
  await page.getByRole('button', { name: 'Nouveau permis' }).click();
  await checkScreen(page, 'issue-fr');

  await page.getByRole('button', { name: 'Langue' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-CA');
  await expect(page.getByRole('button', { name: 'Issue permit' })).toContainText('$4.50');
  await expect(page.getByRole('button', { name: 'Émettre le permis' })).toHaveCount(0);
  await page.keyboard.type('KXW3A1');
  await page.getByRole('button', { name: 'Issue permit' }).click();
  // Same plate again: the already-active warning, in English now.
  await confirmLookAlikes(page, 'KXW3A1');
  await expect(page.getByRole('dialog', { name: 'This plate already has a permit' })).toBeVisible();
});
