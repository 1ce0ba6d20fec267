import { afterEach, describe, expect, it } from 'vitest';
import type { ShiftSummary } from '../../../shared/shift/shift-view';
import type { MoneyReport } from '../../../shared/money/ledger-entries';
import { verifyAuditChain } from '../audit/audit-log';
import { fixedClock, startTestKiosk, value, type TestKiosk } from '../testing/test-kiosk';
import { cash, issue } from '../testing/permit-actions';
import { KioskStore } from './kiosk-store';
import { readRecords } from './read-records';
import { HISTORY_DAYS } from './retention';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

describe('the retention rule', () => {
  it(`keeps a shift closed more than ${HISTORY_DAYS} days ago as its Z-report, and the audit chain whole`, async () => {
    const clock = fixedClock('2025-01-06T14:00:00.000Z');
    kiosk = await startTestKiosk({ clock });
    const { core } = kiosk;
    value(await core.dispatch('drawer:open', { floatCents: 10_000 }));
    for (const plate of ['RET001', 'RET002']) {
      await issue(kiosk, plate, { tender: cash(500) });
    }
    await core.idle();
    value(
      await core.dispatch('drawer:count', {
        counts: [
          { cents: 10_000, count: 1 },
          { cents: 500, count: 1 },
          { cents: 25, count: 16 },
        ],
      }),
    );
    const closed = value<ShiftSummary & { report: MoneyReport }>(await core.dispatch('shift:close', {}));
    const zBefore = value<MoneyReport>(await core.dispatch('reports:z', { shiftId: closed.shift.id }));
    const before = readRecords(kiosk.dataDir);
    expect(before.ledger.filter((entry) => entry.shiftId === closed.shift.id).length).toBeGreaterThan(3);

    // A year and more later. The clock alone removes nothing: it may have jumped (a flat RTC battery set wrong).
    clock.advance((HISTORY_DAYS + 1) * 24 * 60);
    await kiosk.restart();
    expect(kiosk.logLines.join('\n')).not.toMatch(/Retention/);
    // Once the kiosk has worked at that date, the next start applies the rule.
    await kiosk.core.dispatch('shift:start', { attendant: 'Next year' });
    await issue(kiosk, 'RET003', { tender: cash(500) });
    await kiosk.restart();
    expect(kiosk.logLines.join('\n')).toMatch(/Retention: 1 shift\(s\) older than 400 days kept as Z-reports/);

    const after = readRecords(kiosk.dataDir);
    // Only the close is left of the shift's entries, and its Z-report is the same to the cent.
    expect(after.ledger.filter((entry) => entry.shiftId === closed.shift.id).map((entry) => entry.type)).toEqual([
      'close',
    ]);
    const zAfter = value<MoneyReport>(await kiosk.core.dispatch('reports:z', { shiftId: closed.shift.id }));
    expect({ ...zAfter, fileName: '' }).toEqual({ ...zBefore, fileName: '' });
    // The old audit entries went; the chain goes on from the anchor they left, through what comes next.
    expect(after.audit.some((entry) => entry.plate === 'RET001')).toBe(false);
    expect(after.audit.some((entry) => entry.plate === 'RET003')).toBe(true);
    await issue(kiosk, 'RET004', { tender: cash(500) });
    await kiosk.restart(() => {
      const store = KioskStore.open(kiosk!.dataDir);
      expect(verifyAuditChain(store.db).broken).toBeNull();
      store.close();
    });
  });
});
