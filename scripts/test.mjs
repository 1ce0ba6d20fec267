// `npm test`: install what is missing, then lint, format check and typecheck (side by side), unit tests, integration
// tests, build, e2e and the quick bench, stopping at the first failure. Ends with a summary of each step's time.
// On Debian as root, missing Debian packages (Chromium, Prometheus' tools) install in the background meanwhile.
import { spawn } from 'node:child_process';
import { bin, ROOT } from './proc.mjs';
import { ensureSetup, runOnProjectNode } from './setup.mjs';
import { startSystemPackages, systemPackagesReady } from './system-packages.mjs';

const isWindows = process.platform === 'win32';

/** Steps in one group run side by side (each on one core), their output shown whole as each ends. */
const steps = [
  { name: 'lint (eslint)', cmd: bin('eslint'), args: ['.'], group: 'static checks' },
  { name: 'format (prettier --check)', cmd: bin('prettier'), args: ['--check', '.'], group: 'static checks' },
  { name: 'typecheck (tsc)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'], group: 'static checks' },
  { name: 'unit tests (vitest)', cmd: bin('vitest'), args: ['run', '--project', 'unit'] },
  {
    name: 'integration tests (vitest)',
    cmd: bin('vitest'),
    args: ['run', '--project', 'integration'],
    needsSystemPackages: true,
  },
  { name: 'build (electron-vite)', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'e2e (playwright)', cmd: process.execPath, args: ['scripts/e2e.mjs'], needsSystemPackages: true },
  // Every bench at small sizes (bench/run.ts): fails only when a bench crashes; its figures are printed, not judged.
  {
    name: 'bench --quick (figures not judged)',
    cmd: process.execPath,
    args: ['--import', 'tsx', 'bench/run.ts', '--quick'],
  },
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

/** Runs a step; `quiet` collects its output to print in one piece when it ends. Resolves to its exit code. */
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
    child.on('close', (code, signal) => {
      if (quiet) process.stdout.write(`\n=== ${step.name} ===\n${output}`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

let packages = null;
const groups = [];
for (const step of steps) {
  const last = groups.at(-1);
  if (step.group && last?.[0].group === step.group) last.push(step);
  else groups.push([step]);
}
for (const group of groups) {
  if (failed) {
    for (const step of group) results.push({ name: step.name, status: 'skipped', ms: 0 });
    continue;
  }
  if (group.some((step) => step.needsSystemPackages) && !packages) {
    packages = await systemPackagesReady();
    if (packages)
      results.push({
        name: `apt-get ${packages.packages} (in the background)`,
        status: packages.code === 0 ? 'pass' : 'FAIL',
        ms: packages.ms,
        background: true,
      });
  }
  const quiet = group.length > 1;
  if (quiet) console.log(`\n=== ${group.map((step) => step.name).join(', ')} (side by side) ===`);
  const done = await Promise.all(
    group.map(async (step) => {
      if (!quiet) console.log(`\n=== ${step.name} ===`);
      const started = Date.now();
      const code = await run(step, quiet);
      return { step, code, ms: Date.now() - started };
    }),
  );
  for (const { step, code, ms } of done) {
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
