import type { Handlers } from '../channels/dispatch';
import type { KioskServices } from '../channels/services';

type IssueChannels = 'issue:choices' | 'issue:remember';

/** The Issue screen's remembered choices: the next car is most often the same sale, even after a restart. */
export function issueHandlers(k: KioskServices): Pick<Handlers, IssueChannels> {
  return {
    'issue:choices': () => k.issueMemory.current,
    'issue:remember': async ({ zone, minutes }) => {
      await k.issueMemory.choose(zone, minutes);
      return k.issueMemory.current;
    },
  };
}
