import { downloadFrom, issueByKeyboard, openPermit, openScreen, parseCsv, permitRow } from '../support/actions';
import { expect, setFaults, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

test('OPSCOM stored a permit but its answer was unreadable: the copy is shown, and after a cancel a supervisor removes it', async ({
  attendant: page,
  sandbox,
}) => {
  // OPSCOM stores the push, then answers with a body cut in half: the kiosk cannot know the copy's reference.
  await setFaults(sandbox.url, [{ endpoint: 'push', kind: 'store-then-truncate', count: 1 }]);
  const ticket = await issueByKeyboard(page, 'KXW644');
  await expect.poll(async () => (await sandbox.permits()).length, { timeout: 20_000 }).toBe(2);

  await openScreen(page, 'Active permits');
  const row = permitRow(page, ticket);
  const details = await openPermit(page, ticket);
  const copies = details.getByTestId('extra-copies');
  await expect(copies).toContainText('OPSCOM may hold 1 extra copy');
  await expect(copies).toContainText('KXW644');
  await expect(copies).toContainText('an unreadable answer');
  await checkScreen(page, 'permits-extra-copy');

  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Driver left' }).click();
  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(row).toHaveCount(0);
  // The copy the kiosk knows is deleted; the one it cannot reach stays live in OPSCOM…
  await expect
    .poll(async () => (await sandbox.permits()).filter((p) => !p.deleted).length, { timeout: 20_000 })
    .toBe(1);
  // …and that is said, never left silent.
  await expect(page.getByTestId('outbox-reconcile')).toHaveText('1 to check in OPSCOM');
  await expect(page.getByTestId('outbox-attention')).toHaveText('1 needs attention');

  await openScreen(page, 'Queue');
  const entry = page.getByTestId('reconcile-row');
  await expect(entry).toHaveCount(1);
  await expect(entry).toHaveAttribute('data-ticket', ticket);
  await expect(entry.getByTestId('reconcile-instruction')).toHaveText(
    'This permit was cancelled. Remove every copy below from OPSCOM.',
  );
  await expect(entry).toContainText('A supervisor must act');
  await expect(entry.getByTestId('copy-list')).toContainText('KXW644');

  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Export list CSV' }));
  expect(download.suggestedFilename()).toMatch(/^reconciliation-[A-Z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(parseCsv(text)).toMatchObject([
    { ticketNumber: ticket, status: 'cancelled', needsAttention: 'yes', plate: 'KXW644', copyPlate: 'KXW644' },
  ]);

  await entry.getByRole('button', { name: 'Done in OPSCOM' }).click();
  await entry.getByRole('radio', { name: 'Removed or changed in OPSCOM' }).click();
  await checkScreen(page, 'queue-reconcile');
  for (const digit of '9999') await entry.getByRole('button', { name: digit, exact: true }).click();
  await entry.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(/PIN/);
  await expect(entry).toHaveCount(1);
  for (const digit of '1234') await entry.getByRole('button', { name: digit, exact: true }).click();
  await entry.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(page.getByText(`Ticket ${ticket} marked done in OPSCOM.`)).toBeVisible();
  await expect(page.getByTestId('reconcile-section')).toContainText('Nothing to check in OPSCOM.');
  await expect(page.getByTestId('outbox-reconcile')).toHaveCount(0);

  const audit = parseCsv((await downloadFrom(page.getByRole('button', { name: 'Export audit CSV' }))).text);
  expect(audit.find((r) => r.event === 'cleared')).toMatchObject({
    ticketNumber: ticket,
    detail: expect.stringContaining('Removed or changed in OPSCOM'),
  });
});
