import { useMemo, useState } from 'react';
import type { KioskInfo } from '../../../shared/domain';
import { normalisePlate } from '../../../shared/plate';
import { PermitCard } from '../components/PermitCard';
import { activePermits, useKiosk } from '../store';

export function PermitsScreen({ info }: { info: KioskInfo }) {
  const permits = useKiosk((s) => s.permits);
  const notice = useKiosk((s) => s.notice);
  const loading = useKiosk((s) => s.inFlight.permits);
  // Normalised as typed, so "abc-12" finds ABC123 just as the plate was stored.
  const [query, setQuery] = useState('');
  // Derived here, not in the selector: a selector returning a fresh array would re-render forever.
  const shown = useMemo(() => activePermits(permits, query), [permits, query]);
  const empty = loading ? 'Loading…' : query ? `No active permit with ${query} in its plate.` : 'No active permits.';

  return (
    <main className="screen permits-screen">
      <h1 className="screen-title">Active permits</h1>
      <div className="search-row">
        <input
          className="search-input"
          type="text"
          aria-label="Search by plate"
          placeholder="Search by plate"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(normalisePlate(event.target.value))}
        />
        {query && (
          <button type="button" className="button button--secondary" onClick={() => setQuery('')}>
            Clear
          </button>
        )}
      </div>
      <div className="notice" role="status">
        {notice}
      </div>
      {shown.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="permit-list">
          {shown.map((permit) => (
            <PermitCard key={permit.ticketNumber} permit={permit} extendMinutes={info.extendMinutes} />
          ))}
        </ul>
      )}
    </main>
  );
}
