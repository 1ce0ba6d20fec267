// `npm test`: install what is missing, then lint, format check, typecheck,
// unit tests, build, e2e and the quick bench, stopping at the first failure. Ends with a summary.
import { bin, runSync } from './proc.mjs';
import { ensureSetup, runOnProjectNode } from './setup.mjs';

const steps = [
  { name: 'lint (eslint)', cmd: bin('eslint'), args: ['.'] },
  { name: 'format (prettier --check)', cmd: bin('prettier'), args: ['--check', '.'] },
  { name: 'typecheck (tsc)', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'unit tests (vitest)', cmd: bin('vitest'), args: ['run'] },
  { name: 'build (electron-vite)', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'e2e (playwright)', cmd: process.execPath, args: ['scripts/e2e.mjs'] },
  // Every bench at small sizes (bench/run.ts): fails only when a bench crashes; its figures are printed, not judged.
  {
    name: 'bench --quick (figures not judged)',
    cmd: process.execPath,
    args: ['--import', 'tsx', 'bench/run.ts', '--quick'],
  },
];

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const results = [];
let failed = null;

const setupStarted = Date.now();
try {
  ensureSetup();
  results.push({ name: 'setup', status: 'pass', ms: Date.now() - setupStarted });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  results.push({ name: 'setup', status: 'FAIL', ms: Date.now() - setupStarted });
  failed = { name: 'setup', code: 1 };
}
// After a fresh install this process still runs on the machine's Node: the rest runs on the pinned one.
if (!failed) runOnProjectNode();
console.log(`node ${process.version}`);

for (const step of steps) {
  if (failed) {
    results.push({ name: step.name, status: 'skipped', ms: 0 });
    continue;
  }
  console.log(`\n=== ${step.name} ===`);
  const started = Date.now();
  const code = runSync(step.cmd, step.args);
  results.push({ name: step.name, status: code === 0 ? 'pass' : 'FAIL', ms: Date.now() - started });
  if (code !== 0) failed = { name: step.name, code };
}

const width = Math.max(...results.map((r) => r.name.length));
console.log('\nSummary');
for (const r of results) {
  console.log(`  ${r.name.padEnd(width)}  ${r.status.padEnd(7)}  ${r.status === 'skipped' ? '' : seconds(r.ms)}`);
}
const total = results.reduce((sum, r) => sum + r.ms, 0);
if (failed) {
  console.log(`\nnpm test failed at "${failed.name}" (exit code ${failed.code}) after ${seconds(total)}.`);
  process.exit(failed.code || 1);
}
console.log(`\nAll checks passed in ${seconds(total)}.`);
