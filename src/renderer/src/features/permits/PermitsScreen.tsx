import { useId, useMemo } from 'react';
import type { KioskInfo } from '../../../../shared/kiosk/kiosk-info-view';
import type { Permit } from '../../../../shared/permits/permit';
import type { RecordedTender } from '../../../../shared/money/ledger-entries';
import { Dialog } from '../../ui/Dialog';
import { PermitCard } from './PermitCard';
import { PermitRow } from './PermitRow';
import { PlateFixStep } from '../plate-fix/PlateFixStep';
import { PermitPaperActions } from './PermitPaperActions';
import { PlateKeypad } from '../keyboard/PlateKeypad';
import { Receipt } from '../issue/Receipt';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { extendChoices } from './permit-changes';
import { activePermits, openDetails } from './permit-list';
import { useNow } from '../../ui/useNow';

/** One empty list, so the selector's answer stays the same object while nothing is known. */
const NO_TENDERS: RecordedTender[] = [];

/** "45 min left" moves on its own; a quarter-minute step keeps it honest. */
const TIME_LEFT_REFRESH_MS = 15_000;

/** The search line: what was typed (on the keys below or a keyboard), Clear, and the keys shown or hidden. */
function PermitSearch({ keypadId }: { keypadId: string }) {
  const { t } = useT();
  const search = useKiosk((s) => s.permitSearch);
  const keys = useKiosk((s) => s.permitSearchKeys);
  const { clearPermitSearch, togglePermitSearchKeys } = useKiosk.getState();
  return (
    <div className="permits-search">
      {/* Read-only: typing goes through the kiosk's keys or the window key handler, never a soft keyboard. */}
      <input
        className="search-input permits-search__field"
        data-testid="permit-search"
        type="text"
        aria-label={t.searchByPlate}
        placeholder={t.searchByPlate}
        readOnly
        inputMode="none"
        autoComplete="off"
        spellCheck={false}
        value={search}
        onClick={() => {
          if (!keys) togglePermitSearchKeys();
        }}
      />
      <button type="button" className="button button--secondary" disabled={search === ''} onClick={clearPermitSearch}>
        {t.clear}
      </button>
      <button
        type="button"
        className="button button--secondary permits-search__keys"
        aria-expanded={keys}
        aria-controls={keys ? keypadId : undefined}
        onClick={togglePermitSearchKeys}
      >
        <span aria-hidden="true">⌨ </span>
        {t.searchKeys}
      </button>
    </div>
  );
}

/** Over the list: one permit with Extend and Cancel, its sync state and copies, and a clear way back. */
function PermitDetails({
  permit,
  info,
  now,
  canChange,
}: {
  permit: Permit;
  info: KioskInfo;
  now: Date;
  canChange: boolean;
}) {
  const { t } = useT();
  const notice = useKiosk((s) => s.notice);
  const busy = useKiosk((s) => s.inFlight.extend || s.inFlight.cancel || s.inFlight.plateFix);
  const closePermitDetails = useKiosk((s) => s.closePermitDetails);
  const closePlateFix = useKiosk((s) => s.closePlateFix);
  const fixing = useKiosk((s) => s.plateFix?.ticketNumber === permit.ticketNumber);
  const tenders = useKiosk((s) =>
    s.openPermitTenders?.ticketNumber === permit.ticketNumber ? s.openPermitTenders.tenders : NO_TENDERS,
  );
  return (
    <Dialog title={t.permitDetailsTitle(permit.plate)} testId="permit-details" className="permit-details">
      <button
        type="button"
        className="button button--secondary permit-details__close"
        disabled={busy}
        onClick={() => {
          closePlateFix();
          closePermitDetails();
        }}
      >
        <span aria-hidden="true">‹ </span>
        {t.backToList}
      </button>
      <div className="permit-details__body">
        {/* The list's notice is behind the details while they are open: "now ends…" shows here. */}
        <div className="notice" role="status">
          {notice}
        </div>
        {!canChange && <p className="hint">{t.startShiftToChange}</p>}
        {fixing ? (
          <PlateFixStep permit={permit} info={info} />
        ) : (
          <>
            <PermitCard
              permit={permit}
              extendChoices={extendChoices(info, permit.zone)}
              canChange={canChange}
              now={now}
            />
            <PermitPaperActions permit={permit} canChange={canChange} />
          </>
        )}
      </div>
      {/* What "Reprint receipt" prints: this permit as it is now, a corrected plate included. */}
      <Receipt permit={permit} info={info} tenders={tenders} reprint />
    </Dialog>
  );
}

export function PermitsScreen({ info }: { info: KioskInfo }) {
  const { t } = useT();
  const now = useNow(TIME_LEFT_REFRESH_MS);
  const keypadId = useId();
  const permits = useKiosk((s) => s.permits);
  const notice = useKiosk((s) => s.notice);
  const loading = useKiosk((s) => s.inFlight.permits);
  const canChange = useKiosk((s) => s.shift !== null);
  const search = useKiosk((s) => s.permitSearch);
  const keys = useKiosk((s) => s.permitSearchKeys);
  const openPermit = useKiosk((s) => s.openPermit);
  const { openPermitDetails, typePermitSearch, backspacePermitSearch } = useKiosk.getState();
  // Derived here, not in the selector: a selector returning a fresh array would re-render forever.
  const shown = useMemo(() => activePermits(permits, search), [permits, search]);
  const details = useMemo(() => openDetails(permits, openPermit), [permits, openPermit]);
  const empty = loading ? t.loading : search ? t.noPermitMatches(search) : t.noActivePermits;

  return (
    <>
      {/* While the details are open the list behind them takes no taps, focus or keys. */}
      <main className={`screen permits-screen${keys ? ' permits-screen--keys' : ''}`} inert={details !== null}>
        <div className="permits-head">
          <h1 className="screen-title permits-head__title">{t.permitsTitle}</h1>
          <PermitSearch keypadId={keypadId} />
        </div>
        {!canChange && <p className="hint">{t.startShiftToChange}</p>}
        {!details && (
          <div className="notice" role="status">
            {notice}
          </div>
        )}
        <div className="permits-body">
          {shown.length === 0 ? (
            <p className="empty permits-body__list">{empty}</p>
          ) : (
            <ul className="permit-rows permits-body__list" aria-label={t.permitListLabel}>
              {shown.map((permit) => (
                <PermitRow key={permit.ticketNumber} permit={permit} now={now} onOpen={openPermitDetails} />
              ))}
            </ul>
          )}
          {keys && (
            <div id={keypadId} className="permits-body__keys">
              <PlateKeypad onCharacter={typePermitSearch} onBackspace={backspacePermitSearch} />
            </div>
          )}
        </div>
      </main>
      {details && <PermitDetails permit={details} info={info} now={now} canChange={canChange} />}
    </>
  );
}
