import { issueByKeyboard, openScreen } from '../support/actions';
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

test('Queue: an action that needs attention (lost answer, then 9022) and one waiting for the controller', async ({
  page,
  station,
  sandbox,
}) => {
  await page.goto(station.url);
  await signIn(page);

  // The first push is stored but its answer is lost; the retry is refused as a duplicate ticket number (9022),
  // which parks the action for a person.
  await sandboxSettings(sandbox.url, { rejectDuplicatePermitNo: true });
  await setFaults(sandbox.url, [{ endpoint: 'push', kind: 'store-then-drop', count: 1 }]);
  const parked = await issueByKeyboard(page, 'KXW366');
  await expect(page.getByTestId('outbox-attention')).toHaveText('1 needs attention', { timeout: 30_000 });
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
  for (const name of ['Retry', 'Correct plate', 'Discard']) {
    await expect(attention.getByRole('button', { name, exact: true })).toBeVisible();
  }
  const queued = rows.filter({ hasText: waiting });
  await expect(queued.getByTestId('queue-state')).toHaveText(/Waiting|Sending/);
  await expect(queued.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await checkScreen(page, 'queue');

  // The controller is back: the waiting one is delivered, the parked one stays for a person.
  await setFaults(sandbox.url, []);
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(rows).toHaveCount(1, { timeout: 20_000 });
  await expect(rows.first()).toContainText(parked);
  await expect
    .poll(async () => (await sandbox.permits()).map((p) => p.permitNo).sort())
    .toEqual([parked, waiting].sort());
});
