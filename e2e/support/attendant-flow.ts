import type { Page } from '@playwright/test';
import { expect, type SandboxPermitView } from './fixtures';
import { pay, payForSale } from './actions';
import { signIn } from './shift';

/**
 * As an attendant would: sign in, type a plate on the on-screen keys, issue, extend, cancel — and after each step
 * the sandbox's own view agrees. Shared by the browser-station and the Electron specs.
 */
export async function issueExtendAndCancel(
  page: Page,
  sandbox: { permits: () => Promise<SandboxPermitView[]> },
): Promise<void> {
  await signIn(page);
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await expect(page.getByText('DEMO — built-in sandbox')).toHaveCount(0);

  for (const key of ['A', 'B', 'C', '1', '2', '3']) await page.getByRole('button', { name: key, exact: true }).click();
  await expect(page.getByTestId('plate-display')).toHaveValue('ABC123');
  await page.getByRole('radiogroup', { name: 'Zone' }).getByRole('radio', { name: 'Lot 1' }).click();
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio', { name: /^1 h/ }).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  // B, 1 and 2 read like 8, I and Z, but ABC 123 is a standard Ontario plate (the default home region): no plate
  // step, straight to the payment.
  await payForSale(page, { by: 'cash', amount: '$5.00' });
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-change')).toHaveText('Give change: $0.50');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('confirm-plate')).toContainText('ABC123');
  await expect(page.getByTestId('confirm-zone')).toContainText('Lot 1');
  await expect(page.getByTestId('confirm-amount')).toContainText('$4.50');
  const ticket = (await page.getByTestId('confirm-ticket').innerText()).trim().split(/\s+/).pop() ?? '';
  expect(ticket).toMatch(/^[A-Z0-9]+-\d{6}$/);

  const afterIssue = await sandbox.permits();
  expect(afterIssue).toHaveLength(1);
  expect(afterIssue[0]).toMatchObject({
    plate: 'ABC123',
    zone: 'Lot 1',
    amount: '4.50',
    currency: 'CAD',
    permitNo: ticket,
  });
  await expect(page.getByTestId('confirm-reference')).toContainText(afterIssue[0]!.referenceId);
  const startedAt = Date.parse(`${afterIssue[0]!.startTime}Z`);
  expect(Date.parse(`${afterIssue[0]!.endTime}Z`) - startedAt).toBe(60 * 60_000);
  expect(Math.abs(startedAt - Date.now())).toBeLessThan(5 * 60_000); // sent as UTC

  await page.getByRole('navigation').getByRole('button', { name: 'Active permits' }).click();
  const row = page.locator(`[data-testid="permit-row"][data-ticket="${ticket}"]`);
  await expect(row).toContainText('ABC123');
  // A tap on the row opens its details, where Extend and Cancel are.
  await row.getByRole('button').click();
  const details = page.getByTestId('permit-details');
  await expect(details.getByRole('heading', { name: 'Permit for ABC123' })).toBeVisible();
  await details.getByRole('button', { name: 'Extend +30 min' }).click();
  await expect(details).toContainText('$2.25');
  await pay(details, { by: 'card', last4: '4242' }, 'Confirm extend');
  await expect
    .poll(async () => (await sandbox.permits())[0])
    .toMatchObject({ amount: '6.75', endTime: new Date(startedAt + 90 * 60_000).toISOString().slice(0, 19) });

  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  // A cancel says why, for the audit log.
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Driver left' }).click();
  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(details).toHaveCount(0);
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await sandbox.permits())[0]?.deleted).toBe(true);
  await expect(page.getByText('No active permits.')).toBeVisible();
}
