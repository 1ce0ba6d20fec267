import { useEffect } from 'react';
import { kiosk } from './transport/kiosk';
import { useKiosk } from './store';

/** Subscribes to main's events first, then loads, so nothing that changes during start-up is missed. */
export function useKioskSession(): void {
  useEffect(() => {
    const { applyPermit, applyOutbox, applyInfo, applyShift, flush, start } = useKiosk.getState();
    const unsubscribers = [
      kiosk.on('permit:changed', applyPermit),
      kiosk.on('outbox:changed', applyOutbox),
      kiosk.on('kiosk:changed', applyInfo),
      kiosk.on('shift:changed', applyShift),
    ];
    // The page often notices the network before main's next probe does; a hint lets waiting actions go now.
    const onOnline = () => void flush('online');
    window.addEventListener('online', onOnline);
    void start();
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
      window.removeEventListener('online', onOnline);
    };
  }, []);
}
