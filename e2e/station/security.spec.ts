import { openScreen, typePin } from '../support/actions';
import { expect, launchStation, SANDBOX_TOKEN, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { signIn } from '../support/shift';

test('a new kiosk has no default PIN: a supervisor sets one, twice the same, before anything is sold', async ({
  page,
  sandbox,
}) => {
  const station = await launchStation({ OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: SANDBOX_TOKEN }, undefined, {
    firstStart: true,
  });
  try {
    await page.goto(station.url);
    await expect(page.getByRole('heading', { name: 'Set the admin PIN' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Start shift' })).toHaveCount(0);
    await checkScreen(page, 'set-pin');

    await typePin(page, '2468');
    await page.getByRole('button', { name: 'Next' }).click();
    await typePin(page, '2469');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await expect(page.getByText('The two PINs are not the same. Start again.')).toBeVisible();

    await typePin(page, '2468');
    await page.getByRole('button', { name: 'Next' }).click();
    await typePin(page, '2468');
    await page.getByRole('button', { name: 'Set PIN' }).click();
    await signIn(page);

    await openScreen(page, 'Settings');
    await typePin(page, '1234');
    await page.getByRole('button', { name: 'Open settings' }).click();
    await expect(page.getByRole('alert')).toContainText('That PIN is not right.');
    await typePin(page, '2468');
    await page.getByRole('button', { name: 'Open settings' }).click();
    await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toBeVisible();
  } finally {
    await station.stop();
  }
});

test('the stored token follows a new controller address only when the supervisor confirms that host', async ({
  kiosk: page,
}) => {
  await openScreen(page, 'Settings');
  await typePin(page, '1234');
  await page.getByRole('button', { name: 'Open settings' }).click();
  // Save a token first: from now on one is stored, and a new address must not take it without asking.
  await page.getByLabel('New API token').fill('E2E-STORED-TOKEN-1');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await page.getByLabel('Controller URL').fill('http://controller.example');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText(/must start with https:\/\//).first()).toBeVisible();

  await page.getByLabel('Controller URL').fill('https://other.example:8443');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('The stored API token would go to other.example:8443');
  await page.getByTestId('use-stored-token').click();
  await expect(page.getByTestId('use-stored-token')).toContainText('Send the stored API token to other.example:8443');
  await checkScreen(page, 'settings-new-host');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
});

test('names with control or text-direction characters never get in: the screen drops them, main refuses them', async ({
  kiosk: page,
  station,
}) => {
  const field = page.getByRole('textbox', { name: 'Name or badge number' });
  await field.fill('Sam\u202eevil');
  await expect(field).toHaveValue('Samevil');

  // Whatever a page sends, main checks: straight to the bridge, the way the served page calls it.
  const html = await (await fetch(station.url)).text();
  const secret = /name="kiosk-bridge-secret" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const answer = await fetch(`${station.url}bridge/invoke/shift%3Astart`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Secret': secret },
    body: JSON.stringify({ attendant: 'Sam\u202eevil' }),
  });
  expect(await answer.json()).toMatchObject({
    ok: false,
    error: { code: 'invalid-request', message: expect.stringContaining('text-direction characters are not allowed') },
  });
});
