import { openScreen, openSettings } from '../support/actions';
import { expect, test } from '../support/fixtures';

const IDLE_SECONDS = 5;

test('idle reset: after the idle seconds set in settings, a half-typed plate is cleared and Issue is back', async ({
  attendant: page,
}) => {
  await openSettings(page);
  const idleField = page.getByLabel('Back to Issue after this many idle seconds (0 = never)');
  await expect(idleField).toHaveValue('90');
  await idleField.fill(String(IDLE_SECONDS));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // Left alone on the settings: back to Issue, and the PIN is forgotten.
  const issue = page.getByRole('button', { name: 'Issue permit' });
  await expect(issue).toBeVisible({ timeout: (IDLE_SECONDS + 3) * 1000 });
  await expect(page.getByRole('navigation').getByRole('button', { name: 'Issue', exact: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await openScreen(page, 'Settings');
  await expect(page.getByLabel('Admin PIN', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toHaveCount(0);

  // A half-typed plate: each key counts as a touch, so it stays while someone is typing…
  await openScreen(page, 'Issue');
  const plate = page.getByTestId('plate-display');
  await page.keyboard.type('KXW');
  await page.waitForTimeout(2500);
  await page.keyboard.type('3');
  await page.waitForTimeout(2500);
  // Five seconds since the first key, but only half that since the last one.
  await expect(plate).toHaveValue('KXW3');
  // …and is cleared once nobody has touched the kiosk for the idle seconds.
  await expect(plate).toHaveValue('', { timeout: (IDLE_SECONDS + 3) * 1000 });
  await expect(issue).toBeVisible();
  // The shift stays open: an idle kiosk is not a closed shift.
  await expect(page.getByTestId('shift-attendant')).toHaveText(/^Shift: /);

  // From another screen too.
  await openScreen(page, 'Occupancy');
  await expect(page.getByRole('heading', { name: 'Occupancy' })).toBeVisible();
  await expect(issue).toBeVisible({ timeout: (IDLE_SECONDS + 3) * 1000 });
  await expect(page.getByRole('heading', { name: 'Occupancy' })).toHaveCount(0);
});
