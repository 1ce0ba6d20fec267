import { useEffect } from 'react';
import type { Occupancy } from '../../../../shared/occupancy/occupancy-view';
import { useT } from '../../i18n/useT';
import { groupByZone } from './occupancy-slice';
import { useKiosk } from '../../app/store';
import { useNow } from '../../ui/useNow';

/** Fresh figures every minute while the screen is up. */
export const OCCUPANCY_REFRESH_MS = 60_000;

/**
 * How fresh the figures are. Offline (OPSCOM did not answer the last ask, or the kiosk knows it is unreachable),
 * it says so with the figures' time and age, or that there are none yet: an empty list is never shown as zero.
 */
function Freshness({ occupancy, offline }: { occupancy: Occupancy; offline: boolean }) {
  const { t, age, end } = useT();
  const now = useNow(15_000);
  const { problem, fetchedAt } = occupancy;
  if (!offline) {
    return <p className="occupancy__fresh">{fetchedAt ? t.figuresFrom(end(fetchedAt, now)) : t.noFiguresYet}</p>;
  }
  return (
    <div className="occupancy__stale" role="status" data-testid="occupancy-stale">
      <p className="occupancy__stale-title">
        {fetchedAt ? t.offlineFiguresAsOf(end(fetchedAt, now), age(fetchedAt, now)) : t.offlineNoFigures}
      </p>
      {problem && <p>{t.problem(problem)}</p>}
    </div>
  );
}

export function OccupancyScreen() {
  const { t } = useT();
  const occupancy = useKiosk((s) => s.occupancy);
  const loading = useKiosk((s) => s.inFlight.occupancy);
  const loadOccupancy = useKiosk((s) => s.loadOccupancy);

  // goTo('occupancy') loads what main has; from then on, ask OPSCOM every minute while shown.
  useEffect(() => {
    const timer = window.setInterval(() => void loadOccupancy(true), OCCUPANCY_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [loadOccupancy]);

  const groups = occupancy ? groupByZone(occupancy.rows) : [];
  const offline = useKiosk((s) => Boolean(s.occupancy?.problem) || s.outbox?.connection === 'offline');

  return (
    <main className="screen occupancy-screen">
      <div className="screen-head">
        <h1 className="screen-title">{t.occupancyTitle}</h1>
        <button
          type="button"
          className="button button--primary"
          aria-busy={loading}
          disabled={loading}
          onClick={() => void loadOccupancy(true)}
        >
          {loading ? t.refreshing : t.refresh}
        </button>
      </div>
      {occupancy && <Freshness occupancy={occupancy} offline={offline} />}
      {!occupancy ? (
        <p className="empty">{loading ? t.loading : t.noFiguresYet}</p>
      ) : occupancy.fetchedAt === null ? null : groups.length === 0 ? (
        // OPSCOM answered and counted none: a real zero, as of the time above.
        <p className="empty">{t.noOccupancyRows}</p>
      ) : (
        <table className="occupancy-table" data-testid="occupancy-table">
          <caption className="occupancy-table__caption">{t.occupancyCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.zone}</th>
              <th scope="col">{t.permitType}</th>
              <th scope="col" className="number">
                {t.count}
              </th>
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.zone} data-testid="occupancy-zone" data-zone={group.zone}>
              {group.rows.map((row, index) => (
                <tr key={`${row.type}-${index}`}>
                  {index === 0 && (
                    <th scope="rowgroup" rowSpan={group.rows.length + 1}>
                      {group.zone}
                    </th>
                  )}
                  <td>{row.type}</td>
                  <td className="number">{row.total}</td>
                </tr>
              ))}
              <tr className="occupancy-table__total">
                <td>{t.total}</td>
                <td className="number" data-testid="occupancy-zone-total">
                  {group.total}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      )}
    </main>
  );
}
