import { afterEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/outbox/outbox-view';
import type { Permit } from '../../../shared/permits/permit';
import type { Result } from '../../../shared/errors/kiosk-error';
import type { SettingsView } from '../../../shared/settings/settings-view';
import type { ShiftSummary } from '../../../shared/shift/shift-view';
import type {
  CountResult,
  DayReport,
  DrawerStatus,
  MoneyReport,
  PermitPayments,
  RecordedTender,
  TenderInput,
} from '../../../shared/money/ledger-entries';
import { fixedClock, startTestKiosk, TEST_ADMIN_PIN, value, type TestKiosk } from '../testing/test-kiosk';
import { readRecords } from '../storage/read-records';
import { KioskStore } from '../storage/kiosk-store';
import { MoneyLedger } from './money-ledger';
import { LedgerEntrySchema } from '../../../shared/money/ledger-entries';

let kiosk: TestKiosk | undefined;
afterEach(async () => {
  await kiosk?.close();
  kiosk = undefined;
});

type Sale = Permit & { tender?: RecordedTender };
const START = '2026-12-02T14:00:00.000Z';

const issue = (k: TestKiosk, plate: string, tender?: TenderInput, zone = 'Lot 1', durationMinutes = 60) =>
  k.core.dispatch('permits:issue', {
    requestId: crypto.randomUUID(),
    plate,
    zone,
    durationMinutes,
    ...(tender ? { tender } : {}),
  });
const cash = (tenderedCents: number): TenderInput => ({ method: 'cash', tenderedCents });
const refusal = (result: Result<unknown>) => {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
};
const count = (k: TestKiosk, counts: Array<[number, number]>) =>
  k.core.dispatch('drawer:count', { counts: counts.map(([cents, n]) => ({ cents, count: n })) });
const ledgerLines = (k: TestKiosk) =>
  readRecords(k.dataDir).ledger.map((entry) => entry as { type: string; id: string });

describe('tenders on sales and extensions', () => {
  it('takes cash with change, refuses too little, takes a card, and pays an extension with its own tender', async () => {
    kiosk = await startTestKiosk({ clock: fixedClock(START) });
    const { core } = kiosk;
    value(await core.dispatch('drawer:open', { floatCents: 10000 }));

    const paid = value<Sale>(await issue(kiosk, 'CASH1', cash(2000))); // Lot 1, 60 min: $4.50
    expect(paid.tender).toEqual({ method: 'cash', tenderedCents: 2000, changeCents: 1550 });

    const short = refusal(await issue(kiosk, 'CASH2', cash(400)));
    expect(short).toMatchObject({
      code: 'invalid-request',
      field: 'tender.tenderedCents',
      problem: { code: 'cash-short', params: { tendered: 400, amount: 450 } },
    });
    expect(short.message).toBe('The driver gave $4.00: not enough for $4.50.');

    const card = value<Sale>(await issue(kiosk, 'CARD1', { method: 'card', last4: '4242', approvalCode: 'a1b2' }));
    expect(card.tender).toEqual({ method: 'card', last4: '4242', approvalCode: 'A1B2' });
    // The refused sale used no ticket number.
    expect(card.ticketNumber.endsWith('-000002')).toBe(true);

    const extend = { requestId: crypto.randomUUID(), ticketNumber: card.ticketNumber, minutes: 30 };
    const extended = value<Sale>(await core.dispatch('permits:extend', { ...extend, tender: cash(300) }));
    expect(extended.tender).toEqual({ method: 'cash', tenderedCents: 300, changeCents: 75 }); // adds $2.25
    // A repeated request gets the same answer, tender included, and is recorded once.
    expect(value<Sale>(await core.dispatch('permits:extend', { ...extend, tender: cash(300) })).tender).toEqual(
      extended.tender,
    );

    const payments = value<PermitPayments>(
      await core.dispatch('permits:payments', { ticketNumber: card.ticketNumber }),
    );
    expect(payments.entries.map((entry) => entry.type === 'sale' && [entry.action, entry.amountCents])).toEqual([
      ['issue', 450],
      ['extend', 225],
    ]);
    expect(payments.refundableCents).toBe(675);

    const lines = ledgerLines(kiosk);
    expect(lines.map((line) => line.type)).toEqual(['float', 'sale', 'sale', 'sale']);
    const audit = value<{ csv: string }>(await core.dispatch('audit:export-csv', {})).csv;
    expect(audit).toContain('cash: tendered 2000, change 1550');
    expect(audit).toContain('card: approval A1B2, card ending 4242');
  });

  it('keeps screens that send no tender working: the sale is recorded as unrecorded, not as cash', async () => {
    kiosk = await startTestKiosk();
    const sale = value<Sale>(await issue(kiosk, 'OLD1'));
    expect(sale.tender).toEqual({ method: 'unrecorded' });
    const x = value<MoneyReport>(await kiosk.core.dispatch('reports:x', { adminPin: TEST_ADMIN_PIN }));
    expect(x.tenders).toEqual([{ currency: 'CAD', tender: 'unrecorded', count: 1, cents: 450 }]);
    // The X-report saves as CSV too, one file per time it is taken.
    expect((x as MoneyReport & { fileName: string }).fileName).toMatch(/^x-report-.*-\d{12}-.{8}\.csv$/);
    expect(x.csv).toContain('unrecorded');
    expect(x.drawer).toMatchObject({ cashSalesCents: 0, expectedCents: 0 });
    // No cash moved, so the shift closes without a count, as before.
    const closed = value<ShiftSummary & { report: MoneyReport }>(await kiosk.core.dispatch('shift:close', {}));
    expect(closed.report.kind).toBe('z');
  });
});

describe('a ledger entry without its permit (from files written one after another, before the store)', () => {
  it('gives a repeated request the ticket number its ledger entry has, so the books and the permit agree', async () => {
    kiosk = await startTestKiosk();
    const shift = value<{ id: string }>(await kiosk.core.dispatch('shift:current', {}));
    const requestId = crypto.randomUUID();
    const kioskId = kiosk.core.info.kioskId;
    // What a stop right after the old money.jsonl's write left, imported: the sale is in the books, its permit is not
    // in the outbox.
    const entry = {
      type: 'sale',
      id: requestId,
      at: '2026-12-02T14:00:00.000Z',
      shiftId: shift.id,
      attendant: 'Test attendant',
      // The allocator handed this number out before the stop (its next one differs).
      ticketNumber: `${kioskId}-000007`,
      action: 'issue',
      amountCents: 450,
      currency: 'CAD',
      tender: { method: 'cash', tenderedCents: 500, changeCents: 50 },
    };
    await kiosk.restart(() => {
      const store = KioskStore.open(kiosk!.dataDir);
      new MoneyLedger(store).append(LedgerEntrySchema.parse(entry));
      store.close();
    });

    const permit = value<Sale>(
      await kiosk.core.dispatch('permits:issue', {
        requestId,
        plate: 'CRASH1',
        zone: 'Lot 1',
        durationMinutes: 60,
        tender: cash(500),
      }),
    );
    expect(permit.ticketNumber).toBe(`${kioskId}-000007`);
    expect(permit.tender).toEqual(entry.tender);
    expect(ledgerLines(kiosk).filter((line) => line.id === requestId)).toHaveLength(1);
  });

  it('refuses drawer and report actions without an open shift, in the shift’s own words', async () => {
    kiosk = await startTestKiosk({ signIn: false });
    for (const [channel, request] of [
      ['drawer:status', {}],
      ['drawer:count', { counts: [{ cents: 500, count: 1 }] }],
      ['reports:x', {}],
      ['shift:close', {}],
    ] as const) {
      expect(refusal(await kiosk.core.dispatch(channel, request)).problem?.code, channel).toBe('no-shift-open');
    }
    expect(refusal(await kiosk.core.dispatch('reports:z', {})).problem?.code).toBe('no-closed-shift');
  });
});

describe('cancel with or without a refund', () => {
  it('refunds at most what was paid, asks the admin PIN above the limit, and nets the shift totals', async () => {
    kiosk = await startTestKiosk({ settings: { refundPinAboveCents: 400 } });
    const { core } = kiosk;
    const wrong = value<Sale>(await issue(kiosk, 'WR0NG1', cash(500))); // $4.50
    const kept = value<Sale>(await issue(kiosk, 'KEPT1', { method: 'card' }, 'Lot 2')); // $3.00
    const cancel = (ticketNumber: string, extra: Record<string, unknown>) =>
      core.dispatch('permits:cancel', {
        requestId: crypto.randomUUID(),
        ticketNumber,
        reason: 'Wrong plate',
        ...extra,
      });

    const tooMuch = refusal(await cancel(wrong.ticketNumber, { refund: { amountCents: 451, method: 'cash' } }));
    expect(tooMuch).toMatchObject({ code: 'invalid-request', problem: { code: 'refund-too-much' } });
    expect(tooMuch.message).toBe(`At most $4.50 can be refunded for permit ${wrong.ticketNumber}.`);

    const noPin = refusal(await cancel(wrong.ticketNumber, { refund: { amountCents: 450, method: 'cash' } }));
    expect(noPin).toMatchObject({ code: 'not-allowed', field: 'adminPin', problem: { code: 'refund-needs-pin' } });
    expect(noPin.message).toBe('A refund over $4.00 needs the admin PIN.');
    const wrongPin = refusal(
      await cancel(wrong.ticketNumber, { refund: { amountCents: 450, method: 'cash' }, adminPin: '0000' }),
    );
    expect(wrongPin.problem?.code).toBe('pin-wrong');
    expect(value<Permit>(await core.dispatch('permits:get', { ticketNumber: wrong.ticketNumber })).status).toBe(
      'active',
    );

    const refunded = await cancel(wrong.ticketNumber, {
      refund: { amountCents: 450, method: 'cash' },
      adminPin: TEST_ADMIN_PIN,
    });
    expect(value<Permit>(refunded).status).toBe('cancelled');
    // Under the limit, no PIN; a cancel without a refund keeps the money.
    value(await cancel(kept.ticketNumber, {}));

    const payments = value<PermitPayments>(
      await core.dispatch('permits:payments', { ticketNumber: wrong.ticketNumber }),
    );
    expect(payments.refundableCents).toBe(0);
    expect(payments.entries.at(-1)).toMatchObject({
      type: 'cancel',
      refund: { amountCents: 450, method: 'cash', approvedByPin: true },
    });

    // The "Wrong plate" permit's money went back: it is not in the amount charged any more.
    const summary = value<ShiftSummary>(await core.dispatch('shift:summary', {}));
    expect(summary).toMatchObject({ issued: 2, cancelled: 2 });
    expect(summary.amounts).toEqual([{ currency: 'CAD', cents: 300 }]);
    expect(summary.refunded).toEqual([{ currency: 'CAD', cents: 450 }]);

    const x = value<MoneyReport>(await core.dispatch('reports:x', {}));
    expect(x.refunds).toEqual([{ currency: 'CAD', method: 'cash', count: 1, cents: 450 }]);
    expect(x.voids).toEqual([{ currency: 'CAD', count: 2, refunded: 1, cents: 450 }]);
    expect(x.net).toEqual([{ currency: 'CAD', collectedCents: 750, refundedCents: 450, netCents: 300 }]);
    const audit = value<{ csv: string }>(await core.dispatch('audit:export-csv', {})).csv;
    expect(audit).toMatch(/refunded,,.*,cancel,.*,450,,CAD,.*cash, approved with the admin PIN/);
    expect(audit).toMatch(/not-refunded,.*the money was kept/);
  });

  it('gives nothing back for a complimentary permit', async () => {
    kiosk = await startTestKiosk();
    const comp = value<Sale>(await issue(kiosk, 'COMP1', { method: 'other', kind: 'complimentary', reason: 'Mayor' }));
    const refused = await kiosk.core.dispatch('permits:cancel', {
      requestId: crypto.randomUUID(),
      ticketNumber: comp.ticketNumber,
      refund: { amountCents: 100, method: 'cash' },
    });
    expect(refusal(refused).problem).toMatchObject({ code: 'refund-too-much', params: { max: 0 } });
  });
});

describe('the cash drawer', () => {
  /** Float $100, a $4.50 cash sale (a $5 note), a $2 paid-out and a $50 drop: $52.50 expected. */
  async function shiftWithCash(k: TestKiosk): Promise<void> {
    value<DrawerStatus>(await k.core.dispatch('drawer:open', { floatCents: 10000 }));
    value(await issue(k, 'DRAW1', cash(500)));
    value(await issue(k, 'DRAW2', { method: 'card' }));
    const move = (amountCents: number, reason: string) => ({ requestId: crypto.randomUUID(), amountCents, reason });
    value(await k.core.dispatch('drawer:paid-out', move(200, 'Window cleaner')));
    const drop = move(5000, 'Safe drop');
    value(await k.core.dispatch('drawer:drop', drop));
    value(await k.core.dispatch('drawer:drop', drop)); // a repeated request is one drop
  }

  it('counts blind, shows over against expected after the count, and closes with a Z-report and its CSV', async () => {
    kiosk = await startTestKiosk({ clock: fixedClock(START) });
    const { core } = kiosk;
    await shiftWithCash(kiosk);

    const status = value<DrawerStatus>(await core.dispatch('drawer:status', {}));
    expect(status).toMatchObject({ floatCents: 10000, currency: 'CAD', paidOuts: 1, drops: 1, lastCount: null });
    expect(status.denominations).toEqual([10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5]);
    expect(JSON.stringify(status)).not.toContain('5250');
    expect(value<MoneyReport>(await core.dispatch('reports:x', {})).drawer.expectedCents).toBeNull();
    expect(
      value<MoneyReport>(await core.dispatch('reports:x', { adminPin: TEST_ADMIN_PIN })).drawer.expectedCents,
    ).toBe(5250);
    expect(refusal(await core.dispatch('drawer:open', { floatCents: 1 })).problem?.code).toBe('drawer-already-open');

    expect(refusal(await core.dispatch('shift:close', {})).problem?.code).toBe('drawer-count-first');
    expect(refusal(await count(kiosk, [[300, 1]])).problem).toMatchObject({ code: 'denomination-unknown' });

    // $52.60 in the drawer: 10 cents over, within the $5.00 tolerance.
    const counted = value<CountResult>(
      await count(kiosk, [
        [2000, 2],
        [1000, 1],
        [200, 1],
        [25, 2],
        [10, 1],
      ]),
    );
    expect(counted).toMatchObject({
      countedCents: 5260,
      expectedCents: 5250,
      differenceCents: 10,
      outcome: 'over',
      needsPin: false,
    });

    const closed = value<ShiftSummary & { report: MoneyReport }>(await core.dispatch('shift:close', {}));
    expect(closed.report).toMatchObject({ kind: 'z', drawer: { expectedCents: 5250, approvedByPin: false } });
    const z = value<MoneyReport & { fileName: string }>(await core.dispatch('reports:z', {}));
    expect(z.fileName).toMatch(/^z-report-[A-Z0-9]+-2026-12-02-[0-9a-f]{8}\.csv$/);
    const rows = z.csv.split('\r\n');
    expect(rows).toEqual(
      expect.arrayContaining([
        'report,Z,,,,' + kiosk.core.info.kioskId,
        'shift,attendant,,,,Test attendant',
        'tender,cash,CAD,1,450,',
        'tender,card,CAD,1,450,',
        'paid-out,total,CAD,1,200,',
        'drop,total,CAD,1,5000,',
        'drawer,float,CAD,,10000,',
        'drawer,expected,CAD,,5250,',
        'count,2000,CAD,2,4000,',
        'drawer,counted,CAD,,5260,2026-12-02T14:00:00.000Z',
        'drawer,over,CAD,,10,',
        'drawer,approved-by-pin,,,,no',
      ]),
    );
    // The Z is rebuilt from the ledger after a restart.
    await kiosk.restart();
    expect(value<MoneyReport>(await kiosk.core.dispatch('reports:z', {})).csv).toBe(z.csv);
  });

  it('asks the admin PIN to close when the count is short beyond tolerance, and a count made stale by cash', async () => {
    kiosk = await startTestKiosk({ clock: fixedClock(START) });
    const { core } = kiosk;
    await shiftWithCash(kiosk);
    const short = value<CountResult>(await count(kiosk, [[2000, 2]])); // $40.00 of $52.50
    expect(short).toMatchObject({ differenceCents: -1250, outcome: 'short', needsPin: true, toleranceCents: 500 });

    value(await issue(kiosk, 'LATE1', cash(450)));
    expect(refusal(await core.dispatch('shift:close', { adminPin: TEST_ADMIN_PIN })).problem?.code).toBe(
      'drawer-count-stale',
    );
    value(await count(kiosk, [[2000, 2]])); // $40.00 of $57.00
    const needsPin = refusal(await core.dispatch('shift:close', {}));
    expect(needsPin).toMatchObject({ code: 'not-allowed', field: 'adminPin' });
    expect(needsPin.message).toBe(
      'The drawer is short by $17.00, more than the $5.00 allowed: a supervisor enters the admin PIN to close the shift.',
    );
    expect(refusal(await core.dispatch('shift:close', { adminPin: '9999' })).problem?.code).toBe('pin-wrong');
    expect(value(await core.dispatch('shift:current', {}))).not.toBeNull();

    const closed = value<ShiftSummary & { report: MoneyReport }>(
      await core.dispatch('shift:close', { adminPin: TEST_ADMIN_PIN }),
    );
    expect(closed.report.drawer).toMatchObject({ approvedByPin: true, count: { differenceCents: -1700 } });
    expect(value<{ csv: string }>(await core.dispatch('audit:export-csv', {})).csv).toContain(
      'difference approved with the admin PIN',
    );
  });

  it('reports a day per attendant across shifts', async () => {
    kiosk = await startTestKiosk({ clock: fixedClock(START), signIn: false });
    const { core } = kiosk;
    for (const [attendant, tender] of [
      ['Dana', { method: 'card' }],
      ['Sam', { method: 'card' }],
      ['Dana', { method: 'other', kind: 'voucher', reason: 'Event' }],
    ] as const) {
      value(await core.dispatch('shift:start', { attendant }));
      value(await issue(kiosk, 'DAY1', tender));
      value(await core.dispatch('shift:close', {}));
    }
    const day = value<DayReport & { fileName: string }>(await core.dispatch('reports:day', { date: '2026-12-02' }));
    expect(day.shifts).toHaveLength(3);
    expect(day.attendants.map((a) => [a.attendant, a.shifts, a.tenders.map((t) => t.tender)])).toEqual([
      ['Dana', 2, ['card', 'voucher']],
      ['Sam', 1, ['card']],
    ]);
    expect(value<DayReport>(await core.dispatch('reports:day', { date: '2026-12-03' })).shifts).toEqual([]);
  });
});

describe('fixing the plate after the sale', () => {
  const fix = (k: TestKiosk, ticketNumber: string, plate: string, extra: Record<string, unknown> = {}) =>
    k.core.dispatch('permits:fix-plate', {
      requestId: crypto.randomUUID(),
      ticketNumber,
      plate,
      reason: 'Driver read it out wrong',
      ...extra,
    });

  it('updates a sent permit through the outbox within the window: OPSCOM ends up with the new plate', async () => {
    const clock = fixedClock(START);
    kiosk = await startTestKiosk({ clock });
    const sold = value<Sale>(await issue(kiosk, 'ABC128', cash(500)));
    await kiosk.core.idle();
    const [before] = kiosk.sandbox.permits();
    expect(before).toMatchObject({ plate: 'ABC128' });

    clock.advance(14);
    expect(refusal(await fix(kiosk, sold.ticketNumber, 'abc 128')).problem?.code).toBe('plate-fix-same');
    const fixed = value<Permit>(await fix(kiosk, sold.ticketNumber, 'ABC123'));
    expect(fixed).toMatchObject({ plate: 'ABC123', plateCorrectedFrom: 'ABC128', sync: 'waiting' });
    await kiosk.core.idle();

    expect(kiosk.sandbox.permits()).toMatchObject([
      { referenceId: before?.referenceId, plate: 'ABC123', deleted: false },
    ]);
    const updates = kiosk.sandbox.requestLog().filter((request) => request.path.endsWith('/update'));
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toMatchObject({ plate: 'ABC123' });
    expect(value<Permit>(await kiosk.core.dispatch('permits:get', { ticketNumber: sold.ticketNumber }))).toMatchObject({
      plate: 'ABC123',
      sync: 'sent',
      plateCorrectedFrom: 'ABC128',
    });
    // The money did not change: a plate fix is no sale.
    expect(value<ShiftSummary>(await kiosk.core.dispatch('shift:summary', {})).amounts).toEqual([
      { currency: 'CAD', cents: 450 },
    ]);
    const audit = value<{ csv: string }>(await kiosk.core.dispatch('audit:export-csv', {})).csv;
    expect(audit).toContain('plate ABC128 → ABC123: Driver read it out wrong');
  });

  it('sends a waiting push with the new plate: one push, no update', async () => {
    kiosk = await startTestKiosk();
    kiosk.network.online = false;
    const sold = value<Sale>(await issue(kiosk, 'WAIT8', { method: 'card' }));
    await kiosk.core.idle();
    const fixed = value<Permit>(await fix(kiosk, sold.ticketNumber, 'WAIT9'));
    expect(fixed.sync).toBe('waiting');
    const items = value<{ items: OutboxItem[] }>(await kiosk.core.dispatch('outbox:list', {})).items;
    expect(items.map((item) => [item.kind, item.plate, item.fixesPlate ?? false])).toEqual([
      ['issue', 'WAIT8', false],
      ['extend', 'WAIT9', true],
    ]);

    kiosk.network.online = true;
    kiosk.core.networkChanged(true);
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits()).toMatchObject([{ plate: 'WAIT9', permitNo: sold.ticketNumber }]);
    const paths = kiosk.sandbox.requestLog().map((request) => request.path.split('/').at(-1));
    expect(paths.filter((name) => name !== 'stats')).toEqual(['push']);
  });

  it('needs the admin PIN after the window, then updates OPSCOM all the same', async () => {
    const clock = fixedClock(START);
    kiosk = await startTestKiosk({ clock });
    const sold = value<Sale>(await issue(kiosk, 'LATE8', { method: 'card' }));
    await kiosk.core.idle();
    clock.advance(15);

    const refused = refusal(await fix(kiosk, sold.ticketNumber, 'LATE9'));
    expect(refused).toMatchObject({ code: 'not-allowed', field: 'adminPin', problem: { code: 'plate-fix-needs-pin' } });
    expect(refused.message).toBe(
      'This permit was issued more than 15 min ago: correcting its plate needs the admin PIN.',
    );
    expect(refusal(await fix(kiosk, sold.ticketNumber, 'LATE9', { adminPin: '0000' })).problem?.code).toBe('pin-wrong');
    value(await fix(kiosk, sold.ticketNumber, 'LATE9', { adminPin: TEST_ADMIN_PIN }));
    await kiosk.core.idle();
    expect(kiosk.sandbox.permits()).toMatchObject([{ plate: 'LATE9' }]);
    const audit = value<{ csv: string }>(await kiosk.core.dispatch('audit:export-csv', {})).csv;
    expect(audit).toContain('plate LATE8 → LATE9 (after the window, with the admin PIN)');
  });

  it('follows the window a supervisor sets: 0 minutes puts every plate fix behind the PIN', async () => {
    kiosk = await startTestKiosk();
    const sold = value<Sale>(await issue(kiosk, 'WIN8', { method: 'card' }));
    const view = value<SettingsView>(
      await kiosk.core.dispatch('settings:update', { adminPin: TEST_ADMIN_PIN, changes: { plateFixWindowMinutes: 0 } }),
    );
    expect(view).toMatchObject({ plateFixWindowMinutes: 0, refundPinAboveCents: 2000, drawerToleranceCents: 500 });
    expect(refusal(await fix(kiosk, sold.ticketNumber, 'WIN9')).problem).toEqual({
      code: 'plate-fix-needs-pin',
      params: { minutes: 0 },
    });
    const badSetting = await kiosk.core.dispatch('settings:update', {
      adminPin: TEST_ADMIN_PIN,
      changes: { drawerToleranceCents: -1 },
    });
    expect(refusal(badSetting).problem?.code).toBe('drawer-tolerance-range');
  });
});
