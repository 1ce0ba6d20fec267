import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { plateStep, type PlateStep } from '../../src/shared/plates/plate-check';
import { DEFAULT_HOME_REGIONS } from '../../src/shared/plates/plate-formats';
import { ADMIN_PIN, expect } from './fixtures';

/**
 * The step the kiosk shows for this plate before selling it, at a kiosk with the default home regions (Ontario):
 * none for a standard Ontario plate, look-alike for a typo a swap corrects, read-back for a plate of no home format
 * with look-alike characters (src/shared/plates/plate-check.ts).
 */
export function plateStepAtDefaultKiosk(plate: string): PlateStep['kind'] {
  return plateStep(plate, DEFAULT_HOME_REGIONS).kind;
}

/** A tap on one of the status bar's screen buttons. */
export async function openScreen(
  page: Page,
  name: 'Issue' | 'Active permits' | 'Queue' | 'Shift' | 'Occupancy' | 'Settings',
): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
}

/** Taps a PIN on the PIN keys in `scope`: the page, or a step that holds its own keys. */
export async function typePin(scope: Page | Locator, pin: string): Promise<void> {
  const keys = scope.getByRole('group', { name: 'PIN keys' });
  for (const digit of pin) await keys.getByRole('button', { name: digit, exact: true }).click();
}

/** Settings, as a supervisor opens it: the status bar's button, the admin PIN on the PIN keys, "Open settings". */
export async function openSettings(page: Page, pin: string = ADMIN_PIN): Promise<void> {
  await openScreen(page, 'Settings');
  await typePin(page, pin);
  await page.getByRole('button', { name: 'Open settings' }).click();
  await expect(page.getByRole('heading', { name: 'OPSCOM connection' })).toBeVisible();
}

export function durationRadio(page: Page, name: string | RegExp): Locator {
  return page.getByRole('radiogroup', { name: 'Duration' }).getByRole('radio', { name });
}

export function zoneRadio(page: Page, name: string): Locator {
  return page.getByRole('radiogroup', { name: 'Zone' }).getByRole('radio', { name, exact: true });
}

/**
 * Answers the plate step as "this plate is right as typed": "Plate is correct" on the read-back step, "Keep … as
 * typed" on the look-alike step. Fails when the plate gets no step at all.
 */
export async function confirmLookAlikes(page: Page, plate: string): Promise<void> {
  const kind = plateStepAtDefaultKiosk(plate);
  if (kind === 'none') throw new Error(`${plate} gets no plate step at an Ontario kiosk: nothing to confirm.`);
  if (kind === 'look-alike') {
    const step = page.getByRole('dialog', { name: 'Which plate is on the car?' });
    await expect(step).toBeVisible();
    await step.getByRole('button', { name: `Keep ${plate} as typed` }).click();
    return;
  }
  const step = page.getByRole('dialog', { name: 'Check the plate' });
  await expect(step).toBeVisible();
  await expect(step).toContainText(plate);
  await step.getByRole('button', { name: 'Plate is correct' }).click();
}

/** How a driver pays, as the payment step takes it. Cash names the quick amount tapped ("Exact $4.50", "$20.00"). */
export type Payment =
  | { by: 'card'; last4?: string; approval?: string }
  | { by: 'cash'; amount: string }
  | { by: 'voucher' | 'complimentary'; reason: string };

const PAID_BY = { cash: 'Cash', card: 'Card', voucher: 'Voucher', complimentary: 'Complimentary' } as const;

/**
 * Answers a payment step as an attendant would: the tender, its details, then the step's confirm button ("Confirm
 * payment" on a sale, "Confirm extend" on an extension). `scope` holds the step: the Payment dialog or the permit's
 * details. By card unless told: it moves no cash, so a shift closes without a drawer count.
 */
