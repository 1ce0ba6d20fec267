import type { Locator, Page } from '@playwright/test';
import { durationRadio, openPermit, openScreen, pay, ticketOnConfirmation, zoneRadio } from '../support/actions';
import { ADMIN_PIN, expect, launchStation, SANDBOX_TOKEN, test, type LaunchedStation } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { signIn } from '../support/shift';
import { readRecords } from '../../src/main/core/storage/read-records';

// The money side of a sale, as a booth attendant takes it: cash with change, a card, a complimentary permit, and
// money back on a cancel. OPSCOM stores no tender, so what the kiosk recorded is read from its own ledger
// (the ledger table of kiosk.db in the station's data folder), the only record of how each permit was paid.

let station: LaunchedStation;

test.beforeEach(async ({ page, sandbox }) => {
  station = await launchStation({ OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: SANDBOX_TOKEN });
  await page.goto(station.url);
  await signIn(page);
});

test.afterEach(async () => {
  await station.stop();
});

type LedgerLine = Record<string, unknown> & { type: string; ticketNumber?: string };

function ledger(): Promise<LedgerLine[]> {
  return Promise.resolve(readRecords(station.dataDir).ledger.map((entry) => entry as LedgerLine));
}

/** Plate, Lot 1 and a duration, then the Issue tap: returns the payment step it opens. */
async function startSale(page: Page, plate: string, duration: RegExp = /^1 h\b/): Promise<Locator> {
  await openScreen(page, 'Issue');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.keyboard.type(plate);
  await zoneRadio(page, 'Lot 1').click();
  await durationRadio(page, duration).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await expect(payment).toBeVisible();
  return payment;
}

test('a cash sale: the change is shown large before confirming, and is on the confirmation and receipt', async ({
  page,
  sandbox,
}) => {
  const payment = await startSale(page, 'KXW101');
  await expect(payment.getByTestId('tender-due')).toHaveText('$4.50');
  await expect(payment.getByRole('radio', { name: 'Cash', exact: true })).toHaveAttribute('aria-checked', 'true');
  const quick = payment.getByRole('group', { name: 'Amount the driver gave' }).getByRole('button');
  await expect(quick).toHaveText(['Exact $4.50', '$5.00', '$10.00', '$20.00', '$50.00', '$100.00']);
  const confirm = payment.getByRole('button', { name: 'Confirm payment' });
  await expect(confirm).toBeDisabled();
  await expect(payment.getByTestId('tender-change')).toHaveText('Tap or type the amount the driver gave.');

  // Typed on the amount keys, in cents: 4, 0, 0 is $4.00, not enough.
  const keys = payment.getByRole('group', { name: 'Amount keys' });
  for (const key of ['4', '0', '0']) await keys.getByRole('button', { name: key, exact: true }).click();
  await expect(payment.getByTestId('tender-tendered')).toHaveText('$4.00');
  await expect(payment.getByTestId('tender-change')).toHaveText('$0.50 short');
  await expect(confirm).toBeDisabled();
  expect(await sandbox.permits()).toHaveLength(0);

  // A twenty: the change is the biggest thing on the step.
  await quick.filter({ hasText: '$20.00' }).click();
  await expect(payment.getByTestId('tender-change')).toHaveText('Change $15.50');
  const changeSize = await payment
    .getByTestId('tender-change')
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  const dueSize = await payment
    .getByTestId('tender-due')
    .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(changeSize).toBeGreaterThan(dueSize);
  await checkScreen(page, 'payment-cash');
  await confirm.click();

  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-change')).toHaveText('Give change: $15.50');
  await expect(page.getByTestId('confirm-tender')).toHaveText('Cash $20.00, change $15.50');
  await expect(page.getByTestId('receipt')).toContainText('Cash $20.00, change $15.50');
  await checkScreen(page, 'confirmation-cash');
  const ticket = await ticketOnConfirmation(page);

  await expect.poll(async () => (await sandbox.permits()).map((p) => p.amount)).toEqual(['4.50']);
  const sale = (await ledger()).find((line) => line.type === 'sale' && line.ticketNumber === ticket);
  expect(sale).toMatchObject({
    action: 'issue',
    amountCents: 450,
    currency: 'CAD',
    tender: { method: 'cash', tenderedCents: 2000, changeCents: 1550 },
  });
});

test('a card sale with its last 4 digits and approval code, and a complimentary permit with its reason', async ({
  page,
}) => {
  const payment = await startSale(page, 'KXW102');
  await payment.getByRole('radio', { name: 'Card', exact: true }).click();
  const confirm = payment.getByRole('button', { name: 'Confirm payment' });
  // Nothing typed is fine (the terminal keeps its own record); half a card number is not.
  await expect(confirm).toBeEnabled();
  const last4 = payment.getByRole('textbox', { name: 'Card: last 4 digits (optional)' });
  await last4.click();
  const digits = page.getByRole('group', { name: 'Keyboard: Card: last 4 digits (optional)' });
  for (const key of ['4', '2']) await digits.getByRole('button', { name: key, exact: true }).click();
  await expect(last4).toHaveValue('42');
  await expect(payment).toContainText('Last 4 digits: type all 4, or none.');
  await expect(confirm).toBeDisabled();
  for (const key of ['4', '2']) await digits.getByRole('button', { name: key, exact: true }).click();
  await payment.getByRole('textbox', { name: 'Approval code (optional)' }).fill('ab12c');
  await checkScreen(page, 'payment-card');
  await confirm.click();
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-tender')).toHaveText('Card, •••• 4242, approval AB12C');
  await expect(page.getByTestId('confirm-change')).toHaveCount(0);
  const cardTicket = await ticketOnConfirmation(page);

  const comp = await startSale(page, 'KXW105');
  await comp.getByRole('radio', { name: 'Complimentary', exact: true }).click();
  await expect(comp.getByRole('button', { name: 'Confirm payment' })).toBeDisabled();
  await expect(comp).toContainText('Type the reason.');
  await comp.getByRole('textbox', { name: 'Reason' }).fill('Contractor on site');
  await comp.getByRole('button', { name: 'Confirm payment' }).click();
  await expect(page.getByTestId('confirm-tender')).toHaveText('Complimentary: Contractor on site');
  const compTicket = await ticketOnConfirmation(page);

  const lines = await ledger();
  expect(lines.find((line) => line.ticketNumber === cardTicket)).toMatchObject({
    tender: { method: 'card', last4: '4242', approvalCode: 'AB12C' },
  });
  expect(lines.find((line) => line.ticketNumber === compTicket)).toMatchObject({
    amountCents: 450,
    tender: { method: 'other', kind: 'complimentary', reason: 'Contractor on site' },
  });
});

