import { requestIds } from '../app/transport/request-ids';
import { useKiosk, type KioskState } from '../app/store';
import { send } from './fixtures';

/** Import only from a test file that mocks `./kiosk` (see `kiosk-mock.ts`): this loads the store. */

const initial = useKiosk.getState();

export const state = () => useKiosk.getState();

/** Forgets main's answers and puts the store back as it started, then applies `patch`. */
export function resetStore(patch?: Partial<KioskState>) {
  send.mockReset();
  // A call no test answered fails as main would, in words, rather than crashing the slice that made it.
  send.mockImplementation((channel) =>
    Promise.resolve({ ok: false, error: { code: 'internal', message: `No answer set for ${channel}.` } }),
  );
  useKiosk.setState(initial, true);
  // Ids kept for a retry after a lost answer belong to the page's session; each test starts a new one.
  requestIds.clear();
  if (patch) useKiosk.setState(patch);
}

/** The Issue tap, then "Confirm payment" by card on the payment step it opens. */
export async function issueAndPay() {
  await state().issue();
  await state().payAndIssue({ method: 'card' });
}
