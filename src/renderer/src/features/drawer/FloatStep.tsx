import { useKiosk } from '../../app/store';
import { useT } from '../../i18n/useT';
import { AmountPad } from './AmountPad';
import { centsOfDigits, FLOAT_CHOICES } from './drawer-arithmetic';

/**
 * Right after Start shift, before the first sale: the cash the drawer starts with (its float), one tap for the
 * usual amounts or typed on the number keys, then Confirm. Main takes it once, before any cash moves.
 */
export function FloatStep() {
  const { t, money } = useT();
  const currency = useKiosk((s) => s.drawer?.currency ?? 'CAD');
  const digits = useKiosk((s) => s.floatDigits);
  const saving = useKiosk((s) => s.inFlight.drawerOpen);
  const { setFloatDigits, declareFloat } = useKiosk.getState();
  const cents = centsOfDigits(digits);
  return (
    <main className="screen float-step">
      <h1 className="screen-title">{t.floatTitle}</h1>
      <p className="float-step__intro">{t.floatIntro}</p>
      <div className="float-step__body">
        <div className="float-step__side">
          <div className="float-step__choices" role="group" aria-label={t.floatChoices}>
            {FLOAT_CHOICES.map((choice) => (
              <button
                key={choice}
                type="button"
                className="button button--secondary float-step__choice"
                aria-pressed={cents === choice}
                disabled={saving}
                onClick={() => setFloatDigits(String(choice))}
              >
                {choice === 0 ? t.floatEmpty(money(0, currency)) : money(choice, currency)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button--primary float-step__confirm"
            aria-busy={saving}
            disabled={saving}
            onClick={() => void declareFloat(cents)}
          >
            {saving ? t.savingDrawer : t.confirmFloat(money(cents, currency))}
          </button>
        </div>
        <AmountPad digits={digits} onDigits={setFloatDigits} currency={currency} label={t.floatAmount} />
      </div>
    </main>
  );
}
