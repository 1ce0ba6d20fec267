import type { Page } from '@playwright/test';
import { downloadFrom, openScreen, parseCsv } from '../support/actions';
import { ADMIN_PIN, expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { amountKeys, moveCash, signIn, typeAmount } from '../support/shift';

/**
 * The money side of a shift as an attendant and a supervisor work it, by tapping: the float at sign-in, paid-outs
 * and drops, the blind count at close (over, short, the admin PIN), and the X-, Z- and day reports with their CSV.
 * No permit here is sold for cash (the Issue screen's tender step is not part of this spec), so the drawer's
 * expected cash is float − paid-outs − drops: $150.00 − $12.50 − $50.00 = $87.50.
 */

async function floatPaidOutAndDrop(page: Page): Promise<void> {
  await openScreen(page, 'Shift');
  await expect(page.getByTestId('drawer-float')).toHaveText('$150.00');
  await moveCash(page, 'Paid out', '1250', 'Window cleaner');
  await page.getByRole('button', { name: 'Confirm paid out $12.50' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Paid out $12.50 recorded' })).toBeVisible();
  await moveCash(page, 'Drop to safe', '5000', 'Safe drop');
  await page.getByRole('button', { name: 'Confirm drop $50.00' }).click();
  await expect(page.getByText('Drop of $50.00 to the safe recorded.')).toBeVisible();
  await expect(page.getByTestId('drawer-paid-outs')).toHaveText('1');
  await expect(page.getByTestId('drawer-drops')).toHaveText('1');
}

/** The blind count: + taps for the notes, and the $10 typed on its own keys. */
async function count(page: Page, rows: { twenties: number; tens: number }): Promise<void> {
  for (let i = 0; i < rows.twenties; i += 1) {
    await page.getByRole('button', { name: 'One more $20', exact: true }).click();
  }
  if (rows.tens > 0) {
    await page.getByRole('textbox', { name: 'How many $10', exact: true }).click();
    const keys = page.getByRole('group', { name: 'Keyboard: How many $10' });
    await keys.getByRole('button', { name: String(rows.tens), exact: true }).click();
    await keys.getByRole('button', { name: 'Done', exact: true }).click();
  }
}

test('a shift over by $2.50 within tolerance: blind count, then expected against counted, closes without a PIN', async ({
  page,
  station,
}) => {
  // Six screens are photographed at three sizes and scanned by axe on the way.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(station.url);
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name or badge number' }).fill('Dana Okafor');
  await page.getByRole('button', { name: 'Start shift', exact: true }).click();

  // The float step stands where Issue would be: nothing is sold before it.
  await expect(page.getByRole('heading', { name: 'Cash in the drawer' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toHaveCount(0);
  await page.getByRole('button', { name: '$150.00', exact: true }).click();
  await expect(page.getByTestId('amount-display')).toHaveText('$150.00');
  // The amount keys take over from the quick choice, as on a till: 1, 5, 0, 0, 0 is $150.00.
  await typeAmount(page, '15000');
  await expect(page.getByTestId('amount-display')).toHaveText('$150.00');
  const confirm = page.getByRole('button', { name: 'Confirm float $150.00' });
  // At the booth's 1024×768 the whole step is on screen: the last key and Confirm above the bottom edge.
  for (const target of [confirm, amountKeys(page).getByRole('button', { name: '0', exact: true })]) {
    const box = (await target.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
    expect(box.height).toBeGreaterThanOrEqual(56);
  }
  await checkScreen(page, 'drawer-float');
  await confirm.click();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();

  // A reload keeps the float: the step is not asked again.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Cash in the drawer' })).toHaveCount(0);

  await openScreen(page, 'Shift');
  await page.getByRole('button', { name: 'Paid out', exact: true }).click();
  await typeAmount(page, '1250');
  await expect(page.getByRole('button', { name: 'Confirm paid out $12.50' })).toBeDisabled();
  await expect(page.getByText('Enter the amount on the keys and a reason.')).toBeVisible();
  await checkScreen(page, 'drawer-paid-out');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await floatPaidOutAndDrop(page);
  // Before the count the Shift screen never shows the expected cash.
  await expect(page.getByText('$87.50')).toHaveCount(0);
  const closeBox = (await page.getByRole('button', { name: 'Close shift', exact: true }).boundingBox())!;
  expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(768);
  await checkScreen(page, 'shift-drawer');

  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Count the drawer' })).toBeVisible();
  // One row per note and coin, largest first.
  await expect(page.getByTestId('count-row').locator('.count-row__label')).toHaveText([
    '$100',
    '$50',
    '$20',
    '$10',
    '$5',
    '$2',
    '$1',
    '25¢',
    '10¢',
    '5¢',
  ]);
  await count(page, { twenties: 4, tens: 1 });
  await expect(page.getByRole('textbox', { name: 'How many $20', exact: true })).toHaveValue('4');
  await expect(page.getByTestId('count-total')).toHaveText('Your count: $90.00');
  await expect(page.getByText('$87.50')).toHaveCount(0);
  // All ten rows and Count done fit above the bottom edge at 1024×768.
  for (const target of [
    page.getByTestId('count-row').last(),
    page.getByRole('button', { name: 'Count done' }),
    page.getByRole('button', { name: 'One more 5¢', exact: true }),
  ]) {
    const box = (await target.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(768);
  }
  expect(
    (await page.getByRole('button', { name: 'One more $20', exact: true }).boundingBox())!.height,
  ).toBeGreaterThanOrEqual(56);
  await checkScreen(page, 'drawer-count');

  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-expected')).toHaveText('$87.50');
  await expect(page.getByTestId('count-counted')).toHaveText('$90.00');
  await expect(page.getByTestId('count-outcome')).toHaveText('Over $2.50');
  await expect(page.getByLabel('Admin PIN', { exact: true })).toHaveCount(0);
  await checkScreen(page, 'drawer-count-over');

  // Count again goes back to the rows as counted; counting the same again gives the same answer.
  await page.getByRole('button', { name: 'Count again' }).click();
  await expect(page.getByTestId('count-total')).toHaveText('Your count: $90.00');
  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-outcome')).toHaveText('Over $2.50');

  await page.getByRole('button', { name: 'Confirm close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();
  const z = page.getByRole('region', { name: 'Z-report: the closed shift' });
  await expect(z.getByTestId('report-float')).toHaveText('$150.00');
  await expect(z.getByTestId('report-paid-outs')).toHaveText('1 for $12.50');
  await expect(z.getByTestId('report-drops')).toHaveText('1 for $50.00');
  await expect(z.getByTestId('report-expected')).toHaveText('$87.50');
  await expect(z.getByTestId('report-counted')).toHaveText('$90.00');
  await expect(z.getByTestId('report-over-short')).toHaveText('Over $2.50');
  await expect(z.getByTestId('report-approved')).toHaveText('No');
  // The Z-report is on the page that prints.
  await expect(page.getByTestId('shift-print')).toContainText('Z-report: the closed shift');
  await expect(page.getByTestId('shift-print')).toContainText('Over $2.50');
  await checkScreen(page, 'drawer-z-report');
});

test('short beyond tolerance: the admin PIN closes it, a wrong one is refused in words; the Z-report CSV and the day report', async ({
  page,
  station,
}) => {
  test.setTimeout(120_000);
  await page.goto(station.url);
  await signIn(page, 'Dana Okafor');
  await floatPaidOutAndDrop(page);

  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await count(page, { twenties: 4, tens: 0 });
  await expect(page.getByTestId('count-total')).toHaveText('Your count: $80.00');
  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-expected')).toHaveText('$87.50');
  await expect(page.getByTestId('count-outcome')).toHaveText('Short $7.50');
  await expect(
    page.getByText('The difference is beyond what is allowed: a supervisor enters the admin PIN to close the shift.'),
  ).toBeVisible();
  const close = page.getByRole('button', { name: 'Close shift with PIN' });
  await expect(close).toBeDisabled();
  await checkScreen(page, 'drawer-count-short-pin');

  const pinKeys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of '9999') await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await close.click();
  await expect(page.getByRole('alert')).toContainText('That PIN is not right. 4 tries left.');
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toHaveCount(0);
  await expect(page.getByLabel('Admin PIN', { exact: true })).toHaveValue('');
  for (const digit of ADMIN_PIN) await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await close.click();

  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();
  const z = page.getByRole('region', { name: 'Z-report: the closed shift' });
  await expect(z.getByTestId('report-over-short')).toHaveText('Short $7.50');
  await expect(z.getByTestId('report-approved')).toHaveText('Yes');

  // The Z-report's CSV, under main's file name, says what was done.
  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Save report CSV' }));
  expect(download.suggestedFilename()).toMatch(/^z-report-.*-\d{4}-\d{2}-\d{2}-[0-9a-f-]{8}\.csv$/);
  await expect(page.getByText(`Report saved as ${download.suggestedFilename()}.`)).toBeVisible();
  const rows = parseCsv(text);
  const cell = (section: string, item: string) => rows.find((row) => row.section === section && row.item === item);
  expect(cell('report', 'Z')).toBeDefined();
  expect(cell('shift', 'attendant')?.detail).toBe('Dana Okafor');
  expect(cell('drawer', 'float')).toMatchObject({ currency: 'CAD', cents: '15000' });
  expect(cell('paid-out', 'total')).toMatchObject({ currency: 'CAD', count: '1', cents: '1250' });
  expect(cell('drop', 'total')).toMatchObject({ currency: 'CAD', count: '1', cents: '5000' });
  expect(cell('drawer', 'expected')?.cents).toBe('8750');
  expect(cell('count', '2000')).toMatchObject({ count: '4', cents: '8000' });
  expect(cell('count', '1000')).toMatchObject({ count: '0', cents: '0' });
  expect(cell('drawer', 'counted')?.cents).toBe('8000');
  expect(cell('drawer', 'short')?.cents).toBe('-750');
  expect(cell('drawer', 'tolerance')?.cents).toBe('500');
  expect(cell('drawer', 'approved-by-pin')?.detail).toBe('yes');

  // A second shift the same day, an empty drawer counted empty: the day report has both attendants.
  await page.getByRole('button', { name: 'Done' }).click();
  await signIn(page, 'Sam Roy', { float: 'Empty drawer, $0.00' });
  await openScreen(page, 'Shift');
  await expect(page.getByTestId('drawer-float')).toHaveText('$0.00');
  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-outcome')).toHaveText('Even');
  await page.getByRole('button', { name: 'Confirm close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();

  await page.getByRole('button', { name: 'Day report' }).click();
  await expect(page.getByRole('heading', { name: /^Day report, / })).toBeVisible();
  const day = page.getByRole('main').getByTestId('day-report-row');
  await expect(day).toHaveCount(2);
  await expect(day.filter({ hasText: 'Dana Okafor' })).toContainText('Short $7.50');
  await expect(day.filter({ hasText: 'Sam Roy' })).toContainText('Even');
  await checkScreen(page, 'drawer-day-report');
  const saved = await downloadFrom(page.getByRole('button', { name: 'Save report CSV' }));
  expect(saved.download.suggestedFilename()).toMatch(/^day-report-.*-\d{4}-\d{2}-\d{2}\.csv$/);
  const dayRows = parseCsv(saved.text);
  expect(dayRows.filter((row) => row.section === 'attendant').map((row) => [row.detail, row.count])).toEqual([
    ['Dana Okafor', '1'],
    ['Sam Roy', '1'],
  ]);
  expect(dayRows.filter((row) => row.item === 'over-short').map((row) => [row.detail, row.cents])).toEqual([
    ['Dana Okafor', '-750'],
    ['Sam Roy', '0'],
  ]);
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();
});

test('the X-report mid-shift hides the expected cash until a supervisor enters the admin PIN', async ({
  attendant: page,
}) => {
  await floatPaidOutAndDrop(page);

  await page.getByRole('button', { name: 'X-report' }).click();
  await expect(page.getByRole('heading', { name: 'X-report: the open shift' })).toBeVisible();
  await expect(page.getByTestId('report-float')).toHaveText('$150.00');
  await expect(page.getByTestId('report-paid-outs')).toHaveText('1 for $12.50');
  await expect(page.getByTestId('report-drops')).toHaveText('1 for $50.00');
  await expect(page.getByTestId('report-expected')).toHaveText('Hidden until the count');
  await expect(page.getByText('$87.50')).toHaveCount(0);
  await expect(page.getByTestId('report-print')).not.toContainText('$87.50');
  await checkScreen(page, 'drawer-x-report');
  // Its CSV keeps the count blind too: the float and moves are there, the expected cash is not.
  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Save report CSV' }));
  expect(download.suggestedFilename()).toMatch(/^x-report-.+\.csv$/);
  expect(text).toContain('15000');
  expect(text).toContain('1250');
  expect(text).not.toContain('8750');

  await page.getByRole('button', { name: 'Show expected cash' }).click();
  const pinKeys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of '0000') await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await page
    .getByRole('region', { name: 'Show expected cash' })
    .getByRole('button', { name: 'Show expected cash' })
    .click();
  await expect(page.getByRole('alert')).toContainText('That PIN is not right.');
  await expect(page.getByTestId('report-expected')).toHaveText('Hidden until the count');

  for (const digit of ADMIN_PIN) await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await page
    .getByRole('region', { name: 'Show expected cash' })
    .getByRole('button', { name: 'Show expected cash' })
    .click();
  await expect(page.getByTestId('report-expected')).toHaveText('$87.50');

  // Back on the Shift screen the count is still ahead, and the shift still open.
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Shift', exact: true })).toBeVisible();
  await expect(page.getByTestId('drawer-paid-outs')).toHaveText('1');
});

test('in French: the float, the count’s notes and coins and the verdict are in French, money as French writes it', async ({
  kiosk: page,
}) => {
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await page.getByRole('textbox', { name: 'Nom ou numéro de badge' }).fill('Zoé Gagnon');
  await page.getByRole('button', { name: 'Commencer le quart', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Argent dans le tiroir' })).toBeVisible();
  await page
    .getByRole('group', { name: 'Fonds habituels' })
    .getByRole('button', { name: /^100,00\s\$$/ })
    .click();
  await page.getByRole('button', { name: /^Confirmer le fonds de 100,00\s\$$/ }).click();
  await expect(page.getByRole('button', { name: /Émettre le permis/ })).toBeVisible();

  await page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name: 'Quart', exact: true }).click();
  await expect(page.getByTestId('drawer-float')).toHaveText(/^100,00\s\$$/);
  await page.getByRole('button', { name: 'Fermer le quart', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Compter le tiroir' })).toBeVisible();
  await expect(page.getByTestId('count-row').locator('.count-row__label')).toHaveText([
    '100 $',
    '50 $',
    '20 $',
    '10 $',
    '5 $',
    '2 $',
    '1 $',
    '25 ¢',
    '10 ¢',
    '5 ¢',
  ]);
  await page.getByRole('button', { name: 'Un 100 $ de plus', exact: true }).click();
  await page.getByRole('button', { name: 'Un 5 ¢ de plus', exact: true }).click();
  await expect(page.getByTestId('count-total')).toHaveText(/^Votre compte : 100,05\s\$$/);
  await page.getByRole('button', { name: 'Compte terminé' }).click();
  await expect(page.getByTestId('count-outcome')).toHaveText(/^Surplus de 0,05\s\$$/);
  await page.getByRole('button', { name: 'Confirmer la fermeture du quart' }).click();
  await expect(page.getByRole('heading', { name: 'Quart fermé', exact: true })).toBeVisible();
  const z = page.getByRole('region', { name: 'Rapport Z : le quart fermé' });
  await expect(z.getByTestId('report-over-short')).toHaveText(/^Surplus de 0,05\s\$$/);
  await expect(z.getByTestId('report-approved')).toHaveText('Non');
  await checkScreen(page, 'drawer-z-report-fr');
});
