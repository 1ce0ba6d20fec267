import type { KioskInfo, OutboxStatus } from '../../../shared/domain';
import { useKiosk, type Screen } from '../store';
import { OutboxSummary } from './OutboxSummary';

const CONNECTION_TEXT = { online: 'Online', offline: 'Offline', unknown: 'Checking…' } as const;
/** A shape as well as a colour, so the state reads in glare and for colour-blind attendants. */
const CONNECTION_MARK = { online: '●', offline: '✕', unknown: '…' } as const;

function ConnectionIndicator({ outbox }: { outbox: OutboxStatus | null }) {
  const state = outbox?.connection ?? 'unknown';
  return (
    <div className={`connection connection--${state}`} role="status" data-testid="connection">
      <span className="connection__mark" aria-hidden="true">
        {CONNECTION_MARK[state]}
      </span>
      <span>{CONNECTION_TEXT[state]}</span>
    </div>
  );
}

const NAV: { screen: Exclude<Screen, 'confirmation'>; label: string }[] = [
  { screen: 'issue', label: 'Issue' },
  { screen: 'permits', label: 'Active permits' },
  { screen: 'queue', label: 'Queue' },
];

export function StatusBar({ info }: { info: KioskInfo }) {
  const outbox = useKiosk((s) => s.outbox);
  const screen = useKiosk((s) => s.screen);
  const goTo = useKiosk((s) => s.goTo);

  return (
    <header className="status-bar">
      <div className="status-bar__kiosk">
        <span className="status-bar__name">{info.kioskName}</span>
        <span className="status-bar__id">{info.kioskId}</span>
      </div>
      {info.demoMode && <div className="demo-badge">DEMO — built-in sandbox</div>}
      <ConnectionIndicator outbox={outbox} />
      {outbox && <OutboxSummary outbox={outbox} onOpenQueue={() => goTo('queue')} />}
      <nav className="status-bar__nav" aria-label="Screens">
        {NAV.map((item) => (
          <button
            key={item.screen}
            type="button"
            className="button button--nav"
            aria-current={screen === item.screen ? 'page' : undefined}
            onClick={() => goTo(item.screen)}
          >
            {item.label}
          </button>
        ))}
      </nav>
    </header>
  );
}

/** Credentials refused: nothing leaves the kiosk until a supervisor acts, so it must not be missed. */
export function PausedBanner() {
  const paused = useKiosk((s) => s.outbox?.paused ?? null);
  if (!paused) return null;
  return (
    <div className="paused-banner" role="alert" data-testid="outbox-paused">
      <span className="paused-banner__mark" aria-hidden="true">
        ■
      </span>
      <p>
        <strong>Sending is paused:</strong> {paused.reason} Ask a supervisor.
      </p>
    </div>
  );
}
