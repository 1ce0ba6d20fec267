import type { KioskInfo } from '../../../shared/kiosk/kiosk-info-view';
import type { AdminPin } from '../settings/admin-pin';
import type { ControllerLink } from '../opscom/controller-link';
import type { LiveSettings } from '../settings/live-settings';
import { priceCents, type RateTable } from '../permits/pricing';

/** What the page shows about this kiosk: its name, mode, zones with their priced presets, and the PIN's state. */
export function kioskInfo(parts: {
  settings: LiveSettings;
  controller: ControllerLink;
  pin: AdminPin;
  rates: RateTable;
}): KioskInfo {
  const { settings, controller, pin, rates } = parts;
  return {
    kioskId: settings.current.kioskId ?? '',
    kioskName: settings.current.kioskName,
    demoMode: controller.isDemo,
    controllerHost: controller.host,
    extendMinutes: rates.extendMinutes,
    language: settings.current.language,
    idleResetSeconds: settings.current.idleResetSeconds,
    adminPin: pin.state,
    homeRegions: settings.current.homeRegions,
    refundPinAboveCents: settings.current.refundPinAboveCents,
    receiptWidth: settings.current.receiptWidth,
    plateFixWindowMinutes: settings.current.plateFixWindowMinutes,
    zones: rates.zones.map((zone) => ({
      name: zone.name,
      currency: zone.currency,
      presets: zone.presets.map((minutes) => ({ minutes, cents: priceCents(zone, minutes) })),
    })),
  };
}
