import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { durationRadio, issueByKeyboard, openScreen, pay, zoneRadio } from '../support/actions';
import { expect, test } from '../support/fixtures';
import { settle } from '../support/screens';
import { countUsualFloat } from '../support/shift';

/**
 * The pictures in the README and the attendant's guide (docs/screenshots/): Issue, Payment, Active permits, Queue and
 * Shift close, at the booth monitor's 1024×768, walked as an attendant works a shift against the sandbox.
 *
 * Every run takes them, so the walk is tested, into this test's output folder. Only `npm run screenshots` (which sets
 * KIOSK_SCREENSHOTS_DIR) writes them over the committed ones: a normal run leaves the clone as it was.
 */
test.use({ viewport: { width: 1024, height: 768 } });

const SCREENS = ['issue', 'payment', 'permits', 'queue', 'shift-close'] as const;

function picturesFolder(): string {
  const asked = process.env.KIOSK_SCREENSHOTS_DIR;
  return asked ? path.resolve(asked) : test.info().outputPath('screenshots');
}

test('the main screens, for the README: Issue, Payment, Active permits, Queue and Shift close', async ({
  attendant: page,
  sandbox,
}) => {
  test.setTimeout(120_000);
  const folder = picturesFolder();
  await mkdir(folder, { recursive: true });
  const taken: string[] = [];
  const picture = async (name: (typeof SCREENS)[number]) => {
    await settle(page);
    const file = path.join(folder, `${name}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    taken.push(name);
  };

  // A few sales of the day, so the lists have rows.
  for (const [plate, zone, duration] of [
    ['KXW347', 'Lot 1', /^2 h\b/],
    ['BZSK258', 'Lot 2', /^1 h\b/],
    ['CFMT901', 'Street', /^30 min\b/],
  ] as const)
    await issueByKeyboard(page, plate, { zone, duration });

  // Issue: a plate typed, zone and duration chosen, Issue permit ready.
  await openScreen(page, 'Issue');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.keyboard.type('ABC123');
  await zoneRadio(page, 'Lot 1').click();
  await durationRadio(page, /^1 h\b/).click();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeEnabled();
  await picture('issue');

  // Payment: cash, a $5.00 note for $4.50, the change shown large before confirming.
  await page.getByRole('button', { name: 'Issue permit' }).click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  const tender = payment.getByTestId('tender');
  await tender.getByRole('radiogroup', { name: 'Paid by' }).getByRole('radio', { name: 'Cash', exact: true }).click();
  await tender
    .getByRole('group', { name: 'Amount the driver gave' })
    .getByRole('button', { name: '$5.00', exact: true })
    .click();
  await expect(payment).toContainText('$0.50');
  await picture('payment');
  // Paid by card in the end: the drawer then holds just its float, counted as one $100 and one $50 note below.
  await pay(payment, { by: 'card' });
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();

  // Active permits: the four, soonest end first.
  await openScreen(page, 'Active permits');
  await expect(page.getByTestId('permit-row')).toHaveCount(4);
  await picture('permits');

  // Queue: OPSCOM out of reach for a while (its connections refused, so nothing reached it), a sale waits.
  const refusal = await fetch(`${sandbox.url}/__sandbox/refuse`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ forMs: 10_000 }),
  });
  expect(refusal.status).toBe(200);
  const waiting = await issueByKeyboard(page, 'KXW369');
  await expect(page.getByTestId('confirm-sync')).toHaveText('Waiting to send');
  await openScreen(page, 'Queue');
  await expect(page.getByTestId('queue-row')).toHaveCount(1);
  await expect(page.getByTestId('queue-row')).toContainText('KXW369');
  await picture('queue');
  // OPSCOM back (the sandbox refuses even its own admin calls until then): the waiting sale goes, resends being
  // spaced out, within some seconds.
  const stored = () =>
    sandbox.permits().then(
      (permits) => permits.map((p) => p.permitNo),
      () => [],
    );
  await expect.poll(stored, { timeout: 45_000 }).toContain(waiting);

  // Shift close: the blind count done, expected against counted.
  await openScreen(page, 'Shift');
  await countUsualFloat(page);
  await picture('shift-close');
  await page.getByRole('button', { name: 'Confirm close shift' }).click();
  await expect(page.getByRole('heading', { name: 'Shift closed' })).toBeVisible();

  expect(taken).toEqual([...SCREENS]);
});
