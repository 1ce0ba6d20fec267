// `npm test`: install what is missing, then lint, format check and typecheck (side by side), unit and integration
// tests (side by side), build, e2e and the quick bench, stopping at the first failed group. Ends with a summary of
// each step's time.
// On Debian as root, missing Debian packages (Chromium, Prometheus' tools) install in the background meanwhile.
import { spawn } from 'node:child_process';
import { bin, ROOT } from './proc.mjs';
import { ensureSetup, runOnProjectNode } from './setup.mjs';
import { startSystemPackages, systemPackagesReady } from './system-packages.mjs';

const isWindows = process.platform === 'win32';

const step = (name, cmd, args, extra = {}) => ({ name, cmd, args, ...extra });
/**
 * Groups run one after the other; the steps of a group side by side. The first step of a group prints as it runs,
 * the others' output is shown whole once the group is done.
 */
const groups = [
  [
    step('lint (eslint)', bin('eslint'), ['.']),
    step('format (prettier --check)', bin('prettier'), ['--check', '.']),
    step('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']),
  ],
  // The integration tests mostly wait (the fleet rehearsal's alert, Prometheus' scrapes, processes starting), so
  // they run beside the unit tests, which keep both cores busy.
  [
    step('unit tests (vitest)', bin('vitest'), ['run', '--project', 'unit']),
    step('integration tests (vitest)', bin('vitest'), ['run', '--project', 'integration'], { needsPackages: true }),
  ],
  [step('build (electron-vite)', bin('electron-vite'), ['build'])],
  [step('e2e (playwright)', process.execPath, ['scripts/e2e.mjs'], { needsPackages: true })],
  // Every bench at small sizes (bench/run.ts): fails only when a bench crashes; its figures are printed, not judged.
  [step('bench --quick (figures not judged)', process.execPath, ['--import', 'tsx', 'bench/run.ts', '--quick'])],
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
// After a fresh install this script runs again on the project's Node (runOnProjectNode): the first run's start and
// setup time come along in the environment, so the summary counts them.
const startedAt = Number(process.env.KIOSK_TEST_STARTED) || Date.now();
process.env.KIOSK_TEST_STARTED = String(startedAt);
const results = [];
let failed = null;

startSystemPackages();
if (process.env.KIOSK_TEST_SETUP) {
  results.push(JSON.parse(process.env.KIOSK_TEST_SETUP));
} else {
  const setupStarted = Date.now();
  try {
    ensureSetup();
    results.push({ name: 'setup (npm ci when needed)', status: 'pass', ms: Date.now() - setupStarted });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    results.push({ name: 'setup (npm ci when needed)', status: 'FAIL', ms: Date.now() - setupStarted });
    failed = { name: 'setup', code: 1 };
  }
  process.env.KIOSK_TEST_SETUP = JSON.stringify(results[0]);
}
// After a fresh install this process still runs on the machine's Node: the rest runs on the pinned one.
if (!failed) runOnProjectNode();
console.log(`node ${process.version}`);

/** Runs a step; `quiet` collects its output, handed back to print in one piece. Resolves to its exit code and output. */
function run(step, quiet) {
  return new Promise((resolve) => {
    const env = quiet && process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
    const child = spawn(step.cmd, step.args, {
      cwd: ROOT,
      env,
      stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
      shell: isWindows,
    });
    let output = '';
    if (quiet) {
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
    }
    child.on('error', (error) => {
      output += `Could not run ${step.cmd}: ${error.message}\n`;
    });
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** The background apt-get, waited for once, by the first step that needs its packages. */
let packages;
function packagesReady() {
  packages ??= systemPackagesReady().then((done) => {
    if (done)
      results.push({
        name: `apt-get ${done.packages} (in the background)`,
        status: done.code === 0 ? 'pass' : 'FAIL',
        ms: done.ms,
        background: true,
      });
  });
  return packages;
}

for (const group of groups) {
  if (failed) {
    for (const { name } of group) results.push({ name, status: 'skipped', ms: 0 });
    continue;
  }
  const names = group.map(({ name }) => name);
  console.log(`\n=== ${names.join(', ')}${group.length > 1 ? ' (side by side)' : ''} ===`);
  const done = await Promise.all(
    group.map(async (step, index) => {
      if (step.needsPackages) await packagesReady();
      const started = Date.now();
      const { code, output } = await run(step, index > 0);
      return { step, code, output, ms: Date.now() - started };
    }),
  );
  for (const { step, code, output, ms } of done) {
    if (output) process.stdout.write(`\n=== ${step.name} ===\n${output}`);
    results.push({ name: step.name, status: code === 0 ? 'pass' : 'FAIL', ms });
    if (code !== 0 && !failed) failed = { name: step.name, code };
  }
}
const width = Math.max(...results.map((r) => r.name.length));
console.log('\nSummary');
for (const r of results) {
  const time = r.status === 'skipped' ? '' : seconds(r.ms);
  console.log(
    `  ${r.name.padEnd(width)}  ${r.status.padEnd(7)}  ${time}${r.background ? ' (alongside the steps)' : ''}`,
  );
}
const total = Date.now() - startedAt;
if (failed) {
  console.log(`\nnpm test failed at "${failed.name}" (exit code ${failed.code}) after ${seconds(total)}.`);
  process.exit(failed.code || 1);
}
console.log(`\nAll checks passed in ${seconds(total)} (wall clock, setup included).`);
