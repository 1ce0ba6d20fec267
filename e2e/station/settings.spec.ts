import type { Page } from '@playwright/test';
import { openScreen } from '../support/actions';
import { expect, SANDBOX_TOKEN, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

/** A supervisor types the PIN on the on-screen PIN keys and taps Open settings. */
async function enterPin(page: Page, pin: string): Promise<void> {
  const keys = page.getByRole('group', { name: 'PIN keys' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByLabel('Admin PIN', { exact: true })).toHaveValue(pin);
  await page.getByRole('button', { name: 'Open settings' }).click();
}

async function stored(sandboxUrl: string): Promise<Array<{ path: string }>> {
  return ((await (await fetch(`${sandboxUrl}/__sandbox/requests`)).json()) as { requests: Array<{ path: string }> })
    .requests;
}

test('a wrong PIN is refused with the error; five wrong tries lock the settings, even for the right PIN', async ({
  kiosk: page,
}) => {
  await openScreen(page, 'Settings');
  await expect(page.getByText('Settings are for supervisors. Enter the admin PIN.')).toBeVisible();
  await checkScreen(page, 'settings-locked');

  const alert = page.getByRole('alert');
  await enterPin(page, '9999');
  await expect(alert).toContainText('That PIN is not right. 4 tries left.');
  // The refused PIN is cleared for the next try, and the settings stay closed.
  await expect(page.getByLabel('Admin PIN', { exact: true })).toHaveValue('');
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toHaveCount(0);
  for (const left of [3, 2, 1]) {
    await enterPin(page, '0000');
    await expect(alert).toContainText(new RegExp(`That PIN is not right\\. ${left} tr(y|ies) left\\.`));
  }
  await enterPin(page, '4321');
  await expect(alert).toContainText('locked');
  await checkScreen(page, 'settings-lockout');

  // During the lock-out the PIN keys are off; after a reload (the page forgets, main does not) the right PIN is
  // refused all the same.
  await expect(
    page.getByRole('group', { name: 'PIN keys' }).getByRole('button', { name: '1', exact: true }),
  ).toBeDisabled();
  await page.reload();
  await openScreen(page, 'Settings');
  await enterPin(page, '1234');
  await expect(alert).toContainText(/Too many wrong PINs/);
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toHaveCount(0);
});

test('the right PIN opens settings; the token is never shown back; a kiosk name is saved; Test connection works', async ({
  page,
  station,
  sandbox,
}) => {
  const responses: string[] = [];
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'eventsource') responses.push(await response.text().catch(() => ''));
  });
  await page.goto(station.url);
  await openScreen(page, 'Settings');
  await enterPin(page, '1234');
  await expect(page.getByRole('heading', { name: 'Settings', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toBeVisible();
  // Not demo mode: there is no known PIN to show.
  await expect(page.getByTestId('demo-pin')).toHaveCount(0);
  await expect(page.getByLabel('Controller URL')).toHaveValue(sandbox.url);
  await expect(page.getByTestId('controller-source')).toContainText('from the environment');

  // Only the last four characters of the token, never more.
  await expect(page.getByTestId('token-state')).toHaveText(`A token is set, ending in …${SANDBOX_TOKEN.slice(-4)}`);
  await expect(page.getByLabel('New API token')).toHaveValue('');
  const values = await page.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const text = [await page.content(), await page.locator('body').innerText(), ...values, ...responses].join('\n');
  expect(text).not.toContain(SANDBOX_TOKEN);
  expect(text).not.toContain(SANDBOX_TOKEN.slice(-5));
  await checkScreen(page, 'settings');

  const statsBefore = (await stored(sandbox.url)).filter((r) => r.path.endsWith('/permits/stats')).length;
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('test-result')).toHaveText(
    `Connection works. Connected to ${new URL(sandbox.url).host}: OPSCOM answered.`,
  );
  // It really asked the controller.
  expect((await stored(sandbox.url)).filter((r) => r.path.endsWith('/permits/stats')).length).toBeGreaterThan(
    statsBefore,
  );

  await page.getByLabel('Kiosk name').fill('North Gate Booth');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  const statusBar = page.getByRole('banner');
  await expect(statusBar).toContainText('North Gate Booth');
  await expect(page.getByLabel('Kiosk name')).toHaveValue('North Gate Booth');

  // Saved, not just shown: after a reload the name is still there, and the settings are locked again.
  await page.reload();
  await expect(statusBar).toContainText('North Gate Booth');
  await openScreen(page, 'Settings');
  await expect(page.getByLabel('Admin PIN', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toHaveCount(0);

  const after = [await page.content(), ...responses].join('\n');
  expect(after).not.toContain(SANDBOX_TOKEN);
  expect(station.output()).not.toContain(SANDBOX_TOKEN);
});
