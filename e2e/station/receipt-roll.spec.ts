import type { Page } from '@playwright/test';
import { issueByKeyboard, openPermit, openScreen, openSettings } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

/**
 * The money and printing settings on the Settings screen, and the receipt laid out for the roll they name:
 * measured in print media (CSS px at 96 per inch: 80 mm ≈ 302 px, 58 mm ≈ 219 px) and in the PDF Chromium prints.
 */

const PX_PER_MM = 96 / 25.4;
const PT_PER_MM = 72 / 25.4;

/** The one way these tests sell a permit (the Issue screen's steps may grow): returns its ticket number. */
async function issuePermit(page: Page, plate: string): Promise<string> {
  return issueByKeyboard(page, plate);
}

/** Clears a settings field and types the value on its own number keys. */
async function typeNumber(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.click();
  const keys = page.getByRole('group', { name: `Keyboard: ${label}` });
  await keys.getByRole('button', { name: 'Clear', exact: true }).click();
  for (const digit of value) await keys.getByRole('button', { name: digit, exact: true }).click();
  await keys.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(field).toHaveValue(value);
}

const REFUND = 'A refund above this needs the admin PIN, in cents (0 = every refund)';
const DRAWER = 'A drawer count off by more than this needs the admin PIN, in cents';
const WINDOW = 'Plates can be corrected without the admin PIN for this many minutes after issuing';

