// `npm run sandbox -- [--port P] [--token T]`: the fake OPSCOM controller for
// demos and e2e. A wrapper (not plain `tsx`) so it stops with its parent.
import { runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

ensureSetupOrExit();
runAndExit(process.execPath, ['--import', 'tsx', 'src/sandbox/cli.ts', ...process.argv.slice(2)]);