export async function pay(
  scope: Locator,
  payment: Payment = { by: 'card' },
  confirm = 'Confirm payment',
): Promise<void> {
  const tender = scope.getByTestId('tender');
  await expect(tender).toBeVisible();
  await tender
    .getByRole('radiogroup', { name: 'Paid by' })
    .getByRole('radio', { name: PAID_BY[payment.by], exact: true })
    .click();
  if (payment.by === 'cash') {
    await tender
      .getByRole('group', { name: 'Amount the driver gave' })
      .getByRole('button', { name: payment.amount, exact: true })
      .click();
  } else if (payment.by === 'card') {
    if (payment.last4)
      await tender.getByRole('textbox', { name: 'Card: last 4 digits (optional)' }).fill(payment.last4);
    if (payment.approval)
      await tender.getByRole('textbox', { name: 'Approval code (optional)' }).fill(payment.approval);
  } else {
    await tender.getByRole('textbox', { name: 'Reason' }).fill(payment.reason);
  }
  await tender.getByRole('button', { name: confirm }).click();
}

/** The Payment dialog that follows the Issue tap (and the plate checks): pays, and the permit is issued. */
export async function payForSale(page: Page, payment?: Payment): Promise<void> {
  await pay(page.getByRole('dialog', { name: 'Payment' }), payment);
}

/**
 * Types the plate on the keyboard, chooses zone and duration, taps Issue (keeping the plate as typed when the plate
 * check asks) and returns the ticket number from the confirmation. Leaves the confirmation on screen.
 */
export async function issueByKeyboard(
  page: Page,
  plate: string,
  choice: { zone?: string; duration?: string | RegExp; payment?: Payment } = {},
): Promise<string> {
  await openScreen(page, 'Issue');
  await page.getByRole('button', { name: 'Clear', exact: true }).click();
  await page.keyboard.type(plate);
  await expect(page.getByTestId('plate-display')).toHaveValue(plate);
  if (choice.zone) await zoneRadio(page, choice.zone).click();
  await durationRadio(page, choice.duration ?? /^1 h\b/).click();
  await page.getByRole('button', { name: 'Issue permit' }).click();
  if (plateStepAtDefaultKiosk(plate) !== 'none') await confirmLookAlikes(page, plate);
  await payForSale(page, choice.payment);
  await expect(page.getByRole('heading', { name: 'Permit issued' })).toBeVisible();
  await expect(page.getByTestId('confirm-plate')).toContainText(plate);
  return ticketOnConfirmation(page);
}

export async function ticketOnConfirmation(page: Page): Promise<string> {
  const ticket = (await page.getByTestId('confirm-ticket').innerText()).trim().split(/\s+/).pop() ?? '';
  expect(ticket).toMatch(/^[A-Z0-9]+-\d{6}$/);
  return ticket;
}

/** The permit's row on the Active permits list. */
export function permitRow(page: Page, ticket: string): Locator {
  return page.locator(`[data-testid="permit-row"][data-ticket="${ticket}"]`);
}

/** The details open over the list: the permit with Extend and Cancel, its sync state and copies. */
export function permitDetails(page: Page): Locator {
  return page.getByTestId('permit-details');
}

/** A tap on the permit's row on Active permits: returns its details, once open. */
export async function openPermit(page: Page, ticket: string): Promise<Locator> {
  await permitRow(page, ticket).getByRole('button').click();
  const details = permitDetails(page);
  await expect(details.getByTestId('permit-card')).toHaveAttribute('data-ticket', ticket);
  return details;
}

/** "Back to list" on the open details. */
export async function closePermit(page: Page): Promise<void> {
  await permitDetails(page).getByRole('button', { name: 'Back to list' }).click();
  await expect(permitDetails(page)).toHaveCount(0);
}

/** Taps `trigger` and returns the file the page saved, as Playwright received it, and its text. */
export async function downloadFrom(trigger: Locator): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([trigger.page().waitForEvent('download'), trigger.click()]);
  const file = await download.path();
  return { download, text: await readFile(file, 'utf8') };
}

/** RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of named cells. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, index) => [name, cells[index] ?? ''])));
}
