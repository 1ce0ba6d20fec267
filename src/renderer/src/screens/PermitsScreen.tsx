import { useMemo } from 'react';
import type { KioskInfo } from '../../../shared/domain';
import { PermitCard } from '../components/PermitCard';
import { activePermits, useKiosk } from '../store';

export function PermitsScreen({ info }: { info: KioskInfo }) {
  const permits = useKiosk((s) => s.permits);
  const notice = useKiosk((s) => s.notice);
  const loading = useKiosk((s) => s.inFlight.permits);
  // Derived here, not in the selector: a selector returning a fresh array would re-render forever.
  const active = useMemo(() => activePermits(permits), [permits]);

  return (
    <main className="screen permits-screen">
      <h1 className="screen-title">Active permits</h1>
      <div className="notice" role="status">
        {notice}
      </div>
      {active.length === 0 ? (
        <p className="empty">{loading ? 'Loading…' : 'No active permits.'}</p>
      ) : (
        <ul className="permit-list">
          {active.map((permit) => (
            <PermitCard key={permit.ticketNumber} permit={permit} extendMinutes={info.extendMinutes} />
          ))}
        </ul>
      )}
    </main>
  );
}
