import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensurePrometheusTools, type PrometheusTools } from '../../scripts/fleet/tools';
import { startTestKiosk, TEST_TOKEN, value } from '../main/core/testing/test-kiosk';
import type { Permit } from '../shared/permits/permit';

/**
 * Prometheus' own tool judges what the kiosk ships (#14): the alert rules and their unit tests, and the kiosk's
 * real metrics text. Without promtool (and no way to install it) these fail with the command to run.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const rules = path.join(root, 'deploy/prometheus/kiosk-alerts.yml');
const ruleTests = path.join(root, 'deploy/prometheus/kiosk-alerts.test.yml');
let tools: PrometheusTools;

beforeAll(() => {
  tools = ensurePrometheusTools();
}, 600_000);

function promtool(args: string[], input?: string) {
  const run = spawnSync(tools.promtool, args, { input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('the shipped alert rules', () => {
  it('are valid rules', () => {
    const checked = promtool(['check', 'rules', rules]);
    expect(checked.output).toContain('SUCCESS: 10 rules found');
    expect(checked.status).toBe(0);
  });

  it('pass their unit tests (fire for the right kiosk, at the right time, and clear)', () => {
    const tested = promtool(['test', 'rules', ruleTests]);
    expect(tested.output).toContain('SUCCESS');
    expect(tested.status).toBe(0);
  });
});

describe('the kiosk metrics text', () => {
  it('passes promtool check metrics, with no plate, ticket, token or attendant in it', async () => {
    const k = await startTestKiosk({ signIn: false });
    try {
      value(await k.core.dispatch('shift:start', { attendant: 'Marie-Claude Lapointe' }));
      const zone = k.core.info.zones[0]!.name;
      const sold: Permit[] = [];
      for (const plate of ['PLATE1A', 'XY99ZZ']) {
        sold.push(
          value<Permit>(
            await k.core.dispatch('permits:issue', {
              requestId: crypto.randomUUID(),
              plate,
              zone,
              durationMinutes: 60,
            }),
          ),
        );
      }
      await k.core.idle();
      k.network.online = false;
      value(
        await k.core.dispatch('permits:extend', {
          requestId: crypto.randomUUID(),
          ticketNumber: sold[0]!.ticketNumber,
          minutes: 30,
        }),
      );
      value(
        await k.core.dispatch('permits:issue', {
          requestId: crypto.randomUUID(),
          plate: 'OFFL1NE',
          zone,
          durationMinutes: 60,
        }),
      );
      await k.core.idle();
      const text = await k.core.metrics.text();

      const checked = promtool(['check', 'metrics'], text);
      expect(checked.output).toBe('');
      expect(checked.status).toBe(0);
      expect(text).toMatch(/^kiosk_outbox_waiting_actions\{kiosk_id="[A-Z0-9]+"\} 2$/m);
      const personal = [
        'PLATE1A',
        'XY99ZZ',
        'OFFL1NE',
        'Marie-Claude',
        'Lapointe',
        TEST_TOKEN,
        ...sold.map((p) => p.ticketNumber),
      ];
      for (const word of personal) expect(text, word).not.toContain(word);
    } finally {
      await k.close();
    }
  });
});
