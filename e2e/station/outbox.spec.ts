import type { Page } from '@playwright/test';
import {
  closePermit,
  confirmLookAlikes,
  openPermit,
  pay,
  payForSale,
  permitRow,
  plateStepAtDefaultKiosk,
} from '../support/actions';
import { expect, launchStation, SANDBOX_TOKEN, setFaults, test, type SandboxPermitView } from '../support/fixtures';
import { signIn } from '../support/shift';
import { readRecords } from '../../src/main/core/storage/read-records';

async function issue(page: Page, plate: string): Promise<string> {
  await page.getByRole('navigation').getByRole('button', { name: 'Issue', exact: true }).click();
  await page.keyboard.type(plate);
  await page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio', { name: /^1 h/ }).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  // A plate the plate check doubts (no Ontario format, with look-alikes: 1 and I, 5 and S…) gets a second look.
  if (plateStepAtDefaultKiosk(plate) !== 'none') await confirmLookAlikes(page, plate);
  await payForSale(page);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  const ticket = (await page.getByTestId('confirm-ticket').innerText()).trim().split(/\s+/).pop() ?? '';
  await page.getByRole('button', { name: 'New permit' }).click();
  return ticket;
}

async function openPermits(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Active permits' }).click();
}

function auditEvents(dataDir: string): Promise<string[]> {
  return Promise.resolve(readRecords(dataDir).audit.map((entry) => entry.event));
}

const live = (permits: SandboxPermitView[]) => permits.filter((p) => !p.deleted);

test('controller down: issue three, extend one, cancel one — all delivered when it is back', async ({
  attendant: page,
  sandbox,
}) => {
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);

  const kept = await issue(page, 'KEEP1');
  const extended = await issue(page, 'EXT1');
  const cancelled = await issue(page, 'GONE1');

  await openPermits(page);
  const extending = await openPermit(page, extended);
  await extending.getByRole('button', { name: 'Extend +30 min' }).click();
  await pay(extending, { by: 'card' }, 'Confirm extend');
  await closePermit(page);
  const cancelling = await openPermit(page, cancelled);
  await cancelling.getByRole('button', { name: 'Cancel', exact: true }).click();
  await cancelling.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Driver left' }).click();
  await cancelling.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(permitRow(page, cancelled)).toHaveCount(0);
  await expect(page.getByTestId('outbox-waiting')).not.toHaveText(/^0\b/);
  await expect(page.getByTestId('sync-badge').first()).toHaveText('Waiting');
  expect(live(await sandbox.permits())).toHaveLength(0);

  await setFaults(sandbox.url, []);
  await page.getByRole('navigation').getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText('Nothing waiting to send.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('outbox-waiting')).toContainText('0');

  const stored = live(await sandbox.permits());
  expect(stored.map((p) => p.permitNo).sort()).toEqual([kept, extended].sort());
  expect(stored.find((p) => p.permitNo === extended)?.amount).toBe('6.75');
  expect(stored.find((p) => p.permitNo === kept)?.amount).toBe('4.50');
  await openPermits(page);
  await expect(page.getByTestId('sync-badge')).toHaveText(['Sent', 'Sent']);
});

test('kill -9 during a flush loses nothing: after a restart everything is delivered', async ({ page, sandbox }) => {
  const env = { OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: SANDBOX_TOKEN };
  const first = await launchStation(env);
  const tickets: string[] = [];
  try {
    await page.goto(first.url);
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
    await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
    for (const plate of ['CRA1', 'CRA2', 'CRA3', 'CRA4', 'CRA5', 'CRA6']) tickets.push(await issue(page, plate));

    // The controller comes back slowly; the station dies while it is sending.
    await setFaults(sandbox.url, [{ endpoint: '*', kind: 'latency', ms: 1000 }]);
    await page.getByRole('navigation').getByRole('button', { name: 'Queue' }).click();
    await page.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(async () => (await sandbox.permits()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    await first.crash();
    // It really died mid-flush: not every delivery had been recorded.
    expect((await auditEvents(first.dataDir)).filter((e) => e === 'delivered').length).toBeLessThan(tickets.length);
  } catch (error) {
    await first.stop();
    throw error;
  }

  const second = await launchStation(env, first.dataDir);
  try {
    await setFaults(sandbox.url, []);
    await page.goto(second.url);
    await expect(page.getByTestId('outbox-waiting')).toContainText('0', { timeout: 20_000 });
    const stored = live(await sandbox.permits());
    for (const ticket of tickets)
      expect(
        stored.some((p) => p.permitNo === ticket),
        ticket,
      ).toBe(true);
    // A push sent twice (its answer died with the process) is in the audit log as a possible duplicate.
    const twice = tickets.filter((ticket) => stored.filter((p) => p.permitNo === ticket).length > 1);
    if (twice.length > 0) expect(await auditEvents(first.dataDir)).toContain('possible-duplicate');
    await openPermits(page);
    await expect(page.getByTestId('permit-row')).toHaveCount(tickets.length);
  } finally {
    await second.stop();
    await first.stop();
  }
});
