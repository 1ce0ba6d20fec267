import { net } from 'electron';
import type { KioskCore } from '../core/host/kiosk-core';

/**
 * Electron's view of the network, polled: `false` is reliable, `true` only says a network exists, so the core
 * treats it as a hint to try now (the real test is a request to OPSCOM).
 */
export function watchOnline(core: KioskCore, everyMs = 5000): () => void {
  let last = net.isOnline();
  const timer = setInterval(() => {
    const online = net.isOnline();
    if (online !== last) core.networkChanged(online);
    last = online;
  }, everyMs);
  return () => clearInterval(timer);
}
