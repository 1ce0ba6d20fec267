import { describe, expect, it } from 'vitest';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import { missingForIssue } from './issue-readiness';

const info = {
  zones: [{ name: 'Lot A', currency: 'CAD', presets: [{ minutes: 60, cents: 300 }] }],
} as unknown as KioskInfo;
const ready = { plate: 'ABC123', zone: 'Lot A', presetMinutes: 60, shift: { attendant: 'Zoé' }, info };

describe('what the Issue button still needs', () => {
  it('needs nothing once a shift, a plate, a zone and one of its durations are there', () => {
    expect(missingForIssue(ready)).toEqual([]);
  });

  it('names each missing choice, in the order the screen asks for them', () => {
    expect(missingForIssue({ ...ready, shift: null, plate: '', zone: null, presetMinutes: null })).toEqual([
      'shift',
      'plate',
      'zone',
      'duration',
    ]);
    expect(missingForIssue({ ...ready, plate: '' })).toEqual(['plate']);
    expect(missingForIssue({ ...ready, presetMinutes: null })).toEqual(['duration']);
  });

  it('does not accept a zone or duration the kiosk no longer sells', () => {
    expect(missingForIssue({ ...ready, zone: 'Lot Z' })).toEqual(['zone', 'duration']);
    expect(missingForIssue({ ...ready, presetMinutes: 90 })).toEqual(['duration']);
    expect(missingForIssue({ ...ready, info: null })).toEqual(['zone', 'duration']);
  });
});
