import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyRuns } from '../../../testing/property-runs';
import { updateDecision, type UpdateGate } from './update-policy';

const at = (iso: string): Date => new Date(iso);
const base: UpdateGate = {
  shiftOpen: false,
  waiting: 0,
  attention: 0,
  now: at('2026-03-10T14:30:00Z'),
  maintenanceHour: null,
  timeMode: 'utc',
};

describe('updateDecision', () => {
  it('installs when no shift is open and the outbox is empty', () => {
    expect(updateDecision(base)).toEqual({ install: true, why: 'booth-idle' });
  });

  it('waits while a shift is open, or while something needs a person, outside the maintenance hour', () => {
    expect(updateDecision({ ...base, shiftOpen: true })).toEqual({ install: false, why: 'shift-open' });
    expect(updateDecision({ ...base, attention: 2 })).toEqual({ install: false, why: 'needs-attention' });
    expect(updateDecision({ ...base, shiftOpen: true, maintenanceHour: 3 })).toEqual({
      install: false,
      why: 'shift-open',
    });
  });

  it('installs at the maintenance hour, shift open or not, for the whole hour only', () => {
    const open = { ...base, shiftOpen: true, attention: 1, maintenanceHour: 3 };
    expect(updateDecision({ ...open, now: at('2026-03-10T03:00:00Z') })).toEqual({
      install: true,
      why: 'maintenance-hour',
    });
    expect(updateDecision({ ...open, now: at('2026-03-10T03:59:59Z') }).install).toBe(true);
    expect(updateDecision({ ...open, now: at('2026-03-10T02:59:59Z') }).install).toBe(false);
    expect(updateDecision({ ...open, now: at('2026-03-10T04:00:00Z') }).install).toBe(false);
  });

  it('reads the maintenance hour on the local clock unless told UTC', () => {
    const now = at('2026-03-10T03:30:00Z');
    const local = updateDecision({
      ...base,
      shiftOpen: true,
      now,
      maintenanceHour: now.getHours(),
      timeMode: undefined,
    });
    expect(local).toEqual({ install: true, why: 'maintenance-hour' });
  });

  it('never installs while an action waits, whatever else is true', () => {
    expect(updateDecision({ ...base, waiting: 1 })).toEqual({ install: false, why: 'actions-waiting' });
    fc.assert(
      fc.property(
        fc.record({
          shiftOpen: fc.boolean(),
          waiting: fc.integer({ min: 1, max: 10_000 }),
          attention: fc.integer({ min: 0, max: 100 }),
          now: fc.date({ min: at('2000-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z'), noInvalidDate: true }),
          maintenanceHour: fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
          timeMode: fc.constantFrom('local' as const, 'utc' as const),
        }),
        (gate) => {
          expect(updateDecision(gate)).toEqual({ install: false, why: 'actions-waiting' });
        },
      ),
      { numRuns: propertyRuns(1000) },
    );
  });

  it('with nothing waiting, installs exactly when idle or in the maintenance hour', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 23 }),
        fc.option(fc.integer({ min: 0, max: 23 }), { nil: null }),
        (shiftOpen, attention, hour, maintenanceHour) => {
          const now = at(`2026-03-10T${String(hour).padStart(2, '0')}:15:00Z`);
          const decision = updateDecision({ ...base, shiftOpen, attention, now, maintenanceHour });
          const idle = !shiftOpen && attention === 0;
          expect(decision.install).toBe(idle || maintenanceHour === hour);
        },
      ),
      // fast-check's own default count, through the one setting like every other property.
      { numRuns: propertyRuns(100) },
    );
  });
});
