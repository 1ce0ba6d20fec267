import { createServer } from 'node:net';
import { issueByKeyboard, openSettings } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';

// An operator turns on the kiosk's /metrics endpoint from the Settings screen: it serves at once, with no restart,
// and goes away when the address is emptied again (docs/monitoring.md).

/** A port nothing listens on right now, on loopback. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function metricsAt(url: string): Promise<string | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await response.text() : null;
  } catch {
    return null;
  }
}

test('the metrics address set on the Settings screen serves /metrics at once, and emptied turns it off', async ({
  attendant: page,
}) => {
  await issueByKeyboard(page, 'KXW518');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/metrics`;
  expect(await metricsAt(url)).toBeNull();

  await openSettings(page);
  await expect(page.getByRole('heading', { name: 'Fleet monitoring' })).toBeVisible();
  const address = page.getByLabel('Metrics address for Prometheus', { exact: true });
  await expect(address).toHaveValue('');
  // Not an IP address and port: refused in words, nothing saved.
  await address.fill('kiosk.local');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Write the metrics address as an IP address and a port')).toBeVisible();
  await address.fill(`127.0.0.1:${port}`);
  await page.getByLabel('Push every (seconds)', { exact: true }).fill('30');
  await page.getByRole('heading', { name: 'Fleet monitoring' }).scrollIntoViewIfNeeded();
  await checkScreen(page, 'settings-fleet-monitoring');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();

  await expect.poll(() => metricsAt(url)).toContain('kiosk_outbox_waiting_actions');
  const text = (await metricsAt(url))!;
  expect(text).toMatch(/^kiosk_shift_open\{kiosk_id="[^"]+"\} 1$/m);
  // Nothing personal: no plate, no attendant.
  expect(text).not.toContain('KXW518');
  expect(text).not.toContain('Alex Tremblay');

  await address.fill('');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect.poll(() => metricsAt(url)).toBeNull();
});
