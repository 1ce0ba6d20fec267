import { describe, expect, it } from 'vitest';
import { readRepoFile, readYaml } from './config-files';

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  strategy?: { matrix?: { os?: string[] } };
  env?: Record<string, unknown>;
  steps: Step[];
}
const workflow = readYaml('.github/workflows/ci.yml') as { env?: object; jobs: Record<string, Job> };
const jobs = Object.values(workflow.jobs);

/** The README's "run every test" command, from the table under "The two commands". */
const readmeTestCommand = (): string => {
  const row = readRepoFile('README.md')
    .split('\n')
    .find((line) => /^\|\s*run every test\s*\|/.test(line));
  const command = row?.match(/`([^`]+)`/)?.[1];
  if (!command) throw new Error('README has no "run every test" row');
  return command;
};

describe('.github/workflows/ci.yml', () => {
  it('runs the README’s test command under xvfb on Ubuntu, with Node 24 (the project’s pinned LTS), after fetching Electron’s binary', () => {
    const ubuntu = jobs.find((job) => job['runs-on'].startsWith('ubuntu'));
    expect(ubuntu).toBeDefined();
    const runs = ubuntu!.steps.map((step) => step.run ?? '');
    const testAt = runs.findIndex((run) => run.trim() === `xvfb-run -a ${readmeTestCommand()}`);
    expect(testAt).toBeGreaterThan(-1);
    const electronAt = runs.findIndex((run) => run.includes('node_modules/electron/install.js'));
    expect(electronAt).toBeGreaterThan(-1);
    expect(electronAt).toBeLessThan(testAt);
    const node = ubuntu!.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(node?.with?.['node-version']).toBe(24);
  });

  it('never skips the Electron download', () => {
    expect(JSON.stringify(workflow)).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD|KIOSK_SKIP_ELECTRON_BINARY/);
  });

  it('packages on Windows and macOS with npm run dist and uploads what lands in dist/', () => {
    const dist = jobs.find((job) => job.steps.some((step) => step.run === 'npm run dist'));
    expect(dist?.strategy?.matrix?.os).toEqual(['windows-latest', 'macos-latest']);
    expect(dist?.['runs-on']).toBe('${{ matrix.os }}');
    const upload = dist!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const paths = String(upload?.with?.path).trim().split('\n');
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path).toMatch(/^dist\//);
  });
});
