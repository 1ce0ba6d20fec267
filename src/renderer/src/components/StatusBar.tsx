import type { ConnectionState, KioskInfo } from '../../../shared/domain';
import { useKiosk } from '../store';

const CONNECTION_TEXT = { online: 'Online', offline: 'Offline', unknown: 'Checking…' } as const;
/** A shape as well as a colour, so the state reads in glare and for colour-blind attendants. */
const CONNECTION_MARK = { online: '●', offline: '✕', unknown: '…' } as const;

function ConnectionIndicator({ connection }: { connection: ConnectionState | null }) {
  const state = connection?.state ?? 'unknown';
  return (
    <div className={`connection connection--${state}`} role="status" data-testid="connection">
      <span className="connection__mark" aria-hidden="true">
        {CONNECTION_MARK[state]}
      </span>
      <span>{CONNECTION_TEXT[state]}</span>
    </div>
  );
}

export function StatusBar({ info }: { info: KioskInfo }) {
  const connection = useKiosk((s) => s.connection);
  const screen = useKiosk((s) => s.screen);
  const goTo = useKiosk((s) => s.goTo);

  return (
    <header className="status-bar">
      <div className="status-bar__kiosk">
        <span className="status-bar__name">{info.kioskName}</span>
        <span className="status-bar__id">{info.kioskId}</span>
      </div>
      {info.demoMode && <div className="demo-badge">DEMO — built-in sandbox</div>}
      <ConnectionIndicator connection={connection} />
      <nav className="status-bar__nav" aria-label="Screens">
        <button
          type="button"
          className="button button--nav"
          aria-current={screen === 'issue' ? 'page' : undefined}
          onClick={() => goTo('issue')}
        >
          Issue
        </button>
        <button
          type="button"
          className="button button--nav"
          aria-current={screen === 'permits' ? 'page' : undefined}
          onClick={() => goTo('permits')}
        >
          Active permits
        </button>
      </nav>
    </header>
  );
}
