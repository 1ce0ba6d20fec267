import { useEffect } from 'react';
import { isDrawerPending, isFloatStepShown } from '../drawer/drawer-slice';
import { missingForIssue } from '../issue/issue-readiness';
import { useKiosk, type KioskState } from '../../app/store';
import { onlyMatch, openDetails } from '../permits/permit-list';

/**
 * Marks on-screen controls (plate keys, zone and duration choices) that a keyboard user may have focused by
 * tapping: there Enter means "Issue permit" and Space is just part of a typed plate.
 */
export const TYPING_AREA_ATTRIBUTE = 'data-typing-area';
/** Marks the Start shift name field, where typed keys go when nothing else takes them. */
export const ATTENDANT_FIELD_ATTRIBUTE = 'data-attendant-field';

function isTextEntry(target: EventTarget | null): boolean {
  if (target instanceof HTMLInputElement) return !target.readOnly;
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLElement && target.isContentEditable);
}

function isInTypingArea(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${TYPING_AREA_ATTRIBUTE}]`) !== null;
}

/** A focused action button (Clear, nav, Dismiss…) should do its own thing on Enter, not issue a permit. */
function isOwnActionButton(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('button') !== null && !isInTypingArea(target);
}

/** The Start shift screen is up: where the issue screen would be, or on Shift with no closed summary to show. */
export function isStartShiftShown(state: KioskState): boolean {
  if (state.shift || !state.shiftLoaded) return false;
  return (
    state.screen === 'issue' || state.screen === 'confirmation' || (state.screen === 'shift' && !state.closedShift)
  );
}

/** A permit's row on Active permits: Enter on it opens that permit, which costs nothing if it was a stray key. */
function isPermitRow(target: EventTarget | null): boolean {
  const element = target as Partial<Element> | null;
  return typeof element?.closest === 'function' && element.closest('[data-testid="permit-row"]') !== null;
}

/** Keys typed while a permit's details are open, not yet ended by an Enter: a scan that arrived too late. */
let strayTyping = false;

/** The keys of Active permits, as the window sees them (exported for its unit test). */
export type PermitsKey = Pick<KeyboardEvent, 'key' | 'repeat' | 'target' | 'preventDefault'>;

/**
 * Active permits: letters and digits go to the plate search, Backspace deletes, Escape clears it (or closes the
 * open details). Enter opens the permit when the search leaves exactly one. A scanner types a plate, then Enter,
 * and people type "ABC 123": so once a search is typed, Space and Enter never press the focused button (Clear, a
 * key, a screen) — Enter on a row still opens that row. With the search empty, and in the details, Space and Enter
 * press the focused button as anywhere else (a keyboard user's Extend or Confirm), except right after typing that
 * the details ignored: that Enter is the end of a scan, not an answer to the step.
 */
export function onPermitsKey(event: PermitsKey, state: KioskState): void {
  const details = openDetails(state.permits, state.openPermit) !== null;
  const character = /^[A-Za-z0-9]$/.test(event.key);
  if (details && state.plateFix?.ticketNumber === state.openPermit) {
    // The details' "Fix plate" step: a keyboard or a scanner types the new plate; Escape closes the step. Right
    // after typing, Space and Enter (a scan's "ABC 123", its closing Enter) press no focused button.
    if (character) {
      event.preventDefault();
      strayTyping = true;
      state.typePlateFix(event.key);
    } else if (event.key === 'Backspace') {
      event.preventDefault();
      state.backspacePlateFix();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      strayTyping = false;
      state.closePlateFix();
    } else if ((event.key === 'Enter' || event.key === ' ') && strayTyping) {
      event.preventDefault();
      if (event.key === 'Enter') strayTyping = false;
    } else if (event.key !== ' ') {
      strayTyping = false;
    }
    return;
  }
  if (details) {
    if (event.key === 'Escape') {
      event.preventDefault();
      strayTyping = false;
      state.closePermitDetails();
    } else if (character) {
      // Typing waits while the details are open: nothing half-confirmed is lost to a stray scan.
      strayTyping = true;
    } else if ((event.key === 'Enter' || event.key === ' ') && strayTyping) {
      event.preventDefault();
      if (event.key === 'Enter') strayTyping = false;
    } else if (event.key !== ' ') {
      strayTyping = false;
    }
    return;
  }
  strayTyping = false;
  if (character) {
    event.preventDefault();
    state.typePermitSearch(event.key);
  } else if (event.key === 'Backspace') {
    event.preventDefault();
    state.backspacePermitSearch();
  } else if (event.key === 'Escape') {
    event.preventDefault();
    state.clearPermitSearch();
  } else if (event.key === 'Enter') {
    const match = event.repeat ? null : onlyMatch(state.permits, state.permitSearch);
    if (match) {
      event.preventDefault();
      state.openPermitDetails(match.ticketNumber);
    } else if (state.permitSearch !== '' && !isPermitRow(event.target)) {
      event.preventDefault();
    }
  } else if (event.key === ' ' && state.permitSearch !== '') {
    event.preventDefault();
  }
}

/**
 * Booths often have a USB keyboard or a badge scanner (which types, then presses Enter). On the issue screen
 * letters and digits type the plate, Backspace deletes, Enter issues when nothing is missing, and no key presses
 * a focused button; on Start shift they go to the name field.
 */
export function usePhysicalKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const state = useKiosk.getState();
      if (!state.info) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTextEntry(event.target)) return;

      if (isStartShiftShown(state)) {
        // Send the key to the name field: focused now, it receives this very key (any letter, é included).
        // A space on a focused button other than a key still presses that button.
        const field = document.querySelector<HTMLInputElement>(`[${ATTENDANT_FIELD_ATTRIBUTE}]`);
        const printable = event.key.length === 1 && (event.key !== ' ' || !isOwnActionButton(event.target));
        if (field && (printable || event.key === 'Backspace')) {
          field.focus();
          return;
        }
        if (event.key === 'Enter' && !event.repeat && !isOwnActionButton(event.target)) {
          event.preventDefault();
          void state.startShift();
        }
        return;
      }

      // The float step (or the wait for the drawer) stands where Issue and Active permits would be: nothing is
      // typed, opened or issued behind it.
      if (isFloatStepShown(state) || isDrawerPending(state)) return;
      if (state.screen === 'permits') {
        onPermitsKey(event, state);
        return;
      }
      if (state.screen !== 'issue') return;
      if (state.issueStep) {
        // A check is open: it is answered with its own buttons; Escape is "Fix plate" / "Back".
        if (event.key === 'Escape') {
          event.preventDefault();
          state.closeIssueStep();
        }
        return;
      }

      // Keys go to the plate and never press a button: a scanner's space after a tap on Clear must not clear
      // again, and its Enter issues only when nothing is missing.
      if (/^[A-Za-z0-9]$/.test(event.key)) {
        event.preventDefault();
        state.typeCharacter(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        state.backspace();
      } else if (event.key === ' ') {
        event.preventDefault();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (!event.repeat && missingForIssue(state).length === 0) void state.issue();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
