import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../log';
import type { KioskServices } from '../services';
import { kioskHandlers } from './kiosk';

/** A handler file needs only the services it uses: no core, no sandbox, no disk. */
function services(print?: () => Promise<boolean>): KioskServices {
  return { log: createLogger(() => undefined), print } as unknown as KioskServices;
}

describe('kiosk:print', () => {
  it('says whether the app printed, only once it has', async () => {
    const print = vi.fn(async () => false);
    expect(await kioskHandlers(services(print))['kiosk:print']({ what: 'receipt' })).toEqual({
      printedBy: 'app',
      ok: false,
    });
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('leaves printing to the browser where the platform has no printer, claiming nothing', async () => {
    expect(await kioskHandlers(services())['kiosk:print']({ what: 'shift-summary' })).toEqual({ printedBy: 'browser' });
  });
});
