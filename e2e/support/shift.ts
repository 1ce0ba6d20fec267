// Playwright's own expect (the one fixtures.ts passes on), since fixtures.ts imports this file for its sign-in.
import { expect, type Locator, type Page } from '@playwright/test';

/** The attendant every spec signs in as, unless it needs a particular name. */
export const ATTENDANT = 'Alex Tremblay';

/** The float every spec's drawer starts with, unless it needs another: one of the float step's quick choices. */
export const DEFAULT_FLOAT = '$150.00';

export interface SignInOptions {
  /**
   * The drawer's float, as the attendant declares it: a quick choice's name ('$150.00', 'Empty drawer, $0.00'), or
   * `{ keys: '8750' }` to type the cents on the amount keys (digits fill from the cents up: 8750 is $87.50).
   */
  float?: string | { keys: string };
}

/**
 * As an attendant starting work: the kiosk opens on Start shift (main refuses to issue until a shift is open),
 * the name or badge number is typed, Start shift leads to the drawer's float, and its Confirm to the Issue screen.
 */
export async function signIn(page: Page, name: string = ATTENDANT, options: SignInOptions = {}): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Start shift' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Name or badge number' }).fill(name);
  await page.getByRole('button', { name: 'Start shift', exact: true }).click();
  await declareFloat(page, options.float ?? DEFAULT_FLOAT);
  await expect(page.getByRole('button', { name: 'Issue permit' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start shift' })).toHaveCount(0);
}

/** The float step, right after Start shift: a quick choice or the amount keys, then Confirm float. */
export async function declareFloat(page: Page, float: string | { keys: string }): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Cash in the drawer' })).toBeVisible();
  if (typeof float === 'string') {
    await page.getByRole('group', { name: 'Usual floats' }).getByRole('button', { name: float, exact: true }).click();
  } else {
    await typeAmount(page, float.keys);
  }
  await page.getByRole('button', { name: /^Confirm float / }).click();
  await expect(page.getByRole('heading', { name: 'Cash in the drawer' })).toHaveCount(0);
}

/**
 * Close shift's blind count of a drawer that holds just the usual float (DEFAULT_FLOAT, no cash sales): one $100 and
 * one $50 note, Count done, and the count comes out even. Leaves that verdict on screen, before Confirm close shift.
 */
export async function countUsualFloat(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Close shift', exact: true }).click();
  await page.getByRole('button', { name: 'One more $100', exact: true }).click();
  await page.getByRole('button', { name: 'One more $50', exact: true }).click();
  await page.getByRole('button', { name: 'Count done' }).click();
  await expect(page.getByTestId('count-outcome')).toHaveText('Even');
}

/** Taps digits on the amount keys (Clear first), as an attendant does. */
export async function typeAmount(page: Page, digits: string): Promise<void> {
  const keys = amountKeys(page);
  await keys.getByRole('button', { name: 'Clear', exact: true }).click();
  for (const digit of digits) await keys.getByRole('button', { name: digit, exact: true }).click();
}

export function amountKeys(page: Page): Locator {
  return page.getByRole('group', { name: 'Amount keys' });
}

/** A paid-out or a drop from the Shift screen: amount on the amount keys, reason on the kiosk's text keys. */
export async function moveCash(page: Page, kind: 'Paid out' | 'Drop to safe', cents: string, reason: string) {
  await page.getByRole('button', { name: kind, exact: true }).click();
  await typeAmount(page, cents);
  await page.getByRole('textbox', { name: 'Reason' }).click();
  const keys = page.getByRole('group', { name: 'Keyboard: Reason' });
  for (const character of reason.toLowerCase()) {
    await keys.getByRole('button', { name: character === ' ' ? 'Space' : character, exact: true }).click();
  }
  await keys.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Reason' })).toHaveValue(reason.toLowerCase());
}
