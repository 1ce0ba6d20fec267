import { useMemo, useState } from 'react';
import type { KioskInfo } from '../../../shared/domain';
import { normalisePlate } from '../../../shared/plate';
import { PermitCard } from '../components/PermitCard';
import { useT } from '../i18n/useT';
import { activePermits, extendChoices, useKiosk } from '../store';
import { useNow } from '../useNow';

/** "45 min left" moves on its own; a quarter-minute step keeps it honest. */
const TIME_LEFT_REFRESH_MS = 15_000;

export function PermitsScreen({ info }: { info: KioskInfo }) {
  const { t } = useT();
  const now = useNow(TIME_LEFT_REFRESH_MS);
  const permits = useKiosk((s) => s.permits);
  const notice = useKiosk((s) => s.notice);
  const loading = useKiosk((s) => s.inFlight.permits);
  const canChange = useKiosk((s) => s.shift !== null);
  // Normalised as typed, so "abc-12" finds ABC123 just as the plate was stored.
  const [query, setQuery] = useState('');
  // Derived here, not in the selector: a selector returning a fresh array would re-render forever.
  const shown = useMemo(() => activePermits(permits, query), [permits, query]);
  const empty = loading ? t.loading : query ? t.noPermitMatches(query) : t.noActivePermits;

  return (
    <main className="screen permits-screen">
      <h1 className="screen-title">{t.permitsTitle}</h1>
      <div className="search-row">
        <input
          className="search-input"
          type="text"
          aria-label={t.searchByPlate}
          placeholder={t.searchByPlate}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(event) => setQuery(normalisePlate(event.target.value))}
        />
        {query && (
          <button type="button" className="button button--secondary" onClick={() => setQuery('')}>
            {t.clear}
          </button>
        )}
      </div>
      {!canChange && <p className="hint">{t.startShiftToChange}</p>}
      <div className="notice" role="status">
        {notice}
      </div>
      {shown.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <ul className="permit-list">
          {shown.map((permit) => (
            <PermitCard
              key={permit.ticketNumber}
              permit={permit}
              extendChoices={extendChoices(info, permit.zone)}
              canChange={canChange}
              now={now}
            />
          ))}
        </ul>
      )}
    </main>
  );
}
