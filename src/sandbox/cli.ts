/**
 * `npx tsx src/sandbox/cli.ts --port 18080 --token T` — runs the OPSCOM sandbox until SIGINT/SIGTERM.
 * The startup lines are the only place a token is ever printed (so a developer knows what to configure).
 */
import { parseSandboxArgs, USAGE } from './cli-args';
import { formatFault } from './faults';
import { startSandbox, type RunningSandbox } from './server';

async function main(): Promise<void> {
  const parsed = parseSandboxArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }

  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    process.stderr.write(
      `Could not start the OPSCOM sandbox: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
    return;
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    // A second Ctrl-C means "now": do not wait for a slow close.
    if (stopping) process.exit(130);
    stopping = true;
    sandbox.close().then(
      () => {
        process.stdout.write(`OPSCOM sandbox stopped (${signal}).\n`);
        process.exitCode = 0;
      },
      (error: unknown) => {
        process.stderr.write(`OPSCOM sandbox did not close cleanly: ${String(error)}\n`);
        process.exitCode = 1;
      },
    );
  };
  // Before the startup lines: whoever reads them may signal at once, and until a listener exists a signal
  // kills the process outright (exit code null) instead of closing the sandbox.
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stdout.write(
    [
      `OPSCOM sandbox listening on ${sandbox.url}`,
      `Accepted tokens: ${parsed.options.tokens.join(', ')}`,
      `Permits view: ${sandbox.url}/__sandbox/permits`,
      ...sandbox.faults().map((fault) => `Fault: ${formatFault(fault)}`),
      '',
    ].join('\n'),
  );
}

await main();
