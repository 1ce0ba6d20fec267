import { useState } from 'react';
import type { CountResult, DrawerStatus } from '../../../../shared/money/ledger-entries';
import { centsOfDigits, countedTotal, countOfText, countRows, denominationLabel } from './drawer-arithmetic';
import type { DrawerStep } from './drawer-slice';
import { useT } from '../../i18n/useT';
import { useKiosk } from '../../app/store';
import { AmountPad } from './AmountPad';
import { KeyboardField } from '../keyboard/KeyboardField';
import { verdict } from './MoneyReport';
import { PinInput } from '../admin-pin/PinInput';

/** The drawer as the attendant may see it before the count: the float and how many paid-outs and drops. */
export function DrawerLine({ drawer }: { drawer: DrawerStatus }) {
  const { t, money } = useT();
  return (
    <dl className="details drawer-line" aria-label={t.drawerTitle}>
      <div className="detail-row">
        <dt>{t.drawerFloat}</dt>
        <dd data-testid="drawer-float">
          {drawer.floatCents === null ? t.drawerNoFloat : money(drawer.floatCents, drawer.currency)}
        </dd>
      </div>
      <div className="detail-row">
        <dt>{t.drawerPaidOuts}</dt>
        <dd data-testid="drawer-paid-outs">{drawer.paidOuts}</dd>
      </div>
      <div className="detail-row">
        <dt>{t.drawerDrops}</dt>
        <dd data-testid="drawer-drops">{drawer.drops}</dd>
      </div>
    </dl>
  );
}

/** A paid-out or a drop to the safe: the amount on the number keys, a reason on the text keys, then Confirm. */
export function MoveForm({ step }: { step: Extract<DrawerStep, { kind: 'paid-out' | 'drop' }> }) {
  const { t, money } = useT();
  const currency = useKiosk((s) => s.drawer?.currency ?? 'CAD');
  const digits = useKiosk((s) => s.moveDigits);
  const reason = useKiosk((s) => s.moveReason);
  const moving = useKiosk((s) => s.inFlight.drawerMove);
  const { setMoveDigits, setMoveReason, moveCash, closeDrawerStep } = useKiosk.getState();
  const cents = centsOfDigits(digits);
  const ready = cents > 0 && reason.trim() !== '';
  const amount = money(cents, currency);
  const title = step.kind === 'paid-out' ? t.paidOutTitle : t.dropTitle;
  return (
    <section className="drawer-form" aria-label={title}>
      <h2 className="drawer-form__title">{title}</h2>
      <div className="drawer-form__body">
        <AmountPad digits={digits} onDigits={setMoveDigits} currency={currency} label={t.amount} />
        <div className="drawer-form__side">
          <label className="field__label" htmlFor="drawer-move-reason">
            {t.reason}
          </label>
          <KeyboardField
            id="drawer-move-reason"
            className="text-input"
            keyboard="text"
            keyboardLabel={t.keyboardFor(t.reason)}
            autoComplete="off"
            spellCheck={false}
            maxLength={200}
            value={reason}
            onValue={setMoveReason}
          />
          {!ready && <p className="hint">{t.moveNeeds}</p>}
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              aria-busy={moving}
              disabled={!ready || moving}
              onClick={() => void moveCash()}
            >
              {moving ? t.savingDrawer : step.kind === 'paid-out' ? t.confirmPaidOut(amount) : t.confirmDrop(amount)}
            </button>
            <button type="button" className="button button--secondary" disabled={moving} onClick={closeDrawerStep}>
              {t.back}
            </button>
          </div>
        </div>
      </div>
    </section>
  );
}

/**
 * The blind count: one row per note and coin, largest first, with − and + and a count to type. The attendant's
 * own total shows as they go; the expected cash does not, until main has the count.
 */
