import type { Page } from '@playwright/test';
import {
  downloadFrom,
  durationRadio,
  openPermit,
  openScreen,
  parseCsv,
  pay,
  payForSale,
  ticketOnConfirmation,
  zoneRadio,
  type Payment,
} from '../support/actions';
import { expect, test } from '../support/fixtures';
import { moveCash, signIn } from '../support/shift';

/**
 * A whole shift with money, as a new attendant works it, then checked against OPSCOM's view (the sandbox) and the
 * Z-report. Lot 1 is $4.50 an hour.
 *
 *   float $100.00
 *   KXW201 1 h  $4.50 cash, $20.00 given (change $15.50); extended 30 min, $2.25 cash exact
 *   KXW202 2 h  $9.00 card 1111; cancelled, $9.00 back to the card
 *   KXW203 1 h  $4.50 voucher; cancelled "wrong plate", no refund
 *   paid out $3.00, dropped $20.00
 *
 * Expected cash: 100.00 + 4.50 + 2.25 − 0 (no cash refund) − 3.00 − 20.00 = $83.75, counted as 4 × $20, $2, $1
 * and 3 × 25¢: even. Taken: 4.50 + 9.00 + 4.50 + 2.25 = $20.25; refunded $9.00; net $11.25.
 */

async function sell(page: Page, plate: string, duration: RegExp, payment: Payment): Promise<string> {
  await openScreen(page, 'Issue');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.keyboard.type(plate);
  await zoneRadio(page, 'Lot 1').click();
  await durationRadio(page, duration).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  await payForSale(page, payment);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  return ticketOnConfirmation(page);
}

async function cancel(page: Page, ticket: string, reason: string, refund: boolean): Promise<void> {
  await openScreen(page, 'Active permits');
  const details = await openPermit(page, ticket);
  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: reason }).click();
  await expect(details.getByRole('radiogroup', { name: 'Money back' })).toBeVisible();
  if (refund) {
    await details
      .getByRole('radiogroup', { name: 'Money back' })
      .getByRole('radio', { name: 'Refund', exact: true })
      .click();
  }
  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(details).toHaveCount(0);
}

test('a full shift with money: sales by cash, card and voucher, an extension, refunds, the drawer and the Z-report', async ({
  page,
  station,
  sandbox,
}) => {
  test.setTimeout(180_000);
  await page.goto(station.url);
  await signIn(page, 'Jordan Lee', { float: '$100.00' });

  const first = await sell(page, 'KXW201', /^1 h\b/, { by: 'cash', amount: '$20.00' });
  await expect(page.getByTestId('confirm-change')).toHaveText('Give change: $15.50');
  const second = await sell(page, 'KXW202', /^2 h\b/, { by: 'card', last4: '1111' });
  const third = await sell(page, 'KXW203', /^1 h\b/, { by: 'voucher', reason: 'City voucher 77' });

  await openScreen(page, 'Active permits');
  const details = await openPermit(page, first);
  await details.getByRole('button', { name: 'Extend +30 min', exact: true }).click();
  await expect(details.getByTestId('extend-quote')).toContainText('adds $2.25');
  await pay(details, { by: 'cash', amount: 'Exact $2.25' }, 'Confirm extend');
  await expect(details.getByRole('status')).toContainText('Permit for KXW201 now ends');
  await details.getByRole('button', { name: 'Back to list' }).click();

  await cancel(page, second, 'Driver left', true);
  await expect(page.getByRole('status').filter({ hasText: 'KXW202' })).toHaveText(
    'Permit for KXW202 cancelled. Refunded $9.00.',
  );
  await cancel(page, third, 'Wrong plate', false);

  await openScreen(page, 'Shift');
  await moveCash(page, 'Paid out', '300', 'Coffee');
  await page.getByRole('button', { name: 'Confirm paid out $3.00' }).click();
  await expect(page.getByTestId('drawer-paid-outs')).toHaveText('1');
  await moveCash(page, 'Drop to safe', '2000', 'Safe drop');
  await page.getByRole('button', { name: 'Confirm drop $20.00' }).click();
  await expect(page.getByTestId('drawer-drops')).toHaveText('1');
  // Net of the refund; a cancel that kept the money still counts.
  await expect(page.getByTestId('shift-amounts')).toHaveText('$11.25');
  await expect(page.getByText('$83.75')).toHaveCount(0);

  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Count the drawer' })).toBeVisible();
  for (const [note, times] of [
    ['$20', 4],
    ['$2', 1],
    ['$1', 1],
    ['25¢', 3],
  ] as const) {
    for (let i = 0; i < times; i += 1) {
      await page.getByRole('button', { name: `One more ${note}`, exact: true }).click();
    }
  }
  await expect(page.getByTestId('count-total')).toHaveText('Your count: $83.75');
  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-expected')).toHaveText('$83.75');
  await expect(page.getByTestId('count-outcome')).toHaveText('Even');
  await page.getByRole('button', { name: 'Confirm close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();

  // OPSCOM holds the one permit still sold, at its extended price; the two cancelled ones are gone.
  await expect
    .poll(async () =>
      (await sandbox.permits())
        .map((p) => [p.permitNo, p.plate, p.amount, p.deleted ?? false])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    )
    .toEqual([
      [first, 'KXW201', '6.75', false],
      [second, 'KXW202', '9.00', true],
      [third, 'KXW203', '4.50', true],
    ]);

  // The Z-report says what was done, to the cent.
  const { text } = await downloadFrom(page.getByRole('button', { name: 'Save report CSV' }));
  const rows = parseCsv(text);
  const cell = (section: string, item: string) => rows.find((row) => row.section === section && row.item === item);
  expect(cell('shift', 'attendant')?.detail).toBe('Jordan Lee');
  expect(cell('tender', 'cash')).toMatchObject({ currency: 'CAD', count: '2', cents: '675' });
  expect(cell('tender', 'card')).toMatchObject({ count: '1', cents: '900' });
  expect(cell('tender', 'voucher')).toMatchObject({ count: '1', cents: '450' });
  expect(cell('refund', 'card')).toMatchObject({ count: '1', cents: '900' });
  expect(cell('refund', 'cash')).toBeUndefined();
  expect(cell('void', 'cancelled')?.count).toBe('2');
  expect(cell('void', 'with-refund')).toMatchObject({ count: '1', cents: '900' });
  expect(cell('paid-out', 'total')).toMatchObject({ count: '1', cents: '300' });
  expect(cell('drop', 'total')).toMatchObject({ count: '1', cents: '2000' });
  expect(cell('net', 'collected')?.cents).toBe('2025');
  expect(cell('net', 'refunded')?.cents).toBe('900');
  expect(cell('net', 'net')?.cents).toBe('1125');
  expect(cell('drawer', 'float')?.cents).toBe('10000');
  expect(cell('drawer', 'cash-sales')?.cents).toBe('675');
  expect(cell('drawer', 'expected')?.cents).toBe('8375');
  expect(cell('drawer', 'counted')?.cents).toBe('8375');
  expect(cell('drawer', 'even')?.cents).toBe('0');
  expect(cell('drawer', 'approved-by-pin')?.detail).toBe('no');
});
