import { downloadFrom, issueByKeyboard, openScreen, parseCsv, permitRow } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { ATTENDANT, signIn } from '../support/shift';

test.beforeEach(async ({ page, station }) => {
  await page.goto(station.url);
  await signIn(page);
});

test('extend by a preset: the new end and the added amount are shown before confirming, then sent', async ({
  page,
  sandbox,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW774', { zone: 'Lot 1', duration: /^1 h\b/ });
  await expect.poll(async () => (await sandbox.permits())[0]?.amount).toBe('4.50');
  const issued = (await sandbox.permits())[0]!;
  const startedAt = Date.parse(`${issued.startTime}Z`);

  await openScreen(page, 'Active permits');
  const row = permitRow(page, ticket);
  const presets = row.getByRole('group', { name: 'Extend by' });
  // The kiosk's default extension first, then the zone's own durations.
  const offered = ['Extend +30 min', 'Extend +1 h', 'Extend +2 h', 'Extend +4 h'];
  await expect(presets.getByRole('button')).toHaveCount(offered.length);
  for (const [index, name] of offered.entries()) {
    await expect(presets.getByRole('button').nth(index)).toHaveAccessibleName(name);
  }
  await presets.getByRole('button', { name: 'Extend +1 h', exact: true }).click();

  // Lot 1 is $4.50 an hour: two hours in all is $9.00, so the extra hour adds $4.50.
  const quote = row.getByTestId('extend-quote');
  await expect(quote).toContainText(/^New end .+, adds \$4\.50$/);
  await checkScreen(page, 'permits-extend');
  // Nothing is sent before the attendant confirms.
  await page.waitForTimeout(300);
  expect((await sandbox.permits())[0]).toMatchObject({ amount: '4.50', endTime: issued.endTime });
  const shownEnd = /^New end (.+), adds/.exec(await quote.innerText())![1]!;

  await row.getByRole('button', { name: 'Confirm extend' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'KXW774' })).toContainText(
    `Permit for KXW774 now ends ${shownEnd}`,
  );
  await expect
    .poll(async () => (await sandbox.permits())[0])
    .toMatchObject({ amount: '9.00', endTime: new Date(startedAt + 120 * 60_000).toISOString().slice(0, 19) });
  await expect(row).toContainText('$9.00');
  // The card's end is the one the quote promised.
  await expect(row).toContainText(shownEnd);
});

test('cancel with a reason: OPSCOM deletes it and the reason is in the audit CSV from the Queue screen', async ({
  page,
  sandbox,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW794');
  await expect.poll(async () => (await sandbox.permits())[0]?.permitNo).toBe(ticket);

  await openScreen(page, 'Active permits');
  const row = permitRow(page, ticket);
  await row.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(row).toContainText('Cancel the permit for KXW794? Choose the reason.');
  // No reason, no cancel.
  await expect(row.getByRole('button', { name: 'Confirm cancel' })).toBeDisabled();
  const reasons = row.getByRole('radiogroup', { name: 'Reason' });
  await expect(reasons.getByRole('radio')).toHaveText(['Driver left', 'Wrong plate', 'Duplicate', 'Other']);
  await reasons.getByRole('radio', { name: 'Wrong plate' }).click();
  await expect(reasons.getByRole('radio', { name: 'Wrong plate' })).toHaveAttribute('aria-checked', 'true');
  await checkScreen(page, 'permits-cancel');

  await row.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByText('Permit for KXW794 cancelled.')).toBeVisible();
  await expect.poll(async () => (await sandbox.permits())[0]?.deleted).toBe(true);

  await openScreen(page, 'Queue');
  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Export audit CSV' }));
  expect(download.suggestedFilename()).toMatch(/^audit-[A-Z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(text).filter((r) => r.ticketNumber === ticket);
  const cancel = rows.find((r) => r.event === 'accepted' && r.kind === 'cancel');
  expect(cancel, text).toMatchObject({ plate: 'KXW794', attendant: ATTENDANT, detail: 'Wrong plate' });
  expect(rows.find((r) => r.event === 'accepted' && r.kind === 'issue')).toMatchObject({ attendant: ATTENDANT });
});