test('a refund on cancel: the money goes back the way it came, and above the limit a supervisor enters the PIN', async ({
  page,
  sandbox,
}) => {
  // $4.50 in cash, given back in full with the cancel.
  await pay(await startSale(page, 'KXW103'), { by: 'cash', amount: 'Exact $4.50' });
  const small = await ticketOnConfirmation(page);
  await openScreen(page, 'Active permits');
  let details = await openPermit(page, small);
  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Driver left' }).click();
  await expect(details).toContainText('Paid for this permit: $4.50');
  const moneyBack = details.getByRole('radiogroup', { name: 'Money back' });
  await expect(moneyBack.getByRole('radio', { name: 'No refund' })).toHaveAttribute('aria-checked', 'true');
  await moneyBack.getByRole('radio', { name: 'Refund', exact: true }).click();
  await expect(details.getByTestId('refund-amount')).toHaveText('$4.50');
  await expect(
    details.getByRole('radiogroup', { name: 'Given back by' }).getByRole('radio', { name: 'Cash' }),
  ).toHaveAttribute('aria-checked', 'true');
  await checkScreen(page, 'cancel-refund');
  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'KXW103' })).toHaveText(
    'Permit for KXW103 cancelled. Refunded $4.50.',
  );

  // $18.00 by card for 4 h, then 1 h more for $4.50 in cash: $22.50 paid, above the $20.00 refund limit.
  await pay(await startSale(page, 'KXW104', /^4 h\b/), { by: 'card' });
  const big = await ticketOnConfirmation(page);
  await openScreen(page, 'Active permits');
  details = await openPermit(page, big);
  await details.getByRole('button', { name: 'Extend +1 h', exact: true }).click();
  await expect(details.getByTestId('extend-quote')).toContainText('adds $4.50');
  await pay(details, { by: 'cash', amount: '$5.00' }, 'Confirm extend');
  await expect(details.getByRole('status')).toContainText('Permit for KXW104 now ends');

  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Wrong plate' }).click();
  await details
    .getByRole('radiogroup', { name: 'Money back' })
    .getByRole('radio', { name: 'Refund', exact: true })
    .click();
  await expect(details.getByTestId('refund-amount')).toHaveText('$22.50');
  // Paid first by card: it goes back to the card unless the attendant says otherwise.
  await expect(
    details.getByRole('radiogroup', { name: 'Given back by' }).getByRole('radio', { name: 'Card' }),
  ).toHaveAttribute('aria-checked', 'true');
  // More than was paid is refused before anything is sent.
  const amountKeys = details.getByRole('group', { name: 'Refund amount keys' });
  await amountKeys.getByRole('button', { name: '0', exact: true }).click();
  await expect(details.getByTestId('refund-amount')).toHaveText('$225.00');
  await expect(details).toContainText('At most $22.50 can be given back.');
  const confirmCancel = details.getByRole('button', { name: 'Confirm cancel' });
  await expect(confirmCancel).toBeDisabled();
  await details.getByRole('button', { name: 'All $22.50' }).click();

  await expect(details).toContainText('A refund over $20.00 needs the admin PIN.');
  await expect(confirmCancel).toBeDisabled();
  const pinKeys = details.getByRole('group', { name: 'PIN keys' });
  for (const digit of '9999') await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await confirmCancel.click();
  await expect(page.getByRole('alert')).toContainText('That PIN is not right.');
  await expect(details).toBeVisible();
  await pinKeys.getByRole('button', { name: 'Clear', exact: true }).click();
  for (const digit of ADMIN_PIN) await pinKeys.getByRole('button', { name: digit, exact: true }).click();
  await confirmCancel.click();
  await expect(page.getByRole('status').filter({ hasText: 'KXW104' })).toHaveText(
    'Permit for KXW104 cancelled. Refunded $22.50.',
  );
  await expect.poll(async () => (await sandbox.permits()).filter((p) => p.deleted).length).toBe(2);

  const cancels = (await ledger()).filter((line) => line.type === 'cancel');
  expect(cancels).toEqual([
    expect.objectContaining({
      ticketNumber: small,
      refund: { amountCents: 450, method: 'cash', approvedByPin: false },
    }),
    expect.objectContaining({ ticketNumber: big, refund: { amountCents: 2250, method: 'card', approvedByPin: true } }),
  ]);
  const extension = (await ledger()).find((line) => line.type === 'sale' && line.action === 'extend');
  expect(extension).toMatchObject({ ticketNumber: big, amountCents: 450, tender: { method: 'cash', changeCents: 50 } });
});
