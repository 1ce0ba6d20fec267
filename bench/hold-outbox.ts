/** Child of the benchmark: replays an outbox from disk and reports what holding it costs. */
import { AuditLog } from '../src/main/core/audit/audit-log';
import { Outbox } from '../src/main/core/outbox/outbox';
import { KioskStore } from '../src/main/core/storage/kiosk-store';

const dataDir = process.argv[2] ?? '';
const started = performance.now();
const store = KioskStore.open(dataDir);
const outbox = new Outbox({ store, audit: new AuditLog(store), clock: { now: () => new Date() } });
const replayMs = performance.now() - started;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
const pending = outbox.status('unknown', null).waiting;
outbox.close();
store.close();
console.log(JSON.stringify({ pending, replayMs, rssMiB: memory.rss / 2 ** 20, heapMiB: memory.heapUsed / 2 ** 20 }));
