import {
  closePermit,
  downloadFrom,
  issueByKeyboard,
  openPermit,
  openScreen,
  parseCsv,
  pay,
  permitRow,
} from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { countUsualFloat, signIn } from '../support/shift';

test('sign in: nothing is sold before a shift is open; the shift names the attendant and survives a reload', async ({
  kiosk: page,
}) => {
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toHaveCount(0);
  // Start shift needs a name.
  await expect(page.getByRole('button', { name: 'Start shift', exact: true })).toBeDisabled();
  await checkScreen(page, 'start-shift');

  await signIn(page, 'Badge 4471');
  await expect(page.getByTestId('shift-attendant')).toHaveText('Shift: Badge 4471');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await expect(page.getByTestId('shift-attendant')).toHaveText('Shift: Badge 4471');
  await expect(page.getByRole('heading', { name: 'Start shift' })).toHaveCount(0);
});

test('close shift: the summary counts the shift and "Export shift CSV" saves its actions, naming the attendant', async ({
  kiosk: page,
  sandbox,
}) => {
  await signIn(page, 'Dana Okafor');
  const kept = await issueByKeyboard(page, 'KXW347', { zone: 'Lot 1', duration: /^1 h\b/ });
  const cancelled = await issueByKeyboard(page, 'KXW369', { zone: 'Lot 1', duration: /^1 h\b/ });
  await openScreen(page, 'Active permits');
  const extending = await openPermit(page, kept);
  await extending.getByRole('button', { name: 'Extend +30 min' }).click();
  await pay(extending, { by: 'card' }, 'Confirm extend');
  await expect(extending).toContainText('$6.75');
  await closePermit(page);
  const cancelling = await openPermit(page, cancelled);
  await cancelling.getByRole('button', { name: 'Cancel', exact: true }).click();
  await cancelling.getByRole('radio', { name: 'Driver left' }).click();
  await cancelling.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(permitRow(page, cancelled)).toHaveCount(0);
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => [p.permitNo, p.amount, p.deleted]).sort())
    .toEqual(
      [
        [kept, '6.75', false],
        [cancelled, '4.50', true],
      ].sort(),
    );

  // Running totals of the open shift: $4.50 + $4.50 issued, $2.25 added by the extension.
  await openScreen(page, 'Shift');
  await expect(page.getByTestId('shift-attendant-name')).toHaveText('Dana Okafor');
  await expect(page.getByTestId('shift-issued')).toHaveText('2');
  await expect(page.getByTestId('shift-extended')).toHaveText('1');
  await expect(page.getByTestId('shift-cancelled')).toHaveText('1');
  await expect(page.getByTestId('shift-amounts')).toHaveText('$11.25');
  await expect(page.getByTestId('shift-waiting')).toHaveText('0');

  await checkScreen(page, 'shift');

  // Closing counts the drawer first: the $150.00 float, as a $100 and a $50 note (no sale here was cash).
  await countUsualFloat(page);
  await page.getByRole('button', { name: 'Confirm close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();
  await expect(page.getByTestId('shift-issued')).toHaveText('2');
  await expect(page.getByTestId('shift-extended')).toHaveText('1');
  await expect(page.getByTestId('shift-cancelled')).toHaveText('1');
  await expect(page.getByTestId('shift-amounts')).toHaveText('$11.25');
  await expect(page.getByTestId('shift-closed')).not.toBeEmpty();
  await expect(page.getByTestId('shift-attendant')).toHaveText('No shift open');
  await checkScreen(page, 'shift-summary');

  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Export shift CSV' }));
  expect(download.suggestedFilename()).toMatch(/^shift-Dana-Okafor-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(page.getByText(`Shift saved as ${download.suggestedFilename()}.`)).toBeVisible();
  const accepted = parseCsv(text).filter((row) => row.event === 'accepted');
  expect(accepted.map((row) => [row.kind, row.ticketNumber, row.attendant])).toEqual([
    ['issue', kept, 'Dana Okafor'],
    ['issue', cancelled, 'Dana Okafor'],
    ['extend', kept, 'Dana Okafor'],
    ['cancel', cancelled, 'Dana Okafor'],
  ]);
  expect(accepted.find((row) => row.kind === 'cancel')?.detail).toBe('Driver left');

  // Done: the next attendant starts a new shift; the closed one can no longer sell.
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toHaveCount(0);
});
