/**
 * The setting lines the conformance report prints for the repeated-ticket probe, word for word, as its tests
 * (runner and CLI) expect them. Test support: only tests import this.
 */
export const PROBE = 'push.repeat.permitNo';
export const YES_LINE =
  'Set “OPSCOM refuses a repeated ticket number with 9022” to Yes (settings key repeatedTicketRefused: "yes").';
export const NO_LINE =
  'Set “OPSCOM refuses a repeated ticket number with 9022” to No (settings key repeatedTicketRefused: "no").';
export const LEAVE =
  'Leave “OPSCOM refuses a repeated ticket number with 9022” at Unknown (settings key repeatedTicketRefused: "unknown")';
export const NOT_CHECKED_LINE = `${LEAVE}: it was not checked, as that pushes test permits; run again with --allow-writes --only ${PROBE} to find out.`;
