import { useEffect } from 'react';
import { useKiosk } from './store';

/**
 * Marks on-screen controls (plate keys, zone and duration choices) that a keyboard user may have focused by
 * tapping: there Enter means "Issue permit" and Space is just part of a typed plate.
 */
export const TYPING_AREA_ATTRIBUTE = 'data-typing-area';

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

/** Booths often have a USB keyboard: letters and digits type the plate, Backspace deletes, Enter issues. */
export function usePhysicalKeyboard(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      const state = useKiosk.getState();
      if (state.screen !== 'issue' || !state.info) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isTextEntry(event.target)) return;

      if (/^[A-Za-z0-9]$/.test(event.key)) {
        event.preventDefault();
        state.typeCharacter(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        state.backspace();
      } else if (event.key === ' ' && isInTypingArea(event.target)) {
        // People type "ABC 123"; the space must not "click" the plate key that was tapped last.
        event.preventDefault();
      } else if (event.key === 'Enter' && !event.repeat && !isOwnActionButton(event.target)) {
        // preventDefault stops a focused plate key from also "clicking" itself.
        event.preventDefault();
        void state.issue();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
