import { useEffect } from 'react';
import { missingForIssue } from './issue-readiness';
import { useKiosk, type KioskState } from './store';

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
