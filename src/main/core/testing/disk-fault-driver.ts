/**
 * A child process for the disk-fault tests and `npm run soak -- --disk-faults`: a kiosk core on a given data folder
 * against a controller that runs in the parent, selling and extending as an attendant would while the disk fails
 * under it (scripts/faults/disk-fault-shim.c, preloaded by the parent). Each answer the attendant would have seen is
 * printed as one JSON line; then the process kills itself with SIGKILL, as a power cut would end it.
 *
 *   node --import tsx disk-fault-driver.ts DATA_DIR CONTROLLER_URL COUNT
 *
 * The shim is armed only after start-up (KIOSK_FAULT_RATE_ARMED → KIOSK_FAULT_RATE), so the run is about actions.
 */
import type { RunningSandbox } from '../../../sandbox/server';
import type { Result } from '../../../shared/errors/kiosk-error';
import { startTestKiosk } from './test-kiosk';
import { cash, tryIssue } from './permit-actions';

export interface DriverLine {
  kind: 'issue' | 'extend';
  requestId: string;
  plate: string;
  ok: boolean;
  ticketNumber?: string;
  endAt?: string;
  /** The refusal: its kind and problem code. */
  code?: string;
  problem?: string;
}

/** The controller of the parent process, of which this one only needs the address. */
function remoteController(url: string): RunningSandbox {
  const elsewhere = () => {
    throw new Error('The controller runs in the parent process.');
  };
  return {
    url,
    port: Number(new URL(url).port),
    permits: elsewhere,
    requestLog: elsewhere,
    close: () => Promise.resolve(),
    faults: elsewhere,
    setFaults: elsewhere,
    clearFaults: elsewhere,
    refuseConnections: elsewhere,
    setOptions: elsewhere,
  };
}

function report(line: DriverLine): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function outcome(result: Result<unknown>): Pick<DriverLine, 'ok' | 'ticketNumber' | 'endAt' | 'code' | 'problem'> {
  if (result.ok) {
    const permit = result.value as { ticketNumber: string; endAt: string };
    return { ok: true, ticketNumber: permit.ticketNumber, endAt: permit.endAt };
  }
  return { ok: false, code: result.error.code, problem: result.error.problem?.code ?? '' };
}

async function main(): Promise<void> {
  const [dataDir, controllerUrl, countText] = process.argv.slice(2);
  if (!dataDir || !controllerUrl) throw new Error('usage: disk-fault-driver DATA_DIR CONTROLLER_URL COUNT');
  const count = Number(countText ?? '60');
  const kiosk = await startTestKiosk({
    dataDir,
    sandbox: remoteController(controllerUrl),
    settings: { kioskId: 'DISKFLT1' },
  });
  process.env.KIOSK_FAULT_RATE = process.env.KIOSK_FAULT_RATE_ARMED ?? '0';
  const sold: Array<{ ticketNumber: string }> = [];
  for (let i = 0; i < count; i += 1) {
    // Every fourth tap extends an earlier sale; the rest sell.
    const earlier = sold[(i * 7) % Math.max(1, sold.length)];
    if (i % 4 === 3 && earlier) {
      const requestId = crypto.randomUUID();
      const result = await kiosk.core.dispatch('permits:extend', {
        requestId,
        ticketNumber: earlier.ticketNumber,
        minutes: 30,
        tender: { method: 'cash', tenderedCents: 1000 },
      });
      report({ kind: 'extend', requestId, plate: '', ...outcome(result) });
      continue;
    }
    const requestId = crypto.randomUUID();
    const plate = `DF${i.toString().padStart(4, '0')}`;
    const result = await tryIssue(kiosk, plate, { requestId, tender: cash(2000) });
    const line: DriverLine = { kind: 'issue', requestId, plate, ...outcome(result) };
    if (line.ok && line.ticketNumber) sold.push({ ticketNumber: line.ticketNumber });
    report(line);
  }
  // Some deliveries go out under faults too, then the power goes.
  await Promise.race([kiosk.core.idle(), new Promise((resolve) => setTimeout(resolve, 1500))]);
  process.env.KIOSK_FAULT_RATE = '0';
  process.kill(process.pid, 'SIGKILL');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
