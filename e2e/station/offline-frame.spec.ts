import type { Page } from '@playwright/test';
import { durationRadio, issueByKeyboard, openScreen, payForSale, zoneRadio } from '../support/actions';
import { expect, launchStation, setFaults, test } from '../support/fixtures';
import { expectInView } from '../support/layout';
import { checkScreen, SCREEN_SIZES } from '../support/screens';
import { signIn } from '../support/shift';

/** The frame as drawn: which state the root says, and its border on every side. */
async function frame(page: Page) {
  return page.locator('.kiosk').evaluate((root) => {
    const style = getComputedStyle(root);
    const r = root.getBoundingClientRect();
    return {
      state: root.getAttribute('data-frame'),
      colour: style.borderTopColor,
      widths: [style.borderTopWidth, style.borderRightWidth, style.borderBottomWidth, style.borderLeftWidth].map((w) =>
        Number.parseFloat(w),
      ),
      sameColourAllRound: [style.borderRightColor, style.borderBottomColor, style.borderLeftColor].every(
        (c) => c === style.borderTopColor,
      ),
      box: { x: r.x, y: r.y, width: r.width, height: r.height },
    };
  });
}

/** The frame goes all round the viewport at every kiosk size, at least 8 px wide, one colour. */
async function expectFrameAllRound(page: Page, state: 'offline' | 'paused'): Promise<string> {
  let colour = '';
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const drawn = await frame(page);
    expect(drawn.state, size.name).toBe(state);
    expect(Math.min(...drawn.widths), `${size.name} ${drawn.widths.join(',')}`).toBeGreaterThanOrEqual(8);
    expect(drawn.sameColourAllRound, size.name).toBe(true);
    expect(drawn.box, size.name).toEqual({ x: 0, y: 0, width: size.width, height: size.height });
    colour = drawn.colour;
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  return colour;
}

const OFFLINE_WORDS = 'Offline — permits are kept and sent when OPSCOM is back';
const SENDS_LATER = 'Not sent yet: it will be sent automatically when OPSCOM is back.';

test('offline: a coloured frame with words, the confirmation says it sends itself, Occupancy keeps its figures and their age', async ({
  attendant: page,
  sandbox,
}) => {
  expect((await frame(page)).state).toBeNull();
  expect((await frame(page)).widths).toEqual([0, 0, 0, 0]);

  // Online: a permit, and OPSCOM's figures for it.
  await issueByKeyboard(page, 'KXW333', { zone: 'Lot 1' });
  await expect(page.getByTestId('confirm-sync')).toHaveText('Sent to OPSCOM');
  await expect(page.getByTestId('confirm-sends-later')).toHaveCount(0);
  await openScreen(page, 'Occupancy');
  const lot1 = page.locator('[data-testid="occupancy-zone"][data-zone="Lot 1"]').getByTestId('occupancy-zone-total');
  await expect(lot1).toHaveText('1');
  const fresh = (await page.getByText(/^Figures from /).innerText()).replace('Figures from ', '');

  // OPSCOM goes away; the next permit is kept.
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
  await issueByKeyboard(page, 'KXW344', { zone: 'Lot 1' });
  const label = page.getByRole('status').filter({ hasText: OFFLINE_WORDS });
  await expect(label).toBeVisible();
  await expect(page.getByTestId('confirm-sync')).toHaveText('Waiting to send');
  await expect(page.getByTestId('confirm-sends-later')).toHaveText(SENDS_LATER);
  const offlineColour = await expectFrameAllRound(page, 'offline');
  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expectInView(label, `${size.name} frame words`);
    await expectInView(page.getByRole('button', { name: 'New permit' }), `${size.name} New permit`);
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await checkScreen(page, 'confirmation-offline');

  // Occupancy: the last figures with their time and age, never a zero.
  await openScreen(page, 'Occupancy');
  const stale = page.getByTestId('occupancy-stale');
  await expect(stale).toContainText(`Offline — figures as of ${fresh}, `);
  await expect(stale).toContainText(/, (under 1 min|\d+ min) ago/);
  await expect(lot1).toHaveText('1');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(stale).toContainText('OPSCOM');
  await expect(stale).toContainText(`Offline — figures as of ${fresh}, `);
  await expect(lot1).toHaveText('1');
  await expect(page.getByText('No permits counted.')).toHaveCount(0);
  await checkScreen(page, 'occupancy-offline');

  // Back online: the frame goes once the kept permit is sent.
  await setFaults(sandbox.url, []);
  await openScreen(page, 'Queue');
  await page.getByRole('button', { name: 'Send now' }).click();
  await expect(page.getByText('Nothing waiting to send.')).toBeVisible({ timeout: 20_000 });
  await expect.poll(async () => (await frame(page)).state).toBeNull();
  await expect(label).toHaveCount(0);
  expect(offlineColour).toMatch(/^rgb/);
});

