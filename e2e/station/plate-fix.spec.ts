import type { Locator, Page } from '@playwright/test';
import { issueByKeyboard, openPermit, openScreen, openSettings } from '../support/actions';
import { ADMIN_PIN, expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { signIn } from '../support/shift';

/**
 * Correcting a plate after the sale, from the permit's details: within the window with no PIN, after it with the
 * admin PIN; OPSCOM (the sandbox) gets the new plate, and a reprinted receipt says which plate it replaced.
 */

/** What the page sent to `window.print()`, in order: the print area's text at that moment. */
async function printed(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { printed: string[] }).printed);
}

/** Types a plate on the step's own plate keys. */
async function typeOnPlateKeys(step: Locator, plate: string): Promise<void> {
  const keys = step.getByRole('group', { name: 'Plate keys' });
  for (const character of plate) await keys.getByRole('button', { name: character, exact: true }).click();
  await expect(step.getByTestId('plate-fix-plate')).toHaveValue(plate);
}

test.beforeEach(async ({ page, station }) => {
  // The station's browser prints with its own dialog; here the page's print call is recorded instead, with what
  // the print area held when it was made.
  await page.addInitScript(() => {
    const w = window as unknown as { printed: string[] };
    w.printed = [];
    window.print = () => {
      w.printed.push((document.querySelector('.print-area') as HTMLElement | null)?.innerText ?? '');
    };
  });
  await page.goto(station.url);
  await signIn(page);
});

test('within the window: the plate is fixed with no PIN, OPSCOM gets it, and the reprint says what it was', async ({
  page,
  sandbox,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW774');
  await expect.poll(async () => (await sandbox.permits())[0]).toMatchObject({ permitNo: ticket, plate: 'KXW774' });

  await openScreen(page, 'Active permits');
  const details = await openPermit(page, ticket);
  await details.getByRole('button', { name: 'Fix plate', exact: true }).click();
  const step = details.getByTestId('plate-fix');
  await expect(step.getByRole('heading', { name: 'Correct the plate KXW774' })).toBeVisible();
  await expect(step.getByTestId('plate-fix-window')).toHaveText('Issued less than 15 min ago: no PIN needed.');
  await expect(step.getByRole('group', { name: 'PIN keys' })).toHaveCount(0);

  const confirm = step.getByRole('button', { name: 'Confirm new plate' });
  await expect(confirm).toBeDisabled();
  await typeOnPlateKeys(step, 'KXW775');
  await expect(step).toContainText('Choose a reason.');
  await expect(confirm).toBeDisabled();
  await step
    .getByRole('radiogroup', { name: 'Reason for the correction' })
    .getByRole('radio', { name: 'Typo at sale' })
    .click();
  await confirm.click();

  await expect(details.getByRole('status')).toHaveText('Plate corrected: KXW774 → KXW775');
  await expect(details.getByRole('heading', { name: 'Permit for KXW775' })).toBeVisible();
  await expect(step).toHaveCount(0);
  // OPSCOM's own record now carries the new plate: the same permit (same reference), updated, not a second one.
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => [p.permitNo, p.plate]))
    .toEqual([[ticket, 'KXW775']]);

  await details.getByRole('button', { name: 'Reprint receipt' }).click();
  await expect.poll(() => printed(page)).toHaveLength(1);
  const [paper] = await printed(page);
  expect(paper).toContain('KXW775');
  expect(paper).toContain('Plate corrected (was KXW774)');
  expect(paper).toContain(ticket);
  expect(paper).toContain('Reprinted copy');
  // How it was paid is on the copy as on the original (issueByKeyboard pays by card).
  expect(paper).toMatch(/Paid\s*Card/);
});

test('after the window the admin PIN is asked: a wrong one is refused in words, the right one fixes the plate', async ({
  page,
  sandbox,
}) => {
  // A supervisor closes the window (0 minutes) on the Settings screen, on its number keys.
  await openSettings(page);
  const windowLabel = 'Plates can be corrected without the admin PIN for this many minutes after issuing';
  const field = page.getByLabel(windowLabel, { exact: true });
  await expect(field).toHaveValue('15');
  await field.click();
  const keys = page.getByRole('group', { name: `Keyboard: ${windowLabel}` });
  await keys.getByRole('button', { name: 'Clear', exact: true }).click();
  await keys.getByRole('button', { name: '0', exact: true }).click();
  await keys.getByRole('button', { name: 'Done', exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  const ticket = await issueByKeyboard(page, 'KXW784');
  await expect.poll(async () => (await sandbox.permits())[0]?.permitNo).toBe(ticket);
  await openScreen(page, 'Active permits');
  const details = await openPermit(page, ticket);
  await details.getByRole('button', { name: 'Fix plate', exact: true }).click();
  const step = details.getByTestId('plate-fix');
  await expect(step.getByTestId('plate-fix-window')).toHaveText(
    'Issued more than 0 min ago: a supervisor enters the admin PIN to correct the plate.',
  );
  await typeOnPlateKeys(step, 'KXW785');
  await step.getByRole('radio', { name: 'Driver’s correction' }).click();
  const confirm = step.getByRole('button', { name: 'Confirm new plate' });
  await expect(step).toContainText('Enter the admin PIN.');
  await expect(confirm).toBeDisabled();
  await checkScreen(page, 'permit-plate-fix-pin');

  const pinKeys = step.getByRole('group', { name: 'PIN keys' });
  for (const digit of '9999') await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await expect(step.getByLabel('Admin PIN', { exact: true })).toHaveValue('9999');
  await confirm.click();
  await expect(page.getByRole('alert')).toContainText('That PIN is not right. 4 tries left.');
  // Refused: the PIN is cleared, the step stays as typed, and OPSCOM still has the old plate.
  await expect(step.getByLabel('Admin PIN', { exact: true })).toHaveValue('');
  await expect(step.getByTestId('plate-fix-plate')).toHaveValue('KXW785');
  expect((await sandbox.permits())[0]?.plate).toBe('KXW784');

  for (const digit of ADMIN_PIN) await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await confirm.click();
  await expect(details.getByRole('status')).toHaveText('Plate corrected: KXW784 → KXW785');
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => [p.permitNo, p.plate]))
    .toEqual([[ticket, 'KXW785']]);
});
