/**
 * A child process for the disk-fault tests: OPSCOM stores a push, and the disk refuses the record of its answer
 * (the disk-fault shim, preloaded by the parent, armed at that moment). The attendant then cancels the permit
 * on a disk that works again. Prints, as one JSON line, what OPSCOM holds of the permit and what the kiosk says.
 *
 *   node --import tsx unrecorded-answer-driver.ts DATA_DIR
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Permit } from '../../../shared/permits/permit';
import { startTestKiosk, value } from './test-kiosk';
import { cash, issue } from './permit-actions';

async function main(): Promise<void> {
  const dataDir = process.argv[2] ?? '';
  const kiosk = await startTestKiosk({ dataDir, settings: { kioskId: 'UNRECORD' } });
  let answered = false;
  kiosk.network.intercept = async (path, _body, forward) => {
    const response = await forward();
    // OPSCOM has stored the push; the disk fails just as its answer is to be recorded.
    if (path.endsWith('/push')) {
      process.env.KIOSK_FAULT_RATE = '1';
      answered = true;
    }
    return response;
  };
  const permit = await issue(kiosk, 'UNREC1', { tender: cash(500) });
  while (!answered) await sleep(10);
  await sleep(100); // the record of the answer has failed by now
  process.env.KIOSK_FAULT_RATE = '0';
  kiosk.network.intercept = undefined;
  value(
    await kiosk.core.dispatch('permits:cancel', {
      requestId: crypto.randomUUID(),
      ticketNumber: permit.ticketNumber,
      reason: 'Driver left',
    }),
  );
  for (let i = 0; i < 100; i += 1) {
    await kiosk.core.idle();
    const view = value<Permit>(await kiosk.core.dispatch('permits:get', { ticketNumber: permit.ticketNumber }));
    if (view.sync === 'sent' || i === 99) {
      const live = kiosk.sandbox.permits().filter((record) => record.plate === 'UNREC1' && !record.deleted);
      process.stdout.write(`${JSON.stringify({ live: live.length, reconcile: view.reconcile, sync: view.sync })}\n`);
      break;
    }
    await sleep(100);
  }
  await kiosk.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(2);
  },
);
