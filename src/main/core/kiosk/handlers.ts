import type { Handlers } from '../channels/dispatch';
import { printJob } from '../printing/print-job';
import type { KioskServices } from '../channels/services';

type KioskChannels = 'kiosk:info' | 'kiosk:connection' | 'kiosk:print' | 'kiosk:printers' | 'kiosk:set-language';

/** What the kiosk is, how its connection stands, printing, and the screen's language. */
export function kioskHandlers(k: KioskServices): Pick<Handlers, KioskChannels> {
  return {
    'kiosk:info': () => k.info(),
    'kiosk:connection': () => k.connection.current(),
    'kiosk:print': async ({ what }) => {
      // The station's page prints through its own browser: nothing has printed yet, so nothing is claimed.
      if (!k.print) return { printedBy: 'browser' };
      // A chosen printer prints with no dialog, on a page the roll's width (src/main/core/printing/print-job.ts).
      const ok = await k.print(printJob(k.settings.current));
      k.log.info(`Printed the ${what}: ${ok ? 'sent to the printer' : 'cancelled or failed'}.`);
      return { printedBy: 'app', ok };
    },
    'kiosk:printers': async () => {
      if (!k.printers) return { printers: [], source: 'browser' };
      const printers = await k.printers();
      return {
        printers: printers.map(({ name, displayName, isDefault }) => ({ name, displayName, isDefault })),
        source: 'app',
      };
    },
    'kiosk:set-language': ({ language }) => {
      k.settings.update({ language });
      k.events.emit('kiosk:changed', k.info());
      return k.info();
    },
  };
}
