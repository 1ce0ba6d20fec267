import type { Page } from '@playwright/test';
import { issueByKeyboard, openScreen } from '../support/actions';
import { expect, test, type SandboxPermitView } from '../support/fixtures';
import { checkScreen } from '../support/screens';

/** What the sandbox holds, counted per zone as its stats endpoint counts (stored, not deleted). */
function countsByZone(permits: SandboxPermitView[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const permit of permits) if (!permit.deleted) counts[permit.zone!] = (counts[permit.zone!] ?? 0) + 1;
  return counts;
}

function zoneTotal(page: Page, zone: string) {
  return page.locator(`[data-testid="occupancy-zone"][data-zone="${zone}"]`).getByTestId('occupancy-zone-total');
}

test('occupancy shows OPSCOM’s counts per zone after issuing, and Refresh fetches new ones', async ({
  attendant: page,
  sandbox,
}) => {
  await issueByKeyboard(page, 'KXW333', { zone: 'Lot 1' });
  await issueByKeyboard(page, 'KXW344', { zone: 'Lot 1' });
  await issueByKeyboard(page, 'KXW366', { zone: 'Lot 2' });
  await expect.poll(async () => countsByZone(await sandbox.permits())).toEqual({ 'Lot 1': 2, 'Lot 2': 1 });

  await openScreen(page, 'Occupancy');
  const table = page.getByRole('table', { name: 'Permits counted by OPSCOM, per zone and permit type' });
  await expect(table).toBeVisible();
  await expect(zoneTotal(page, 'Lot 1')).toHaveText('2');
  await expect(zoneTotal(page, 'Lot 2')).toHaveText('1');
  // Permits pushed through the API have the sandbox's type "temp".
  const type = (await sandbox.permits())[0]!.type;
  await expect(table.getByRole('row', { name: `Lot 1 ${type} 2` })).toBeVisible();
  await expect(table.getByRole('row', { name: `Lot 2 ${type} 1` })).toBeVisible();
  await expect(page.getByText(/^Figures from /)).toBeVisible();
  await checkScreen(page, 'occupancy');

  // One more in Lot 2: the screen shows the figures it has until Refresh asks OPSCOM again.
  await issueByKeyboard(page, 'KXW377', { zone: 'Lot 2' });
  await expect.poll(async () => countsByZone(await sandbox.permits())).toEqual({ 'Lot 1': 2, 'Lot 2': 2 });
  await openScreen(page, 'Occupancy');
  await expect(zoneTotal(page, 'Lot 2')).toHaveText('1');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect(zoneTotal(page, 'Lot 2')).toHaveText('2');
  await expect(zoneTotal(page, 'Lot 1')).toHaveText('2');
});
