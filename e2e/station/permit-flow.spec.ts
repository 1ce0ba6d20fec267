import { confirmLookAlikes, payForSale } from '../support/actions';
import { issueExtendAndCancel } from '../support/attendant-flow';
import { expect, launchStation, SANDBOX_TOKEN, test } from '../support/fixtures';
import { signIn } from '../support/shift';

test('issue, extend and cancel a permit through the browser station', async ({ kiosk: page, sandbox }) => {
  await issueExtendAndCancel(page, sandbox);
});

test('the keyboard types plates and a double tap issues one permit', async ({ attendant: page, sandbox }) => {
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await page.keyboard.type('xy-9 8');
  await expect(page.getByTestId('plate-display')).toHaveValue('XY98');
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio').first().click();
  await page.getByRole('button', { name: 'Issue permit' }).dblclick();
  // 8 reads like B: the double tap opens the check once and does not answer it by itself.
  expect(await sandbox.permits()).toHaveLength(0);
  await confirmLookAlikes(page, 'XY98');
  // The payment's confirm takes a double tap too: one permit, one ledger line.
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('radio', { name: 'Card', exact: true }).click();
  await payment.getByRole('button', { name: 'Confirm payment' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect.poll(async () => (await sandbox.permits()).length).toBe(1);
  // Give a stray second request time to land before concluding there was none.
  await page.waitForTimeout(500);
  expect(await sandbox.permits()).toHaveLength(1);
});

test('with the controller unreachable, the permit is confirmed at once as waiting to send', async ({ page }) => {
  const station = await launchStation({ OPSCOM_URL: 'http://127.0.0.1:9', OPSCOM_TOKEN: SANDBOX_TOKEN });
  try {
    await page.goto(station.url);
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
    await page.keyboard.type('DOWN1');
    await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio').first().click();
    await page.getByRole('button', { name: 'Issue permit' }).click();
    await confirmLookAlikes(page, 'DOWN1');
    await payForSale(page);
    await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
    await expect(page.getByTestId('confirm-sync')).toHaveText('Waiting to send');
    await expect(page.getByTestId('confirm-reference')).toContainText('waiting to send');
    await expect(page.getByTestId('outbox-waiting')).toContainText('1');
    await expect(page.getByTestId('connection')).toContainText('Offline');
  } finally {
    await station.stop();
  }
});

test('with no controller configured, the kiosk runs in demo mode against its built-in sandbox', async ({ page }) => {
  const station = await launchStation({ OPSCOM_URL: '', OPSCOM_TOKEN: '' });
  try {
    await page.goto(station.url);
    await expect(page.getByText('DEMO — built-in sandbox')).toBeVisible();
    await signIn(page);
    await page.keyboard.type('DEMO1');
    await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio').first().click();
    await page.getByRole('button', { name: 'Issue permit' }).click();
    await confirmLookAlikes(page, 'DEMO1');
    await payForSale(page);
    await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
    await expect(page.getByTestId('confirm-reference')).toContainText(/[0-9a-f-]{36}/);
  } finally {
    await station.stop();
  }
});

test('the API token never reaches anything the page can read', async ({ page, station }) => {
  const seen: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'eventsource') seen.push(await response.text().catch(() => ''));
  });
  await page.goto(station.url);
  await signIn(page);
  await page.keyboard.type('TOK1');
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio').first().click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  await confirmLookAlikes(page, 'TOK1');
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  seen.push(await page.content());
  expect(seen.length).toBeGreaterThan(3);
  for (const body of seen) expect(body).not.toContain(SANDBOX_TOKEN);
  expect(station.output()).not.toContain(SANDBOX_TOKEN);
});
