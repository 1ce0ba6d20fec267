import { createKioskApi, type KioskApi } from '../../shared/kiosk-api';
import { createStationTransport } from './station-transport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser station. */
    kiosk?: KioskApi;
  }
}

/** The renderer's only way to main: the preload's API in Electron, the loopback bridge in the station. */
export const kiosk: KioskApi = window.kiosk ?? createKioskApi(createStationTransport());
