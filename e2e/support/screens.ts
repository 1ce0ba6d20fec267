import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, type Page } from '@playwright/test';
import { expect } from './fixtures';

/** The kiosk's three shapes: an old booth monitor, a desktop screen, a portrait lot-station touchscreen. */
export const SCREEN_SIZES = [
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

const BLOCKING = new Set(['serious', 'critical']);

interface Finding {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/**
 * Once per screen, with the screen in the state to check: screenshots at each kiosk size (artifacts under
 * `test-results/screens/<size>/<screen>.png`, not compared), then an axe-core scan that fails on any serious or
 * critical violation. Every finding, of any impact, is also written to `test-results/axe/<screen>.json`.
 */
export async function checkScreen(page: Page, screen: string): Promise<void> {
  const info = test.info();
  const root = info.project.outputDir;
  const original = page.viewportSize();
  try {
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await settle(page);
      const file = path.join(root, 'screens', size.name, `${screen}.png`);
      await mkdir(path.dirname(file), { recursive: true });
      await page.screenshot({ path: file, animations: 'disabled', fullPage: true });
    }
  } finally {
    if (original) await page.setViewportSize(original);
  }
  await settle(page);

  const results = await new AxeBuilder({ page }).analyze();
  const findings: Finding[] = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  const report = path.join(root, 'axe', `${screen}.json`);
  await mkdir(path.dirname(report), { recursive: true });
  await writeFile(report, JSON.stringify({ screen, url: page.url(), findings }, null, 2));
  await info.attach(`axe ${screen}`, { body: JSON.stringify(findings, null, 2), contentType: 'application/json' });

  const blocking = findings.filter((finding) => BLOCKING.has(finding.impact ?? ''));
  expect(blocking, `axe on the ${screen} screen:\n${describe(blocking)}`).toEqual([]);
}

function describe(findings: Finding[]): string {
  return findings
    .map((f) => `  [${f.impact}] ${f.id}: ${f.help}\n${f.targets.map((t) => `      at ${t}`).join('\n')}`)
    .join('\n');
}

/** Two frames: React has committed and the browser has laid the page out (at its new size, after a resize). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}
