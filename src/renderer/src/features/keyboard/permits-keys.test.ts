import { beforeEach, describe, expect, it, vi } from 'vitest';
import { kioskInfo, openShift, permit } from '../../testing/fixtures';
import { resetStore, state } from '../../testing/store-harness';

vi.mock('../../app/transport/kiosk', () => import('../../testing/kiosk-mock'));

const { onPermitsKey } = await import('./usePhysicalKeyboard');
type PermitsKey = import('./usePhysicalKeyboard').PermitsKey;

/** Where the key lands: on a permit's row, on another button (Clear, a key, a screen), or on nothing. */
const ON_ROW = { closest: (selector: string) => (selector.includes('permit-row') ? {} : null) };
const ON_BUTTON = { closest: () => null };

/** A key as the window sees it; `pressed` says whether the page let the focused button have it. */
function key(name: string, target: unknown = null, repeat = false) {
  const event = { key: name, repeat, target, defaultPrevented: false } as PermitsKey & { defaultPrevented: boolean };
  event.preventDefault = () => {
    event.defaultPrevented = true;
  };
  onPermitsKey(event, state());
  return { pressed: !event.defaultPrevented };
}

const type = (text: string, target: unknown = ON_BUTTON) => [...text].map((c) => key(c, target));

beforeEach(() => {
  resetStore({
    info: kioskInfo(),
    shift: openShift(),
    screen: 'permits',
    permits: [
      permit({ ticketNumber: 'T-1', plate: 'ABC123' }),
      permit({ ticketNumber: 'T-2', plate: 'ABD456' }),
      permit({ ticketNumber: 'T-3', plate: 'XYZ789', status: 'cancelled' }),
    ],
  });
  // Nothing carried over from the test before (the stray-scan memory lives with the window's key handler).
  key('Escape');
  state().clearPermitSearch();
});

describe('Active permits from a keyboard or a scanner', () => {
  it('types letters and digits into the search, never into the focused button; Backspace and Escape edit it', () => {
    expect(type('abd4').every((k) => !k.pressed)).toBe(true);
    expect(state().permitSearch).toBe('ABD4');
    key('Backspace');
    expect(state().permitSearch).toBe('ABD');
    key('Escape');
    expect(state().permitSearch).toBe('');
  });

  it('opens the permit when a scan ends with Enter and the search leaves exactly one', () => {
    type('abc1');
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    expect(state().openPermit).toBe('T-1');
  });

  it('does not press the focused Clear or key with a scan’s Enter or space when several or none match', () => {
    type('AB');
    expect(key(' ', ON_BUTTON).pressed).toBe(false);
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    expect(state().openPermit).toBeNull();
    expect(state().permitSearch).toBe('AB');
    type('9');
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    // A cancelled permit is no match: XYZ789 is not opened.
    key('Escape');
    type('XYZ');
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    expect(state().openPermit).toBeNull();
  });

  it('lets Enter on a focused row open that row, and Space and Enter press buttons while nothing is typed', () => {
    type('AB');
    expect(key('Enter', ON_ROW).pressed).toBe(true);
    key('Escape');
    expect(key('Enter', ON_BUTTON).pressed).toBe(true);
    expect(key(' ', ON_BUTTON).pressed).toBe(true);
  });

  it('with the details open, ignores typing and swallows the Enter that ends it, then answers Enter again', () => {
    state().openPermitDetails('T-2');
    expect(key('Enter', ON_BUTTON).pressed).toBe(true);
    type('KXW 7');
    expect(state().permitSearch).toBe('');
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    expect(state().openPermit).toBe('T-2');
    // The scan is over: the keyboard user's next Enter presses the focused Extend or Confirm.
    expect(key('Enter', ON_BUTTON).pressed).toBe(true);
    key('Escape');
    expect(state().openPermit).toBeNull();
  });

  it('ignores a held-down Enter for opening', () => {
    type('abc');
    key('Enter', ON_BUTTON, true);
    expect(state().openPermit).toBeNull();
  });
});

describe('the Fix plate step in a permit’s details, from a keyboard or a scanner', () => {
  it('types the new plate there, not into the search; Backspace edits it, Escape closes the step only', () => {
    state().openPermitDetails('T-1');
    state().startPlateFix('T-1');
    expect(type('abc 124').every((k) => !k.pressed)).toBe(true);
    expect(state().plateFix?.plate).toBe('ABC124');
    expect(state().permitSearch).toBe('');
    // The scan's closing Enter presses no button (Confirm or another) under the step.
    expect(key('Enter', ON_BUTTON).pressed).toBe(false);
    // Then Enter is the keyboard user's again.
    expect(key('Enter', ON_BUTTON).pressed).toBe(true);
    key('Backspace');
    expect(state().plateFix?.plate).toBe('ABC12');
    key('Escape');
    expect(state().plateFix).toBeNull();
    expect(state().openPermit).toBe('T-1');
  });
});
