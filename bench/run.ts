/**
 * `npm run bench [-- --quick] [-- name…]`: every bench, one after the other, each in its own process.
 *   --quick  the same code paths at small sizes (bench/options.ts); `npm test` runs this, so a broken bench fails
 *            CI. Figures are printed beside their targets and never decide the exit code.
 *   name…    only these benches (`npm run bench -- ui-latency`).
 * The exit code is 0 when every bench ran to its end, and 1 when one crashed (or could not start): a missed target
 * is a figure to read, not a failure.
 *
 * To add a bench: one line in BENCHES. A bench is a script in this folder that prints its figures and targets, reads
 * `--quick` through ./options, and exits non-zero only when it breaks.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOrProvisionChromium } from '../scripts/chromium.mjs';

interface Bench {
  name: string;
  file: string;
  /** Runs Chromium: one is found (or installed) first and passed as KIOSK_CHROMIUM. */
  chromium?: boolean;
}

export const BENCHES: Bench[] = [
  { name: 'outbox', file: 'outbox-bench.ts' },
  { name: 'store', file: 'store-bench.ts' },
  { name: 'ui-latency', file: 'ui-latency.ts', chromium: true },
  { name: 'bundle-size', file: 'bundle-size.ts' },
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs one bench script on this Node with tsx; resolves with its exit code (128 + n for a signal). */
function runBench(bench: Bench, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('bench', bench.file), ...args], {
      cwd: ROOT,
      stdio: 'inherit',
      env,
    });
    child.once('error', (error) => {
      console.error(`Could not start ${bench.file}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 0)));
  });
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const quick = argv.includes('--quick');
  const names = argv.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !BENCHES.some((bench) => bench.name === name));
  if (unknown.length > 0) {
    console.error(`No bench named ${unknown.join(', ')}. The benches: ${BENCHES.map((b) => b.name).join(', ')}.`);
    return 2;
  }
  const chosen = names.length > 0 ? BENCHES.filter((bench) => names.includes(bench.name)) : BENCHES;
  const results: Array<{ name: string; status: string; seconds: string }> = [];
  let chromium: string | undefined;

  for (const bench of chosen) {
    console.log(`\n=== bench: ${bench.name}${quick ? ' (quick)' : ''} ===`);
    const started = Date.now();
    const env = { ...process.env };
    let code: number;
    try {
      if (bench.chromium) env.KIOSK_CHROMIUM = chromium ??= await findOrProvisionChromium();
      code = await runBench(bench, quick ? ['--quick'] : [], env);
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      code = 1;
    }
    const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    results.push({ name: bench.name, status: code === 0 ? 'ran' : `CRASHED (exit ${code})`, seconds });
  }

  const width = Math.max(...results.map((result) => result.name.length));
  console.log(`\nBenches${quick ? ' (quick: small sizes, figures not comparable to a full run)' : ''}:`);
  for (const result of results)
    console.log(`  ${result.name.padEnd(width)}  ${result.status.padEnd(7)}  ${result.seconds}`);
  const crashed = results.filter((result) => result.status !== 'ran');
  if (crashed.length > 0) {
    console.log(`\n${crashed.length} bench(es) crashed: see above. Missed targets alone never fail this command.`);
    return 1;
  }
  console.log('\nEvery bench ran. Their figures and targets are above; they do not decide the exit code.');
  return 0;
}

process.exitCode = await main();
