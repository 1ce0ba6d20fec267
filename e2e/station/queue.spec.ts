import type { Page } from '@playwright/test';
import { issueByKeyboard, openPermit, openScreen, openSettings, pay } from '../support/actions';
import { expect, setFaults, test } from '../support/fixtures';
import { checkScreen } from '../support/screens';
import { signIn } from '../support/shift';

async function sandboxSettings(sandboxUrl: string, settings: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/settings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!response.ok) throw new Error(`The sandbox refused the settings: ${await response.text()}`);
}

/** A supervisor sets "OPSCOM refuses a repeated ticket number with 9022" on the Settings screen. */
async function setRepeatedTicketAnswer(page: Page, answer: 'Unknown' | 'Yes' | 'No'): Promise<void> {
  await openSettings(page);
  const setting = page.getByRole('radiogroup', { name: 'OPSCOM refuses a repeated ticket number with 9022' });
  await setting.getByRole('radio', { name: answer, exact: true }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  await expect(setting.getByRole('radio', { name: answer, exact: true })).toHaveAttribute('aria-checked', 'true');
}

test('Queue: an action OPSCOM refused (9022 where repeats are allowed) and one waiting for the controller', async ({
  page,
  station,
  sandbox,
}) => {
  // The resends after unclear answers wait 1–2 s, then 2–4, 4–8, 8–16, 16–32 s ("Send now" does not cut that
  // wait): while the controller resets, KXW377's wait can grow past 16 s before it comes back.
  test.setTimeout(120_000);
  await page.goto(station.url);
  await signIn(page);
  // The supervisor says this OPSCOM accepts repeated ticket numbers: a 9022 is then a real conflict.
  await setRepeatedTicketAnswer(page, 'No');

  // The first push is stored but its answer is lost; the resend is refused as a duplicate (9022), which parks
  // the action for a person. The lost answer's copy is counted and shown.
  await sandboxSettings(sandbox.url, { rejectDuplicatePermitNo: true });
  await setFaults(sandbox.url, [{ endpoint: 'push', kind: 'store-then-drop', count: 1 }]);
  const parked = await issueByKeyboard(page, 'KXW366');
  await expect(page.getByTestId('outbox-attention')).toHaveText('1 needs attention', { timeout: 45_000 });
  await expect(page.getByTestId('outbox-reconcile')).toHaveText('1 to check in OPSCOM');
  expect((await sandbox.permits()).map((p) => p.permitNo)).toEqual([parked]);

  // Then the controller goes away: the next permit waits.
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
  const waiting = await issueByKeyboard(page, 'KXW377');
  await expect(page.getByTestId('confirm-sync')).toHaveText('Waiting to send');

  await openScreen(page, 'Queue');
  const rows = page.getByTestId('queue-row');
  await expect(rows).toHaveCount(2);
  const attention = rows.filter({ hasText: parked });
  await expect(attention.getByTestId('queue-state')).toHaveText('Needs attention');
  await expect(attention).toContainText('9022');
  await expect(attention.getByTestId('extra-copies')).toContainText('OPSCOM may hold 1 extra copy');
  for (const name of ['Retry', 'Correct plate', 'Discard']) {
    await expect(attention.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const queued = rows.filter({ hasText: waiting });
  await expect(queued.getByTestId('queue-state')).toHaveText(/Waiting|Sending/);
  await expect(queued.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  // The copies the lost answer and the resets may have left are on the list to check; not yet urgent, as they say
  // what was paid for.
  const entry = page.locator(`[data-testid="reconcile-row"][data-ticket="${parked}"]`);
  await expect(entry).toContainText('To check');
  await expect(page.locator(`[data-testid="reconcile-row"][data-ticket="${waiting}"]`)).toContainText('To check');
  await checkScreen(page, 'queue');

  // The controller is back: the waiting one is delivered, the parked one stays for a person.
  await setFaults(sandbox.url, []);
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(rows).toHaveCount(1, { timeout: 45_000 });
  await expect(rows.first()).toContainText(parked);
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => p.permitNo).sort())
    .toEqual([parked, waiting].sort());
});

test('9022 after a lost answer, where the answer is unknown: OPSCOM holds it; an extend then goes to a supervisor', async ({
  attendant: page,
  sandbox,
}) => {
  await sandboxSettings(sandbox.url, { rejectDuplicatePermitNo: true });
  await setFaults(sandbox.url, [{ endpoint: 'push', kind: 'store-then-reset', count: 1 }]);
  const ticket = await issueByKeyboard(page, 'KXW743');
  await expect(page.getByTestId('outbox-reconcile')).toHaveText('1 to check in OPSCOM', { timeout: 30_000 });
  await expect(page.getByTestId('outbox-attention')).toHaveText('0 need attention');

  await openScreen(page, 'Active permits');
  const details = await openPermit(page, ticket);
  await expect(details.getByTestId('extra-copies')).toContainText('never gave the kiosk its reference');
  await details.getByRole('button', { name: 'Extend +30 min' }).click();
  await pay(details, { by: 'card' }, 'Confirm extend');
  await expect(page.getByTestId('outbox-attention')).toHaveText('1 needs attention', { timeout: 20_000 });

  await openScreen(page, 'Queue');
  const entry = page.getByTestId('reconcile-row');
  await expect(entry.getByTestId('reconcile-instruction')).toHaveText(
    'OPSCOM’s copy cannot be reached by the kiosk. Change it in OPSCOM to what the driver paid for.',
  );
  await expect(entry).toContainText('A supervisor must act');
  // Nothing was sent with other values, and OPSCOM still holds the first one.
  const stored = await sandbox.permits();
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ permitNo: ticket, deleted: false, amount: '4.50' });
});