test('offline from the start, in French: the frame’s words, the confirmation, and “no figures yet” instead of zero', async ({
  page,
  station,
  sandbox,
}) => {
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
  await page.goto(station.url);
  await signIn(page);
  await issueByKeyboard(page, 'KXW355', { zone: 'Lot 1' });
  await expect(page.getByTestId('confirm-sends-later')).toHaveText(SENDS_LATER);

  await page.getByRole('button', { name: 'Language' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expect(
    page.getByRole('status').filter({ hasText: 'Hors ligne — les permis sont gardés et envoyés au retour d’OPSCOM' }),
  ).toBeVisible();
  await expect(page.getByTestId('confirm-sends-later')).toHaveText(
    'Pas encore envoyé : il sera envoyé automatiquement au retour d’OPSCOM.',
  );
  await expect(page.getByTestId('confirm-sync')).toHaveText('En attente d’envoi');

  await page.getByRole('navigation').getByRole('button', { name: 'Occupation', exact: true }).click();
  await expect(page.getByTestId('occupancy-stale')).toContainText('Hors ligne — pas encore de chiffres');
  await expect(page.getByText('Aucun permis compté.')).toHaveCount(0);
  await expect(page.getByTestId('occupancy-table')).toHaveCount(0);
  await checkScreen(page, 'occupancy-offline-fr');
});

test('a long error while offline leaves Issue permit in sight at every size', async ({ attendant: page, sandbox }) => {
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
  await issueByKeyboard(page, 'KXW366', { zone: 'Lot 1' });
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_WORDS })).toBeVisible();
  await page.getByRole('button', { name: 'New permit' }).click();

  // Main refuses the next permit with the longest words it has: OPSCOM's refusal with OPSCOM's own message after it.
  const theirs = 'The API token was rejected because it has expired or was revoked by an administrator. '.repeat(4);
  // The channel's name is URL-encoded in the bridge's path (permits%3Aissue).
  await page.route(/\/bridge\/invoke\/permits(:|%3A)issue$/, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({
        ok: false,
        error: {
          code: 'not-allowed',
          message: 'refused',
          problem: { code: 'opscom-error', params: { errorCode: 9002, controllerMessage: theirs.trim() } },
        },
      }),
    }),
  );
  await page.keyboard.type('KXW377');
  await zoneRadio(page, 'Lot 1').click();
  await durationRadio(page, /^1 h\b/).click();
  const issue = page.getByRole('button', { name: 'Issue permit' });
  await issue.click();
  await payForSale(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('OPSCOM refused this kiosk’s API token');
  await expect(page.getByTestId('plate-display')).toHaveValue('KXW377');

  for (const size of SCREEN_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await expect(alert).toBeVisible();
    const [box] = await expectInView(issue, `${size.name} Issue permit under a long banner`);
    await expectInView(alert.getByRole('button', { name: 'Dismiss' }), `${size.name} Dismiss`);
    const banner = await alert.boundingBox();
    test.info().annotations.push({
      type: 'measured',
      description: `${size.name}: banner ${Math.round(banner!.height)} px high, Issue permit bottom at ${box!.y + box!.height}`,
    });
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await checkScreen(page, 'issue-offline-long-error');
});

test('paused sending has its own frame colour and words, and the confirmation says a supervisor must act', async ({
  page,
  station,
  sandbox,
}) => {
  // First offline, for its colour.
  await page.goto(station.url);
  await signIn(page);
  await setFaults(sandbox.url, [{ endpoint: '*', kind: 'reset' }]);
  await issueByKeyboard(page, 'KXW388', { zone: 'Lot 1' });
  await expect(page.getByRole('status').filter({ hasText: OFFLINE_WORDS })).toBeVisible();
  const offlineColour = (await frame(page)).colour;
  await setFaults(sandbox.url, []);

  // A kiosk whose token OPSCOM refuses: it pauses sending.
  const refused = await launchStation({ OPSCOM_URL: sandbox.url, OPSCOM_TOKEN: 'E2E-REVOKED-TOKEN-0123456789' });
  try {
    await page.goto(refused.url);
    await signIn(page);
    await issueByKeyboard(page, 'KXW399', { zone: 'Lot 1' });
    const paused = page.getByTestId('outbox-paused');
    await expect(paused).toBeVisible();
    await expect(paused).toHaveAttribute('role', 'alert');
    await expect(paused).toContainText('Sending paused — permits are kept, nothing is sent:');
    await expect(paused).toContainText('Ask a supervisor.');
    await expect(page.getByTestId('confirm-sends-later')).toHaveText(
      'Not sent yet: sending is paused until a supervisor fixes the OPSCOM settings. The permit is kept.',
    );
    const pausedColour = await expectFrameAllRound(page, 'paused');
    expect(pausedColour).not.toBe(offlineColour);
    await expectInView(paused, 'paused words');
    await expectInView(page.getByRole('button', { name: 'New permit' }), 'New permit');
    await checkScreen(page, 'confirmation-paused');
  } finally {
    await refused.stop();
  }
});
