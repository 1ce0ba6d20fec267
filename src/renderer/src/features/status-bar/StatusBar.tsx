import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { OutboxStatus } from '../../../../shared/outbox/outbox-view';
import type { Catalog } from '../../i18n/catalog';
import { useT } from '../../i18n/useT';
import type { NavScreen } from '../../app/navigation-slice';
import { useKiosk } from '../../app/store';
import { OutboxSummary } from '../queue/OutboxSummary';
import { StorageIndicator } from './StorageIndicator';

/** A shape as well as a colour, so the state reads in glare and for colour-blind attendants. */
const CONNECTION_MARK = { online: '●', offline: '✕', unknown: '…' } as const;
const CONNECTION_TEXT = {
  online: 'connectionOnline',
  offline: 'connectionOffline',
  unknown: 'connectionUnknown',
} as const satisfies Record<string, keyof Catalog>;

function ConnectionIndicator({ outbox }: { outbox: OutboxStatus | null }) {
  const { t } = useT();
  const state = outbox?.connection ?? 'unknown';
  return (
    <div className={`connection connection--${state}`} role="status" data-testid="connection">
      <span className="connection__mark" aria-hidden="true">
        {CONNECTION_MARK[state]}
      </span>
      <span>{t[CONNECTION_TEXT[state]]}</span>
    </div>
  );
}

const NAV = [
  { screen: 'issue', label: 'navIssue' },
  { screen: 'permits', label: 'navPermits' },
  { screen: 'queue', label: 'navQueue' },
  { screen: 'shift', label: 'navShift' },
  { screen: 'occupancy', label: 'navOccupancy' },
  { screen: 'settings', label: 'navSettings' },
] as const satisfies readonly { screen: NavScreen; label: keyof Catalog }[];

/** Shows the other language's code ("FR" while English is on); one tap switches every screen. */
function LanguageButton() {
  const { t } = useT();
  const toggle = useKiosk((s) => s.toggleLanguage);
  return (
    <button
      type="button"
      className="button button--language"
      aria-label={t.languageLabel}
      onClick={() => void toggle()}
    >
      {t.languageSwitch}
    </button>
  );
}

export function StatusBar({ info }: { info: KioskInfo }) {
  const { t } = useT();
  const outbox = useKiosk((s) => s.outbox);
  const screen = useKiosk((s) => s.screen);
  const shift = useKiosk((s) => s.shift);
  const goTo = useKiosk((s) => s.goTo);

  return (
    <header className="status-bar">
      <div className="status-bar__row">
        <div className="status-bar__kiosk">
          <span className="status-bar__name">{info.kioskName}</span>
          <span className="status-bar__id">{info.kioskId}</span>
        </div>
        {info.demoMode && <div className="demo-badge">{t.demoBadge}</div>}
        <ConnectionIndicator outbox={outbox} />
        <StorageIndicator storage={outbox?.storage} />
        {outbox && <OutboxSummary outbox={outbox} onOpenQueue={() => goTo('queue')} />}
        <LanguageButton />
      </div>
      <div className="status-bar__row status-bar__row--nav">
        <span className="status-bar__shift" data-testid="shift-attendant">
          {shift ? t.attendantOnShift(shift.attendant) : t.noShift}
        </span>
        <nav className="status-bar__nav" aria-label={t.navLabel}>
          {NAV.map((item) => (
            <button
              key={item.screen}
              type="button"
              className="button button--nav"
              aria-current={screen === item.screen ? 'page' : undefined}
              onClick={() => goTo(item.screen)}
            >
              {t[item.label]}
            </button>
          ))}
        </nav>
      </div>
    </header>
  );
}
