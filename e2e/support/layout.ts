import type { Locator } from '@playwright/test';
import { expect } from './fixtures';

export interface Placement {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Nothing else is drawn over the element's middle (a banner, a sticky bar, a dialog). */
  onTop: boolean;
}

/** Where each element of `locator` is drawn, and whether it is what a tap on its middle would reach (one call). */
export async function placements(locator: Locator): Promise<Array<Placement & { name: string }>> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return {
        name: (element as HTMLElement).innerText?.trim() || element.getAttribute('aria-label') || element.tagName,
        x: Math.round(r.x),
        y: Math.round(r.y),
        width: Math.round(r.width),
        height: Math.round(r.height),
        onTop: hit !== null && (hit === element || element.contains(hit)),
      };
    }),
  );
}

/**
 * Every element of `locator` (at least one) is wholly inside the viewport as it stands, with no scrolling first,
 * and nothing covers it: an attendant sees it and can tap it. Returns the placements, for the numbers a test reports.
 */
export async function expectInView(locator: Locator, what: string): Promise<Array<Placement & { name: string }>> {
  const viewport = locator.page().viewportSize();
  if (!viewport) throw new Error('The page has no viewport size.');
  const boxes = await placements(locator);
  expect(boxes.length, `${what}: nothing found`).toBeGreaterThan(0);
  const outside = boxes.filter(
    (box) =>
      box.x < 0 ||
      box.y < 0 ||
      box.x + box.width > viewport.width ||
      box.y + box.height > viewport.height ||
      !box.onTop,
  );
  expect(outside, `${what} out of view or covered in ${viewport.width}×${viewport.height}`).toEqual([]);
  return boxes;
}