/** The receipt's boxes in print media: the roll (print area), the receipt, and anything wider than the roll. */
async function measureReceipt(page: Page) {
  await page.emulateMedia({ media: 'print' });
  const measured = await page.evaluate(() => {
    const area = document.querySelector<HTMLElement>('.print-area')!;
    const receipt = area.querySelector<HTMLElement>('.receipt')!;
    const areaBox = area.getBoundingClientRect();
    const overflowing = [...area.querySelectorAll<HTMLElement>('*')]
      .filter((el) => el.getBoundingClientRect().right > areaBox.right + 0.5 || el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName}.${el.className}: ${el.textContent?.slice(0, 40)}`);
    return {
      roll: area.dataset.roll,
      areaWidth: areaBox.width,
      receiptWidth: receipt.getBoundingClientRect().width,
      areaScrollWidth: area.scrollWidth,
      areaClientWidth: area.clientWidth,
      rootShown: getComputedStyle(document.getElementById('root')!).display !== 'none',
      overflowing,
    };
  });
  await page
    .locator('.print-area')
    .screenshot({ path: test.info().outputPath(`receipt-${measured.roll}.png`), animations: 'disabled' });
  // Back to no emulation (not 'screen', which page.pdf would then print in).
  await page.emulateMedia({ media: null });
  return measured;
}

/** The first page's size in the PDF Chromium prints (points), from its MediaBox. */
async function pdfPageSize(page: Page, name: string): Promise<{ width: number; height: number }> {
  // Kept with the test's results, to look at the paper.
  const file = test.info().outputPath(`receipt-${name}.pdf`);
  const pdf = (await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
  expect(box, 'a MediaBox in the PDF').not.toBeNull();
  return { width: Number(box![1]), height: Number(box![2]) };
}

test('the money settings and the receipt roll are edited on the kiosk keys, saved, and shown again', async ({
  kiosk: page,
}) => {
  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Money' })).toBeVisible();
  // main's defaults: $20.00, $5.00, 15 minutes, an 80 mm roll.
  await expect(page.getByLabel(REFUND, { exact: true })).toHaveValue('2000');
  await expect(page.getByLabel(DRAWER, { exact: true })).toHaveValue('500');
  await expect(page.getByLabel(WINDOW, { exact: true })).toHaveValue('15');
  const roll = page.getByRole('radiogroup', { name: 'Receipt roll width' });
  await expect(roll.getByRole('radio', { name: '80 mm' })).toHaveAttribute('aria-checked', 'true');
  // The station's browser cannot list printers: the screen says how it prints instead.
  await expect(page.getByTestId('printers-browser')).toContainText('--kiosk-printing');
  await expect(page.getByTestId('printers-browser')).toContainText('lpoptions -d');
  await page.getByRole('heading', { name: 'Receipts and printer' }).scrollIntoViewIfNeeded();
  await checkScreen(page, 'settings-money-printing');

  await typeNumber(page, REFUND, '5000');
  await expect(page.getByText('$50.00', { exact: true })).toBeVisible();
  await typeNumber(page, DRAWER, '250');
  await expect(page.getByText('$2.50', { exact: true })).toBeVisible();
  await typeNumber(page, WINDOW, '1441');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  // One past the day main allows: refused in words under the field, nothing saved.
  await expect(page.getByText('From 0 to 1440 minutes (one day).')).toBeVisible();
  await typeNumber(page, WINDOW, '30');
  await roll.getByRole('radio', { name: '58 mm' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  // Closed and opened again with the PIN: main's values, not the form's.
  await page.getByRole('button', { name: 'Close settings' }).click();
  await openScreen(page, 'Issue');
  await openSettings(page);
  await expect(page.getByLabel(REFUND, { exact: true })).toHaveValue('5000');
  await expect(page.getByLabel(DRAWER, { exact: true })).toHaveValue('250');
  await expect(page.getByLabel(WINDOW, { exact: true })).toHaveValue('30');
  await expect(roll.getByRole('radio', { name: '58 mm' })).toHaveAttribute('aria-checked', 'true');
});

test('the receipt is as wide as the roll, 80 mm or 58 mm, and nothing on it is wider', async ({ attendant: page }) => {
  const ticket = await issuePermit(page, 'KXW764');
  await openScreen(page, 'Active permits');
  await openPermit(page, ticket);

  const wide = await measureReceipt(page);
  test.info().annotations.push({
    type: '80 mm roll: print area, receipt (px)',
    description: `${wide.areaWidth}, ${wide.receiptWidth}`,
  });
  expect(wide.roll).toBe('80mm');
  expect(wide.rootShown).toBe(false);
  expect(wide.areaWidth).toBeCloseTo(80 * PX_PER_MM, 0); // 302.4 px
  expect(wide.receiptWidth).toBeLessThanOrEqual(wide.areaWidth);
  expect(wide.receiptWidth).toBeGreaterThan(65 * PX_PER_MM); // the 72 mm printable band, not a narrow column
  expect(wide.areaScrollWidth).toBeLessThanOrEqual(wide.areaClientWidth);
  expect(wide.overflowing).toEqual([]);
  const widePdf = await pdfPageSize(page, '80mm');
  // Chromium rounds the page to its device pixels: within a point of 226.8 pt.
  expect(Math.abs(widePdf.width - 80 * PT_PER_MM)).toBeLessThan(1);

  // A supervisor switches to a 58 mm roll; the open receipt follows at once (main tells the page).
  await openSettings(page);
  await page.getByRole('radiogroup', { name: 'Receipt roll width' }).getByRole('radio', { name: '58 mm' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Close settings' }).click();
  await openScreen(page, 'Active permits');
  await openPermit(page, ticket);

  const narrow = await measureReceipt(page);
  test.info().annotations.push({
    type: '58 mm roll: print area, receipt (px)',
    description: `${narrow.areaWidth}, ${narrow.receiptWidth}`,
  });
  expect(narrow.roll).toBe('58mm');
  expect(narrow.areaWidth).toBeCloseTo(58 * PX_PER_MM, 0); // 219.2 px
  expect(narrow.receiptWidth).toBeLessThanOrEqual(narrow.areaWidth);
  expect(narrow.receiptWidth).toBeGreaterThan(45 * PX_PER_MM);
  expect(narrow.areaScrollWidth).toBeLessThanOrEqual(narrow.areaClientWidth);
  expect(narrow.overflowing).toEqual([]);
  const narrowPdf = await pdfPageSize(page, '58mm');
  expect(Math.abs(narrowPdf.width - 58 * PT_PER_MM)).toBeLessThan(1); // 164.4 pt
});
