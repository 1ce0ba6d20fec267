import { useT } from '../../i18n/useT';
import { describeCorrection, describePlate, type PlateCharacter } from './issue-checks';
import { useKiosk } from '../../app/store';
import { Dialog } from '../../ui/Dialog';
import { TenderForm } from '../payment/TenderForm';

/** Each character in a face that tells O from 0, the marked ones underlined and named below (drawn for the eye). */
function PlateCharacters({ characters }: { characters: PlateCharacter[] }) {
  const { t } = useT();
  return characters.map(({ character, kind }, index) => (
    <span key={index} className={`checked-plate__char${kind ? ' is-look-alike' : ''}`} aria-hidden="true">
      <span className="checked-plate__glyph">{character}</span>
      <span className="checked-plate__label">{kind ? t[kind](character) : ''}</span>
    </span>
  ));
}

/** The plate large, in a face that tells O from 0, with every look-alike underlined and named below it. */
export function CheckedPlate({ plate }: { plate: string }) {
  return (
    <div className="checked-plate" data-testid="checked-plate">
      <span className="visually-hidden">{plate}</span>
      <PlateCharacters characters={describePlate(plate)} />
    </div>
  );
}

/**
 * The plate fits a home region's format only with a look-alike swapped: each correction is a one-tap choice that
 * sells it, with the swapped characters named. Keeping the plate as typed stays possible (a car from elsewhere).
 */
function LookAlikeStep({ plate, suggestions }: { plate: string; suggestions: string[] }) {
  const { t } = useT();
  const issuing = useKiosk((s) => s.inFlight.issue);
  const { choosePlate, confirmPlate, closeIssueStep } = useKiosk.getState();
  return (
    <Dialog title={t.lookAlikeTitle} testId="look-alike">
      <p>{t.lookAlikeText}</p>
      <p className="plate-typed" data-testid="typed-plate">
        {t.plateAsTyped} <span className="plate-typed__plate">{plate}</span>
      </p>
      <div className="plate-choices" role="group" aria-label={t.plateCorrections}>
        {suggestions.map((suggestion, index) => (
          <button
            key={suggestion}
            type="button"
            className="button plate-choice"
            disabled={issuing}
            data-autofocus={index === 0 ? true : undefined}
            data-testid="plate-choice"
            onClick={() => void choosePlate(suggestion)}
          >
            <span className="checked-plate plate-choice__plate">
              <PlateCharacters characters={describeCorrection(plate, suggestion)} />
            </span>
            {/* What the tap does, in words: also the button's name (the glyphs above are for the eye). */}
            <span className="plate-choice__caption">{t.useCorrectedPlate(suggestion)}</span>
          </button>
        ))}
      </div>
      <div className="actions dialog__actions">
        <button type="button" className="button button--secondary" onClick={closeIssueStep}>
          {t.fixPlate}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void confirmPlate()}>
          {t.keepTypedPlate(plate)}
        </button>
      </div>
    </Dialog>
  );
}

/** The plate fits no home format and has look-alike characters: read it back against the car, each one named. */
function ReadBackStep({ plate }: { plate: string }) {
  const { t } = useT();
  const { confirmPlate, closeIssueStep } = useKiosk.getState();
  const look = describePlate(plate).flatMap(({ character, kind }) => (kind ? [t[kind](character)] : []));
  return (
    <Dialog title={t.checkPlateTitle} testId="check-plate">
      <p>{t.checkPlateText}</p>
      <CheckedPlate plate={plate} />
      {/* The marks are drawn for the eye; a screen reader hears the same list once. */}
      <p className="visually-hidden">{[...new Set(look)].join(', ')}</p>
      <div className="actions dialog__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={() => void confirmPlate()}>
          {t.plateIsCorrect}
        </button>
        <button type="button" className="button button--secondary" onClick={closeIssueStep}>
          {t.fixPlate}
        </button>
      </div>
    </Dialog>
  );
}

function AlreadyActiveStep() {
  const { t, end } = useT();
  const step = useKiosk((s) => (s.issueStep?.kind === 'already-active' ? s.issueStep : null));
  const issuing = useKiosk((s) => s.inFlight.issue);
  const { issueAnyway, closeIssueStep } = useKiosk.getState();
  if (!step) return null;
  const { permit } = step;
  return (
    <Dialog title={t.alreadyActiveTitle} tone="warning" testId="already-active">
      <p className="dialog__plate">{permit.plate}</p>
      <dl className="details details--compact">
        <div className="detail-row">
          <dt>{t.zone}</dt>
          <dd data-testid="already-active-zone">{permit.zone}</dd>
        </div>
        <div className="detail-row">
          <dt>{t.endsAt}</dt>
          <dd data-testid="already-active-end">{end(permit.endAt)}</dd>
        </div>
        <div className="detail-row">
          <dt>{t.ticket}</dt>
          <dd>{permit.ticketNumber}</dd>
        </div>
      </dl>
      <p>{t.alreadyActiveText}</p>
      {/* Back sits where "Plate is correct" was: a second tap from the step before lands on the safe answer. */}
      <div className="actions dialog__actions">
        <button type="button" className="button button--primary" data-autofocus onClick={closeIssueStep}>
          {t.back}
        </button>
        <button
          type="button"
          className="button button--danger"
          aria-busy={issuing}
          disabled={issuing}
          onClick={() => void issueAnyway()}
        >
          {issuing ? t.issuing : t.issueAnyway}
        </button>
      </div>
    </Dialog>
  );
}

/** The last step before the permit: how the driver pays; the plate stays in view so the wrong car is not sold. */
function TenderStep({ plate, amountCents, currency }: { plate: string; amountCents: number; currency: string }) {
  const { t } = useT();
  const issuing = useKiosk((s) => s.inFlight.issue);
  const { payAndIssue, closeIssueStep } = useKiosk.getState();
  return (
    <Dialog title={t.tenderTitle} testId="tender-step" className="tender-dialog">
      <p className="dialog__plate tender-dialog__plate">{plate}</p>
      <TenderForm
        amountCents={amountCents}
        currency={currency}
        confirmLabel={issuing ? t.issuing : t.confirmPayment}
        busy={issuing}
        onConfirm={(tender) => void payAndIssue(tender)}
        onBack={closeIssueStep}
      />
    </Dialog>
  );
}

/** Whichever check is open between the Issue tap and the permit. */
export function IssueChecks() {
  const step = useKiosk((s) => s.issueStep);
  if (!step) return null;
  // Keyed by kind: the already-active step is a new dialog, which takes the focus again.
  if (step.kind === 'look-alike') {
    return <LookAlikeStep key="look-alike" plate={step.plate} suggestions={step.suggestions} />;
  }
  if (step.kind === 'read-back') return <ReadBackStep key="read-back" plate={step.plate} />;
  if (step.kind === 'tender') {
    return <TenderStep key="tender" plate={step.plate} amountCents={step.amountCents} currency={step.currency} />;
  }
  return <AlreadyActiveStep key="already-active" />;
}