export function CountStep({ drawer }: { drawer: DrawerStatus }) {
  const { t, money, lang } = useT();
  const counts = useKiosk((s) => s.counts);
  const counting = useKiosk((s) => s.inFlight.drawerCount);
  const { setCount, countDrawer, cancelCloseShift } = useKiosk.getState();
  const rows = countRows(drawer.denominations, counts);
  const total = countedTotal(drawer.denominations, counts);
  return (
    <section className="count-step" aria-label={t.countTitle}>
      <h2 className="drawer-form__title">{t.countTitle}</h2>
      <p className="count-step__intro">{t.countIntro}</p>
      <ul className="count-grid">
        {rows.map((row) => {
          const label = denominationLabel(row.cents, lang);
          return (
            <li key={row.cents} className="count-row" data-testid="count-row">
              <span className="count-row__label">{label}</span>
              <button
                type="button"
                className="button button--secondary count-row__step"
                aria-label={t.fewerOf(label)}
                disabled={row.count === 0 || counting}
                onClick={() => setCount(row.cents, row.count - 1)}
              >
                −
              </button>
              <KeyboardField
                className="text-input count-row__input"
                keyboard="number"
                keyboardLabel={t.keyboardFor(t.countOf(label))}
                aria-label={t.countOf(label)}
                inputMode="numeric"
                autoComplete="off"
                maxLength={5}
                value={String(row.count)}
                onValue={(text) => setCount(row.cents, countOfText(text))}
              />
              <button
                type="button"
                className="button button--secondary count-row__step"
                aria-label={t.moreOf(label)}
                disabled={counting}
                onClick={() => setCount(row.cents, row.count + 1)}
              >
                +
              </button>
            </li>
          );
        })}
      </ul>
      <div className="count-step__footer">
        <p className="count-step__total" data-testid="count-total">
          {t.countedSoFar(money(total, drawer.currency))}
        </p>
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            aria-busy={counting}
            disabled={counting}
            onClick={() => void countDrawer()}
          >
            {counting ? t.countChecking : t.countDone}
          </button>
          <button type="button" className="button button--secondary" disabled={counting} onClick={cancelCloseShift}>
            {t.back}
          </button>
        </div>
      </div>
    </section>
  );
}

/**
 * After the count: expected against counted, over or short, large. Within the tolerance the shift closes; beyond
 * it a supervisor enters the admin PIN. Count again goes back to the rows.
 */
export function CountOutcome({ result }: { result: CountResult }) {
  const i18n = useT();
  const { t, money } = i18n;
  const [pin, setPin] = useState('');
  const closing = useKiosk((s) => s.inFlight.shiftClose);
  const { closeShift, countAgain, cancelCloseShift } = useKiosk.getState();
  const close = async () => {
    if (closing || (result.needsPin && !pin)) return;
    // A refused PIN is cleared so the next try starts clean; the reason shows in the alert.
    if (!(await closeShift(result.needsPin ? pin : undefined))) setPin('');
  };
  return (
    <section className="count-outcome" aria-label={t.countResultTitle}>
      <div className="count-outcome__main">
        <h2 className="drawer-form__title">{t.countResultTitle}</h2>
        <dl className="details count-outcome__figures">
          <div className="detail-row">
            <dt>{t.expectedCash}</dt>
            <dd data-testid="count-expected">{money(result.expectedCents, result.currency)}</dd>
          </div>
          <div className="detail-row">
            <dt>{t.countedCash}</dt>
            <dd data-testid="count-counted">{money(result.countedCents, result.currency)}</dd>
          </div>
        </dl>
        <p className={`count-outcome__verdict count-outcome__verdict--${result.outcome}`} data-testid="count-outcome">
          {verdict(i18n, result)}
        </p>
        {result.needsPin && <p className="count-outcome__pin-note">{t.closeNeedsPin}</p>}
        <div className="actions">
          <button
            type="button"
            className="button button--danger"
            aria-busy={closing}
            disabled={closing || (result.needsPin && !pin)}
            onClick={() => void close()}
          >
            {closing ? t.closingShift : result.needsPin ? t.closeWithPin : t.confirmCloseShift}
          </button>
          <button type="button" className="button button--secondary" disabled={closing} onClick={countAgain}>
            {t.countAgain}
          </button>
          <button type="button" className="button button--secondary" disabled={closing} onClick={cancelCloseShift}>
            {t.back}
          </button>
        </div>
      </div>
      {result.needsPin && (
        <div className="drawer-pin">
          <PinInput pin={pin} onPin={setPin} disabled={closing} />
        </div>
      )}
    </section>
  );
}
