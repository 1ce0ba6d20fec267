import {
  confirmLookAlikes,
  durationRadio,
  issueByKeyboard,
  openScreen,
  payForSale,
  ticketOnConfirmation,
  zoneRadio,
} from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

// Standard Ontario plates (ABC 123; Ontario is the default home region), which the plate check passes with no
// step, unless a test is about the check (see also plate-check.spec.ts).

test('issue with the on-screen keys: the plate, zone and duration tapped are what OPSCOM stores', async ({
  attendant: page,
  sandbox,
}) => {
  const keys = page.getByRole('group', { name: 'Plate keys' });
  for (const key of ['K', 'X', 'W', '7', '3', '4', '9'])
    await keys.getByRole('button', { name: key, exact: true }).click();
  await keys.getByRole('button', { name: 'Backspace' }).click();
  await expect(page.getByTestId('plate-display')).toHaveValue('KXW734');
  await zoneRadio(page, 'Lot 2').click();
  await durationRadio(page, /^2 h\b/).click();
  await expect(zoneRadio(page, 'Lot 2')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByRole('button', { name: 'Issue permit' })).toContainText('$6.00');
  await checkScreen(page, 'issue');

  await page.getByRole('button', { name: 'Issue permit' }).click();
  // A standard Ontario plate: straight to the confirmation, no check step.
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-plate')).toHaveText('KXW734');
  await expect(page.getByTestId('confirm-zone')).toHaveText('Lot 2');
  await expect(page.getByTestId('confirm-amount')).toHaveText('$6.00');
  const ticket = await ticketOnConfirmation(page);

  await expect.poll(async () => (await sandbox.permits()).length).toBe(1);
  const [stored] = await sandbox.permits();
  expect(stored).toMatchObject({ plate: 'KXW734', zone: 'Lot 2', amount: '6.00', currency: 'CAD', permitNo: ticket });
  expect(Date.parse(`${stored!.endTime}Z`) - Date.parse(`${stored!.startTime}Z`)).toBe(120 * 60_000);
  await expect(page.getByTestId('confirm-reference')).toContainText(stored!.referenceId);
  await expect(page.getByTestId('confirm-sync')).toHaveText('Sent to OPSCOM');
  await checkScreen(page, 'confirmation');

  // New permit: the plate is cleared, the zone and duration stay for the next car.
  await page.getByRole('button', { name: 'New permit' }).click();
  await expect(page.getByTestId('plate-display')).toHaveValue('');
  await expect(zoneRadio(page, 'Lot 2')).toHaveAttribute('aria-checked', 'true');
});

test('issue with the keyboard: typed plate, Backspace, and Enter issues', async ({ attendant: page, sandbox }) => {
  await page.keyboard.type('kxw 4-79x');
  await page.keyboard.press('Backspace');
  await expect(page.getByTestId('plate-display')).toHaveValue('KXW479');
  await zoneRadio(page, 'Street').click();
  await durationRadio(page, /^30 min\b/).click();
  await page.keyboard.press('Enter');
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-amount')).toHaveText('$3.00');
  await expect.poll(async () => (await sandbox.permits()).length).toBe(1);
  expect((await sandbox.permits())[0]).toMatchObject({ plate: 'KXW479', zone: 'Street', amount: '3.00' });
});

test('a double tap on Issue issues one permit', async ({ attendant: page, sandbox }) => {
  await page.keyboard.type('KXW643');
  await durationRadio(page, /^1 h\b/).click();
  await page.getByRole('button', { name: 'Issue permit' }).dblclick();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect.poll(async () => (await sandbox.permits()).length).toBe(1);
  // Give a stray second request time to land before concluding there was none.
  await page.waitForTimeout(500);
  const stored = await sandbox.permits();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ plate: 'KXW643', timesStored: 1 });
  await openScreen(page, 'Active permits');
  await expect(page.getByTestId('permit-row')).toHaveCount(1);
});

test('a plate of no home format with look-alike characters is read back; "Plate is correct" issues it', async ({
  attendant: page,
  sandbox,
}) => {
  await page.keyboard.type('O8ABC1');
  await durationRadio(page, /^1 h\b/).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();

  const step = page.getByRole('dialog', { name: 'Check the plate' });
  await expect(step).toBeVisible();
  await expect(step.getByTestId('checked-plate')).toContainText('O8ABC1');
  // Each look-alike is named, so O and 0 cannot be confused.
  for (const name of ['letter O', 'digit 8', 'letter B', 'digit 1']) await expect(step).toContainText(name);
  await expect(step.getByRole('button', { name: 'Plate is correct' })).toBeFocused();
  await checkScreen(page, 'look-alike');
  // Nothing is sold while the attendant looks.
  await page.waitForTimeout(300);
  expect(await sandbox.permits()).toHaveLength(0);

  // Fix plate goes back with the plate as typed; the next Issue asks again.
  await step.getByRole('button', { name: 'Fix plate' }).click();
  await expect(step).toHaveCount(0);
  await expect(page.getByTestId('plate-display')).toHaveValue('O8ABC1');
  expect(await sandbox.permits()).toHaveLength(0);

  await page.getByRole('button', { name: 'Issue permit' }).click();
  await confirmLookAlikes(page, 'O8ABC1');
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-plate')).toHaveText('O8ABC1');
  await expect.poll(async () => (await sandbox.permits()).map((p) => p.plate)).toEqual(['O8ABC1']);
});

test('a plate that already has an active permit gets a warning step before a second one', async ({
  attendant: page,
  sandbox,
}) => {
  const first = await issueByKeyboard(page, 'KXW697', { zone: 'Lot 1', duration: /^2 h\b/ });
  await page.getByRole('button', { name: 'New permit' }).click();

  await page.keyboard.type('KXW697');
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const warning = page.getByRole('dialog', { name: 'This plate already has a permit' });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('KXW697');
  await expect(warning).toContainText(first);
  await expect(warning.getByTestId('already-active-zone')).toHaveText('Lot 1');
  await checkScreen(page, 'already-active');

  // Back is the safe answer: nothing more is sold.
  await warning.getByRole('button', { name: 'Back' }).click();
  await expect(warning).toHaveCount(0);
  await page.waitForTimeout(300);
  expect((await sandbox.permits()).filter((p) => p.plate === 'KXW697')).toHaveLength(1);

  // The driver asks for a second one: Issue anyway sells it.
  await page.getByRole('button', { name: 'Issue permit' }).click();
  await warning.getByRole('button', { name: 'Issue anyway' }).click();
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  const second = await ticketOnConfirmation(page);
  expect(second).not.toBe(first);
  await expect
    .poll(async () => (await sandbox.permits()).filter((p) => p.plate === 'KXW697').map((p) => p.permitNo))
    .toEqual(expect.arrayContaining([first, second]));
});
