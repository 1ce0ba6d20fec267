import type { KioskApi, KioskTransport } from '../../../../shared/kiosk-api';
import { createDeferredKioskApi } from './deferred-kiosk-api';
import { createStationTransport } from './station-transport';

/**
 * What the Electron preload exposes: the two calls of the contract's API by name, with main's answers and events
 * as they come. The page checks them against the contract itself (below), so the preload carries no schemas.
 */
export interface PreloadKiosk {
  send(channel: string, request: unknown): Promise<unknown>;
  /** Returns the function that removes this listener. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser station. */
    kiosk?: PreloadKiosk;
  }
}

function transport(): KioskTransport {
  const preload = window.kiosk;
  if (!preload) return createStationTransport();
  return {
    invoke: (channel, request) => preload.send(channel, request),
    subscribe: (event, listener) => preload.on(event, listener),
  };
}

/**
 * The renderer's only way to main: the preload's API in Electron, the loopback bridge in the station. Answers and
 * events are checked with the contract's schemas, which load in their own chunk right after the page.
 */
export const kiosk: KioskApi = createDeferredKioskApi(transport(), () =>
  import('../../../../shared/kiosk-api').then((module) => module.createKioskApi),
);
