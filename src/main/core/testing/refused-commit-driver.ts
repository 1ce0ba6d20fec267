/**
 * A child process for the store's test of a commit refused at its fsync: it stores one value, then stores a
 * second while every fsync of its folder fails (the disk-fault shim, preloaded by the parent), and is killed with
 * SIGKILL at once, before anything else is written. The parent reopens the store: the refused value must be absent.
 *
 *   node --import tsx refused-commit-driver.ts DATA_DIR [then-write]
 */
import { KioskStore } from '../storage/kiosk-store';

const dir = process.argv[2] ?? '';
const store = KioskStore.open(dir);
store.writeValue('confirmed', 'kept');
process.env.KIOSK_FAULT_RATE = '1';
try {
  store.writeValue('refused', 'must not come back');
  process.stdout.write('committed\n');
} catch {
  process.stdout.write('refused\n');
}
process.env.KIOSK_FAULT_RATE = '0';
// With `then-write`, the disk recovers and one more value is stored before the power goes.
if (process.argv[3] === 'then-write') store.writeValue('after', 'kept too');
process.kill(process.pid, 'SIGKILL');
