import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** The attendant every spec signs in as, unless it needs a particular name. */
export const ATTENDANT = 'Alex Tremblay';

/**
 * As an attendant starting work: the kiosk opens on Start shift (main refuses to issue until a shift is open),
 * the name or badge number is typed, and Start shift leads to the Issue screen.
 */
export async function signIn(page: Page, name: string = ATTENDANT): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name or badge number' }).fill(name);
  await page.getByRole('button', { name: 'Start shift', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start shift' })).toHaveCount(0);
}
