import { useEffect } from 'react';
import { kiosk } from './kiosk';
import { useKiosk } from './store';

/** Subscribes to main's events first, then loads, so nothing that changes during start-up is missed. */
export function useKioskSession(): void {
  useEffect(() => {
    const { applyPermit, applyConnection, start } = useKiosk.getState();
    const unsubscribers = [kiosk.on('permit:changed', applyPermit), kiosk.on('connection:changed', applyConnection)];
    void start();
    return () => {
      for (const unsubscribe of unsubscribers) unsubscribe();
    };
  }, []);
}
