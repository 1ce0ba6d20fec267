import { describe, expect, it } from 'vitest';
import { problemText } from '../../../shared/errors/problems';
import { settingFields } from '../../../shared/settings/setting-fields';
import { SettingsSchema } from '../settings/stored-settings';

const refusal = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe('the update settings', () => {
  it('are off by default: no feed, no maintenance hour', () => {
    expect(SettingsSchema.parse({})).toMatchObject({ updateFeedUrl: '', maintenanceHour: null });
  });

  it('take an https feed or nothing, and refuse anything else with words in both languages', () => {
    expect(settingFields.updateFeedUrl.parse(' https://updates.example/kiosk/ ')).toBe(
      'https://updates.example/kiosk/',
    );
    expect(settingFields.updateFeedUrl.parse('')).toBe('');
    for (const bad of ['http://updates.example/', 'updates.example', 'https://user:pw@updates.example/', 'file:///x']) {
      expect(refusal(settingFields.updateFeedUrl.safeParse(bad)), bad).toBe('update-feed-url-format');
    }
    expect(problemText('fr-CA', { code: 'update-feed-url-format' })).toMatch(/^La source des mises à jour/);
  });

  it('take a maintenance hour from 0 to 23, or none', () => {
    expect(settingFields.maintenanceHour.parse(0)).toBe(0);
    expect(settingFields.maintenanceHour.parse(23)).toBe(23);
    expect(settingFields.maintenanceHour.parse(null)).toBeNull();
    for (const bad of [-1, 24, 2.5]) {
      expect(refusal(settingFields.maintenanceHour.safeParse(bad)), String(bad)).toBe('maintenance-hour-range');
    }
    expect(problemText('en-CA', { code: 'maintenance-hour-range' })).toBe(
      'A maintenance hour is from 0 to 23, or none.',
    );
  });
});
