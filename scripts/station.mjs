// `npm run station -- --port P [--no-open] ...`: serve the kiosk UI to a
// browser (no Electron needed). Rebuilds the renderer when its sources changed.
import { buildOrExit, isStale, runAndExit } from './proc.mjs';
import { ensureSetupOrExit } from './setup.mjs';

ensureSetupOrExit();
if (isStale('out/renderer/index.html', ['src/renderer', 'src/shared', 'src/preload'])) buildOrExit();
// `node --import tsx` rather than the tsx CLI: one process fewer, and the tsx
// CLI's own signal relay can SIGKILL the server while it shuts down.
runAndExit(process.execPath, ['--import', 'tsx', 'src/main/station/cli.ts', ...process.argv.slice(2)]);
