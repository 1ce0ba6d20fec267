import type { Locator, Page } from '@playwright/test';
import {
  closePermit,
  downloadFrom,
  issueByKeyboard,
  openPermit,
  openScreen,
  parseCsv,
  pay,
  permitDetails,
  permitRow,
} from '../support/actions';
import { expect, test } from '../support/fixtures';
import { checkScreen, SCREEN_SIZES } from '../support/screens';
import { ATTENDANT } from '../support/shift';

test('extend by a preset: the new end and the added amount are shown before confirming, then sent', async ({
  attendant: page,
  sandbox,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW774', { zone: 'Lot 1', duration: /^1 h\b/ });
  await expect.poll(async () => (await sandbox.permits())[0]?.amount).toBe('4.50');
  const issued = (await sandbox.permits())[0]!;
  const startedAt = Date.parse(`${issued.startTime}Z`);

  await openScreen(page, 'Active permits');
  const details = await openPermit(page, ticket);
  await expect(details.getByRole('heading', { name: 'Permit for KXW774' })).toBeVisible();
  const presets = details.getByRole('group', { name: 'Extend by' });
  // The kiosk's default extension first, then the zone's own durations.
  const offered = ['Extend +30 min', 'Extend +1 h', 'Extend +2 h', 'Extend +4 h'];
  await expect(presets.getByRole('button')).toHaveCount(offered.length);
  for (const [index, name] of offered.entries()) {
    await expect(presets.getByRole('button').nth(index)).toHaveAccessibleName(name);
  }
  await presets.getByRole('button', { name: 'Extend +1 h', exact: true }).click();

  // Lot 1 is $4.50 an hour: two hours in all is $9.00, so the extra hour adds $4.50.
  const quote = details.getByTestId('extend-quote');
  await expect(quote).toContainText(/^New end .+, adds \$4\.50$/);
  await checkScreen(page, 'permits-extend');
  // Nothing is sent before the attendant confirms.
  await page.waitForTimeout(300);
  expect((await sandbox.permits())[0]).toMatchObject({ amount: '4.50', endTime: issued.endTime });
  const shownEnd = /^New end (.+), adds/.exec(await quote.innerText())![1]!;

  await pay(details, { by: 'cash', amount: '$5.00' }, 'Confirm extend');
  await expect(details.getByRole('status').filter({ hasText: 'KXW774' })).toContainText(
    `Permit for KXW774 now ends ${shownEnd}`,
  );
  await expect
    .poll(async () => (await sandbox.permits())[0])
    .toMatchObject({ amount: '9.00', endTime: new Date(startedAt + 120 * 60_000).toISOString().slice(0, 19) });
  await expect(details).toContainText('$9.00');
  // The details' end is the one the quote promised, and so is the row's, back on the list.
  await expect(details).toContainText(shownEnd);
  await closePermit(page);
  await expect(permitRow(page, ticket).getByTestId('row-end')).toHaveText(shownEnd);
});

test('cancel with a reason: OPSCOM deletes it and the reason is in the audit CSV from the Queue screen', async ({
  attendant: page,
  sandbox,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW794');
  await expect.poll(async () => (await sandbox.permits())[0]?.permitNo).toBe(ticket);

  await openScreen(page, 'Active permits');
  // A plate scanner types the plate, a space included, then Enter (the focus is still on the screen's button):
  // the search takes the plate and, with one permit left, its details open.
  await page.keyboard.type('kxw 794');
  await expect(page.getByRole('textbox', { name: 'Search by plate' })).toHaveValue('KXW794');
  await expect(page.getByTestId('permit-row')).toHaveCount(1);
  await page.keyboard.press('Enter');
  const details = permitDetails(page);
  await expect(details.getByTestId('permit-card')).toHaveAttribute('data-ticket', ticket);
  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(details).toContainText('Cancel the permit for KXW794? Choose the reason.');
  // No reason, no cancel.
  await expect(details.getByRole('button', { name: 'Confirm cancel' })).toBeDisabled();
  const reasons = details.getByRole('radiogroup', { name: 'Reason' });
  await expect(reasons.getByRole('radio')).toHaveText(['Driver left', 'Wrong plate', 'Duplicate', 'Other']);
  await reasons.getByRole('radio', { name: 'Wrong plate' }).click();
  await expect(reasons.getByRole('radio', { name: 'Wrong plate' })).toHaveAttribute('aria-checked', 'true');
  await checkScreen(page, 'permits-cancel');

  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  // The permit leaves the list and its details close, with the notice on the list.
  await expect(permitDetails(page)).toHaveCount(0);
  await expect(permitRow(page, ticket)).toHaveCount(0);
  await expect(page.getByText('Permit for KXW794 cancelled.')).toBeVisible();
  await expect.poll(async () => (await sandbox.permits())[0]?.deleted).toBe(true);

  await openScreen(page, 'Queue');
  const { download, text } = await downloadFrom(page.getByRole('button', { name: 'Export audit CSV' }));
  expect(download.suggestedFilename()).toMatch(/^audit-[A-Z0-9]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(text).filter((r) => r.ticketNumber === ticket);
  const cancel = rows.find((r) => r.event === 'accepted' && r.kind === 'cancel');
  expect(cancel, text).toMatchObject({ plate: 'KXW794', attendant: ATTENDANT, detail: 'Wrong plate' });
  expect(rows.find((r) => r.event === 'accepted' && r.kind === 'issue')).toMatchObject({ attendant: ATTENDANT });
});

/**
 * Twelve cars, issued in an order that is not the order they end in (durations from 15 min to 8 h). No plate has a
 * look-alike character, and searching "MN" then "4" leaves exactly one of them (MNP473).
 */
const CARS = [
  { plate: 'KXW347', zone: 'Lot 2', duration: /^8 h\b/ },
  { plate: 'HJK739', zone: 'Street', duration: /^15 min\b/ },
  { plate: 'MNP473', zone: 'Lot 1', duration: /^2 h\b/ },
  { plate: 'CDE693', zone: 'Lot 2', duration: /^1 h\b/ },
  { plate: 'MNR796', zone: 'Street', duration: /^30 min\b/ },
  { plate: 'FGH467', zone: 'Lot 1', duration: /^4 h\b/ },
  { plate: 'TUV364', zone: 'Street', duration: /^2 h\b/ },
  { plate: 'WXY937', zone: 'Lot 1', duration: /^30 min\b/ },
  { plate: 'LMN746', zone: 'Lot 2', duration: /^4 h\b/ },
  { plate: 'PQR679', zone: 'Street', duration: /^1 h\b/ },
  { plate: 'ACE349', zone: 'Lot 1', duration: /^1 h\b/ },
  { plate: 'RTW463', zone: 'Lot 2', duration: /^2 h\b/ },
] as const;

async function issueCars(page: Page): Promise<string[]> {
  const tickets: string[] = [];
  for (const car of CARS) tickets.push(await issueByKeyboard(page, car.plate, car));
  return tickets;
}

interface Measure {
  visible: number;
  rowHeights: number[];
}

/** Rows whose whole box is inside the viewport and inside the list's own scrolling box (so not clipped by it). */
async function rowsFullyVisible(page: Page): Promise<Measure> {
  const viewport = page.viewportSize()!;
  const list = (await page.getByRole('list', { name: /^Active permits/ }).boundingBox())!;
  const rows = page.getByTestId('permit-row');
  let visible = 0;
  const rowHeights: number[] = [];
  for (const row of await rows.all()) {
    const box = await row.boundingBox();
    if (!box) continue;
    rowHeights.push(box.height);
    const inside = (outer: { x: number; y: number; width: number; height: number }) =>
      box.x >= outer.x - 0.5 &&
      box.y >= outer.y - 0.5 &&
      box.x + box.width <= outer.x + outer.width + 0.5 &&
      box.y + box.height <= outer.y + outer.height + 0.5;
    if (inside({ x: 0, y: 0, ...viewport }) && inside(list)) visible += 1;
  }
  return { visible, rowHeights };
}

async function expectNoSidewaysOverflow(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width at ${where}`).toBeLessThanOrEqual(innerWidth);
}

/** Taps keys on the search's own plate keys, as a gloved attendant would. */
async function tapKeys(keys: Locator, text: string): Promise<void> {
  for (const key of text) await keys.getByRole('button', { name: key, exact: true }).click();
}

test('twelve permits: at least 8 rows in sight at 1024×768, soonest end first, found by tapping keys, then extended and cancelled', async ({
  attendant: page,
  sandbox,
}) => {
  test.setTimeout(180_000);
  const tickets = await issueCars(page);
  await expect.poll(async () => (await sandbox.permits()).length, { timeout: 20_000 }).toBe(CARS.length);

  await page.setViewportSize({ width: 1024, height: 768 });
  await openScreen(page, 'Active permits');
  const rows = page.getByTestId('permit-row');
  await expect(rows).toHaveCount(CARS.length);
  // The status bar and the search stay in sight above the rows.
  await expect(page.getByRole('navigation')).toBeInViewport({ ratio: 1 });
  await expect(page.getByRole('textbox', { name: 'Search by plate' })).toBeInViewport({ ratio: 1 });

  const small = await rowsFullyVisible(page);
  test.info().annotations.push({
    type: 'measured',
    description: `1024x768: ${small.visible} rows fully visible, row heights ${[...new Set(small.rowHeights)].join('/')} px`,
  });
  expect(small.visible).toBeGreaterThanOrEqual(8);
  for (const height of small.rowHeights) expect(height).toBeGreaterThanOrEqual(48);

  // Soonest end first, by OPSCOM's own end times: not the order they were issued in.
  const ends = new Map((await sandbox.permits()).map((p) => [p.permitNo, Date.parse(`${p.endTime}Z`)]));
  const shown = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-ticket') ?? ''));
  expect(new Set(shown)).toEqual(new Set(tickets));
  const shownEnds = shown.map((ticket) => ends.get(ticket)!);
  expect(shownEnds).toEqual([...shownEnds].sort((a, b) => a - b));
  expect(shown).not.toEqual(tickets);
  // The first row is the 15-minute street permit; its row shows plate, zone, end and where it stands.
  const first = rows.first();
  await expect(first.getByTestId('row-plate')).toHaveText('HJK739');
  await expect(first).toContainText('Street');
  await expect(first.getByTestId('row-end')).not.toBeEmpty();
  await expect(first.getByTestId('sync-badge')).toHaveText('Sent');
  await checkScreen(page, 'permits-list');

  // At the big and the portrait screen: nothing sideways, rows grow, and more of them are in sight.
  const measured: Record<string, Measure> = { '1024x768': small };
  for (const size of SCREEN_SIZES.slice(1)) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoSidewaysOverflow(page, size.name);
    measured[size.name] = await rowsFullyVisible(page);
    test.info().annotations.push({
      type: 'measured',
      description: `${size.name}: ${measured[size.name]!.visible} rows fully visible, row height ${measured[size.name]!.rowHeights[0]} px`,
    });
    expect(measured[size.name]!.rowHeights[0]!).toBeGreaterThan(small.rowHeights[0]!);
    expect(measured[size.name]!.visible).toBeGreaterThanOrEqual(8);
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  // Search on the kiosk's keys: the field opens them, each tap narrows the list.
  const search = page.getByRole('textbox', { name: 'Search by plate' });
  await search.click();
  const keys = page.getByRole('group', { name: 'Plate keys' });
  await expect(keys).toBeVisible();
  await expect(keys.getByRole('button', { name: 'M', exact: true })).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysOverflow(page, '1024x768 with the keys');
  await tapKeys(keys, 'MN');
  await expect(search).toHaveValue('MN');
  // MNP473, MNR796 and LMN746, still soonest end first.
  await expect(rows.getByTestId('row-plate')).toHaveText(['MNR796', 'MNP473', 'LMN746']);
  await tapKeys(keys, '4');
  await expect(search).toHaveValue('MN4');
  await expect(rows.getByTestId('row-plate')).toHaveText([]);
  await expect(page.getByText('No active permit with MN4 in its plate.')).toBeVisible();
  await keys.getByRole('button', { name: 'Backspace' }).click();
  await tapKeys(keys, 'P4');
  await expect(search).toHaveValue('MNP4');
  await expect(rows).toHaveCount(1);
  const ticket = tickets[CARS.findIndex((car) => car.plate === 'MNP473')]!;
  await expect(rows.first()).toHaveAttribute('data-ticket', ticket);
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoSidewaysOverflow(page, `${size.name} with the keys`);
    await expect(rows.first()).toBeInViewport({ ratio: 1 });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await checkScreen(page, 'permits-search');

  // The row → its details → extend. Lot 1, 2 h at $4.50 an hour; 30 min more adds $2.25.
  await rows.first().getByRole('button').click();
  const details = permitDetails(page);
  await expect(details.getByRole('heading', { name: 'Permit for MNP473' })).toBeVisible();
  await expect(details.getByRole('button', { name: 'Back to list' })).toBeInViewport({ ratio: 1 });
  await details.getByRole('button', { name: 'Extend +30 min', exact: true }).click();
  await expect(details.getByTestId('extend-quote')).toContainText('adds $2.25');
  // Paid by card, the step's confirm is on screen without scrolling at 1024×768.
  await details.getByRole('radiogroup', { name: 'Paid by' }).getByRole('radio', { name: 'Card' }).click();
  await expect(details.getByRole('button', { name: 'Confirm extend' })).toBeInViewport({ ratio: 1 });
  await pay(details, { by: 'card' }, 'Confirm extend');
  await expect(details.getByRole('status')).toContainText('Permit for MNP473 now ends');
  await expect.poll(async () => (await sandbox.permits()).find((p) => p.permitNo === ticket)?.amount).toBe('11.25');

  // Back to the list, and in again: cancel.
  await closePermit(page);
  await expect(search).toHaveValue('MNP4');
  await openPermit(page, ticket);
  await details.getByRole('button', { name: 'Cancel', exact: true }).click();
  await details.getByRole('radiogroup', { name: 'Reason' }).getByRole('radio', { name: 'Driver left' }).click();
  await expect(details.getByRole('button', { name: 'Confirm cancel' })).toBeInViewport({ ratio: 1 });
  await details.getByRole('button', { name: 'Confirm cancel' }).click();
  await expect(details).toHaveCount(0);
  await expect(page.getByText('Permit for MNP473 cancelled.')).toBeVisible();
  await expect.poll(async () => (await sandbox.permits()).find((p) => p.permitNo === ticket)?.deleted).toBe(true);

  // Clear brings back the other eleven.
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(CARS.length - 1);
});

test('in French: the list, its search keys and the details, with nothing sideways at any size', async ({
  attendant: page,
}) => {
  const ticket = await issueByKeyboard(page, 'KXW763', { zone: 'Lot 1', duration: /^1 h\b/ });
  await issueByKeyboard(page, 'HJK937', { zone: 'Lot 2', duration: /^2 h\b/ });
  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await page.getByRole('navigation', { name: 'Écrans' }).getByRole('button', { name: 'Permis actifs' }).click();
  await expect(page.getByRole('list', { name: 'Permis actifs, fin la plus proche en premier' })).toBeVisible();
  await page.getByRole('button', { name: 'Touches de recherche' }).click();
  const keys = page.getByRole('group', { name: 'Touches de la plaque' });
  await tapKeys(keys, 'KX');
  await expect(page.getByRole('textbox', { name: 'Chercher par plaque' })).toHaveValue('KX');
  await expect(page.getByTestId('permit-row')).toHaveCount(1);
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoSidewaysOverflow(page, `${size.name} in French`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });

  await permitRow(page, ticket).getByRole('button').click();
  const details = permitDetails(page);
  await expect(details.getByRole('heading', { name: 'Permis de KXW763' })).toBeVisible();
  await expect(details.getByRole('group', { name: 'Prolonger de' })).toBeVisible();
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectNoSidewaysOverflow(page, `${size.name} in French, details open`);
  }
  await details.getByRole('button', { name: 'Retour à la liste' }).click();
  await expect(details).toHaveCount(0);
});
