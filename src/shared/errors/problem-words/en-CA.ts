import { pluralsOf } from '../../intl';
import { money, num, str, theirs, type Words } from './params';
import type { ProblemParams } from '../problems';

/**
 * What each problem main can report says in English (Canada): the reference. `ProblemCode` is its keys, so
 * ./fr-CA.ts must word every one of them. A word that changes with a count takes its form from `forms`
 * (Intl.PluralRules), never from `count === 1`.
 */
const forms = pluralsOf('en-CA');
const en$ = (params: ProblemParams, key: string) => money(params, key, 'en-CA');

/** A JSON type, as a provisioning error names it (zod's `expected`). */
const TYPE_EN: Record<string, string> = {
  number: 'a number',
  string: 'text in quotes',
  array: 'a list [ … ]',
  object: 'an object { … }',
  boolean: 'true or false',
};

/** The parts of an admin PIN hash (src/shared/settings/pin-hash.ts), as a bounds error names them. */
const PIN_HASH_PART_EN: Record<string, string> = {
  N: 'scrypt N',
  r: 'scrypt r',
  p: 'scrypt p',
  salt: 'salt length in bytes',
  key: 'key length in bytes',
};
const hashBoundsEn = (p: ProblemParams) =>
  `its ${PIN_HASH_PART_EN[str(p, 'part')] ?? str(p, 'part')} is ${str(p, 'value')}, and must be from ${str(p, 'min')} to ${str(p, 'max')}${str(p, 'part') === 'N' ? ', a power of two' : ''}`;

/** What OPSCOM's documented error codes mean, in plain words. */
const OPSCOM_EN: Record<number, string> = {
  9000: 'OPSCOM says the client code is missing. Ask a supervisor to check the kiosk settings.',
  9001: 'OPSCOM says the API token is missing. Ask a supervisor to set it.',
  9002: 'OPSCOM refused this kiosk’s API token. Ask a supervisor to check it.',
  9003: 'OPSCOM could not read the request.',
  9004: 'OPSCOM needs an end time.',
  9005: 'OPSCOM did not accept the end time.',
  9006: 'OPSCOM needs a licence plate.',
  9007: 'OPSCOM did not accept the start time.',
  9008: 'OPSCOM needs the permit’s reference id.',
  9009: 'OPSCOM has no record of this permit.',
  9021: 'OPSCOM says the licence plate is too long.',
  9022: 'OPSCOM already has a permit with these details.',
  9030: 'OPSCOM says a field is too long.',
  9031: 'OPSCOM says a required field is missing.',
  9032: 'OPSCOM says a field is too short.',
  9033: 'OPSCOM says a field has a value it does not accept.',
};

export const en = {
  // Requests
  'invalid-request': (p) => (p.detail ? `The request is not valid: ${str(p, 'detail')}` : 'The request is not valid.'),
  'invalid-field': (p) => `Check this field: ${str(p, 'field')}.`,
  'unknown-fields': (p) => `The request has fields the kiosk does not accept: ${str(p, 'fields')}.`,
  'unknown-channel': () => 'The kiosk does not know that action.',
  'not-kiosk-page': () => 'Refused: not the kiosk page.',
  'request-not-json': () => 'The request body is not valid JSON.',
  'request-too-large': (p) => `The request body is larger than ${num(p, 'kib')} KiB.`,
  'request-bad-encoding': () => 'The bridge call name is not valid URL encoding.',
  internal: () => 'Something went wrong inside the kiosk. Please try again.',
  // The contract's validation messages
  'request-id': () => 'Each action needs its own request id.',
  'pin-enter': () => 'Enter the admin PIN.',
  'pin-format': () => 'A PIN is 4 to 8 digits.',
  'choose-action': () => 'Choose an action.',
  'choose-permit': () => 'Choose a permit.',
  'ticket-too-long': () => 'A ticket number has at most 50 characters.',
  'choose-duration': () => 'Choose a duration.',
  'duration-whole': () => 'A duration is a whole number of minutes.',
  'duration-min': () => 'A duration is at least one minute.',
  'duration-max': () => 'A permit lasts at most 7 days.',
  'choose-zone': () => 'Choose a zone.',
  'plate-needed': () => 'Enter a licence plate.',
  'plate-too-long': () => 'A licence plate has at most 25 characters.',
  'plate-characters': () => 'A licence plate uses only the letters A to Z and the digits 0 to 9.',
  'reason-too-long': () => 'A reason has at most 200 characters.',
  'note-too-long': () => 'A note has at most 200 characters.',
  'attendant-needed': () => 'Enter your name or badge number.',
  'attendant-too-long': () => 'A name or badge number has at most 60 characters.',
  'free-text-rule': () =>
    'Use letters, digits, spaces and punctuation only: control, invisible and text-direction characters are not allowed.',
  'url-rule': () =>
    'The controller URL must start with https:// (plain http:// only for this machine, such as the sandbox).',
  'token-format': () => 'An API token is 1 to 50 letters, digits and dashes.',
  'kiosk-id-format': () => 'A kiosk id is 1 to 20 capital letters and digits.',
  'kiosk-name-needed': () => 'Give the kiosk a name.',
  'kiosk-name-too-long': () => 'A kiosk name has at most 60 characters.',
  'zones-needed': () => 'Keep at least one zone.',
  'zones-max': () => 'A kiosk has at most 20 zones.',
  'zone-name-needed': () => 'A zone needs a name.',
  'zone-name-too-long': () => 'A zone name has at most 200 characters.',
  'currency-format': () => 'A currency is a three-letter code such as CAD or USD.',
  'currency-unsupported': () => 'OPSCOM takes amounts in CAD or USD only: choose one of them.',
  'cents-whole': () => 'Cents are whole numbers.',
  'cents-range': () => 'At most 999999.99, in cents.',
  'max-positive': () => 'A maximum must be more than zero.',
  'zone-durations-needed': () => 'A zone needs at least one duration.',
  'zone-durations-max': () => 'A zone offers at most 8 durations.',
  'zone-duration-range': () => 'A duration is from 1 minute to 7 days.',
  'concurrency-range': () => 'From 1 to 16.',
  'soft-timeout-range': () => 'From 1 second to 2 minutes.',
  'hard-timeout-range': () => 'From 1 second to 10 minutes.',
  'idle-reset-range': () => 'From 0 to 3600 seconds (one hour).',
  'home-regions-needed': () => 'Choose at least one region for the plate check.',
  'home-region-unknown': () => 'The plate check does not know that region.',
  'home-regions-repeated': () => 'Each region can be chosen only once.',
  'refund-limit-range': () => 'A refund limit is from 0 to 999999.99, in cents.',
  'drawer-tolerance-range': () => 'A drawer tolerance is from 0 to 1000.00, in cents.',
  'plate-fix-window-range': () => 'From 0 to 1440 minutes (one day).',
  'receipt-width-unknown': () => 'Choose a receipt roll of 80 mm or 58 mm.',
  'printer-name-too-long': () => 'A printer name is at most 200 characters.',
  // Fleet monitoring (#14)
  'metrics-listen-format': () =>
    'Write the metrics address as an IP address and a port, such as 127.0.0.1:9464 or [::1]:9464; leave it empty to turn it off.',
  'pushgateway-url-format': () =>
    'The Pushgateway address starts with http:// or https://, such as http://pushgateway.example:9091; leave it empty to turn it off.',
  'push-interval-range': () => 'From 5 to 3600 seconds.',
  // Updates (#13)
  'update-feed-url-format': () =>
    'The update feed is an https:// address, such as https://updates.example/kiosk/; leave it empty to turn updates off.',
  'maintenance-hour-range': () => 'A maintenance hour is from 0 to 23, or none.',
  'reason-needed': () => 'Give a reason.',
  'report-date-format': () => 'A date is written YYYY-MM-DD.',
  // Tenders and refunds
  'tender-method': () => 'Choose how the driver pays: cash, card or other.',
  'tender-other-kind': () => 'Choose voucher or complimentary.',
  'cash-tendered-range': () => 'The amount tendered is a whole number of cents, up to 999999.99.',
  'cash-short': (p) => `The driver gave ${en$(p, 'tendered')}: not enough for ${en$(p, 'amount')}.`,
  'cash-other-currency': (p) =>
    `The drawer holds ${str(p, 'drawer')} only: take this ${str(p, 'currency')} payment by card.`,
  'card-last4-format': () => 'The last 4 digits of a card are 4 digits.',
  'card-approval-format': () => 'An approval code is 2 to 12 letters and digits.',
  'refund-amount-range': () => 'A refund is from 0.01 to 999999.99.',
  'refund-method': () => 'Choose how the money goes back: cash, card or voucher.',
  'refund-too-much': (p) => `At most ${en$(p, 'max')} can be refunded for permit ${str(p, 'ticket')}.`,
  'refund-needs-pin': (p) => `A refund over ${en$(p, 'above')} needs the admin PIN.`,
  // The cash drawer
  'drawer-float-range': () => 'A float is a whole number of cents, up to 100000.00.',
  'drawer-amount-range': () => 'An amount is from 0.01 to 999999.99.',
  'drawer-already-open': () => 'This shift’s drawer already has its float.',
  'drawer-open-too-late': () => 'Cash has already moved this shift: the float can only be declared first.',
  'drawer-currency-unsupported': (p) => `The kiosk cannot count a drawer in ${str(p, 'currency')}.`,
  'denomination-unknown': (p) => `${en$(p, 'cents')} is not a ${str(p, 'currency')} note or coin.`,
  'denomination-repeated': (p) => `${en$(p, 'cents')} is counted twice: give each note or coin once.`,
  'count-range': () => 'A count is a whole number from 0 to 10000.',
  'count-needed': () => 'Enter how many of each note and coin are in the drawer.',
  'drawer-count-first': () => 'Count the drawer before closing the shift.',
  'drawer-count-stale': () => 'Cash moved after the last count: count the drawer again.',
  'drawer-difference-needs-pin': (p) =>
    `The drawer is ${num(p, 'difference') < 0 ? 'short' : 'over'} by ${en$(p, 'difference')}, more than the ${en$(p, 'tolerance')} allowed: a supervisor enters the admin PIN to close the shift.`,
  'no-closed-shift': () => 'No shift has been closed on this kiosk yet.',
  'shift-unknown': () => 'This kiosk has no closed shift with that id.',
  // Correcting a plate after the sale
  'plate-fix-needs-pin': (p) =>
    `This permit was issued more than ${num(p, 'minutes')} min ago: correcting its plate needs the admin PIN.`,
  'plate-fix-same': (p) => `${str(p, 'plate')} is already this permit’s plate.`,
  'plate-fix-in-queue': () => 'This permit needs attention in the queue: correct its plate there.',
  // The admin PIN
  'pin-wrong': (p) =>
    `That PIN is not right. ${num(p, 'triesLeft')} ${forms(num(p, 'triesLeft'), { one: 'try', other: 'tries' })} left.`,
  // Both lock-outs also carry `until`, the instant the lock ends (ISO), which the PIN prompts count down to.
  'pin-locked': (p) => `Too many wrong PINs. Try again in ${num(p, 'minutes')} min.`,
  'pin-just-locked': (p) =>
    `Too many wrong PINs. The PIN is locked for ${num(p, 'minutes')} ${forms(num(p, 'minutes'), { one: 'minute', other: 'minutes' })}.`,
  'pin-not-set': () => 'No admin PIN is set yet. Set one on the first screen.',
  'pin-set-first': () => 'Set the admin PIN first: a supervisor chooses it on the first screen.',
  'pin-already-set': () => 'An admin PIN is already set: change it on the Settings screen.',
  'pin-demo': (p) => `Demo mode keeps the PIN ${str(p, 'pin')}.`,
  'pin-hash-unusable': (p) =>
    `This kiosk’s admin PIN hash cannot be checked: ${p.part ? hashBoundsEn(p) : 'it is not a PIN hash'}. IT must provision a new one (npm run provision -- --hash-pin).`,
  // Shifts
  'shift-needed': () => 'Start a shift (sign in) before issuing permits.',
  'shift-still-open': (p) => `${str(p, 'attendant')}’s shift is still open. Close it before starting another.`,
  'no-shift-open': () => 'No shift is open.',
  // Permits
  'zone-unknown': (p) => `“${str(p, 'zone')}” is not one of this kiosk’s zones.`,
  'permit-unknown': (p) => `This kiosk has no permit ${str(p, 'ticket')}.`,
  'permit-cancelled': (p) => `Permit ${str(p, 'ticket')} was already cancelled.`,
  'permit-ended': (p) => `Permit ${str(p, 'ticket')} has already ended. Issue a new one instead.`,
  // Settings and the token
  'token-new-host': (p) =>
    `The stored API token would go to ${str(p, 'host')}: enter the token again, or confirm sending it there.`,
  'token-obscured-consent': () =>
    'No keyring on this computer: the token would only be obscured. A supervisor must accept that first.',
  'token-no-encryption': () => 'This computer offers no way to encrypt the API token; it was not saved.',
  'hard-below-soft': () => 'The hard timeout cannot be shorter than the soft timeout.',
  // The queue and the reconciliation list
  'retry-needs-attention': () => 'Only an action that needs attention can be retried.',
  'correct-needs-attention': () => 'Only an action that needs attention can have its plate corrected.',
  'discard-needs-attention': () => 'Only an action that needs attention can be discarded.',
  'not-on-reconciliation-list': (p) => `Permit ${str(p, 'ticket')} is not on the reconciliation list.`,
  // OPSCOM's answers
  'opscom-error': (p) =>
    `${OPSCOM_EN[num(p, 'errorCode')] ?? `OPSCOM refused the request (error ${num(p, 'errorCode')}).`}${theirs(p)}`,
  'opscom-undocumented-code': (p) =>
    `OPSCOM answered with an error code it does not document (${num(p, 'errorCode')}).${theirs(p)}`,
  'opscom-credentials': () => 'OPSCOM refused this kiosk’s credentials. Ask a supervisor to check the settings.',
  'opscom-redirect': (p) =>
    `OPSCOM answered with a redirect${p.host ? ` to ${str(p, 'host')}` : ''} (HTTP ${num(p, 'status')}). The kiosk does not follow redirects, so the token stays here: ask a supervisor to check the controller URL.`,
  'opscom-busy': () => 'OPSCOM is busy (too many requests).',
  'opscom-http': (p) => `OPSCOM answered with HTTP ${num(p, 'status')}.`,
  'opscom-unreadable': () => 'OPSCOM answered with something that is not its documented reply.',
  'opscom-answer-too-large': (p) =>
    `OPSCOM’s answer was larger than ${num(p, 'kib')} KiB, far more than its documented reply: the kiosk did not read it.`,
  'opscom-answer-too-slow': (p) =>
    `OPSCOM’s answer was still arriving after ${str(p, 'limit')}: the kiosk stopped reading it.`,
  'opscom-timeout': (p) => `OPSCOM did not answer within ${str(p, 'limit')}.`,
  'opscom-unreachable': () => 'Could not reach OPSCOM (network error).',
  'opscom-connection-lost': () => 'The connection to OPSCOM broke before its answer arrived.',
  'opscom-held': () =>
    'OPSCOM says it already holds this permit (9022) from an earlier attempt whose answer was lost; it never gave the kiosk its reference.',
  'opscom-duplicate': () => 'OPSCOM says it already holds a permit with these details (9022). Check it in OPSCOM.',
  'opscom-not-found-update': () => 'OPSCOM has no record of this permit. It may have been removed in OPSCOM.',
  'never-confirmed': (p) =>
    `OPSCOM never confirmed this permit, so it cannot be ${p.done === 'cancelled' ? 'cancelled' : p.done === 'corrected' ? 'corrected' : 'extended'} from the kiosk. Check it in OPSCOM.`,
  'no-answer-before-restart': () => 'No answer was recorded before the kiosk stopped.',
  'connected-to': (p) => `Connected to ${str(p, 'host')}: OPSCOM answered.`,
  // The kiosk's own disk (#19): the action's transaction did not commit, so nothing of it was kept.
  'disk-full': () => 'This kiosk’s disk is full: nothing was recorded. Call a supervisor.',
  'disk-failing': () => 'This kiosk’s disk is failing: nothing was recorded. Call a supervisor.',
  'disk-read-only': () => 'This kiosk cannot write to its disk (read-only): nothing was recorded. Call a supervisor.',
  'disk-too-low': () =>
    'This kiosk’s disk is almost full: new sales are stopped so waiting ones can still be sent. Call a supervisor.',
  'disk-low': (p) =>
    `This kiosk’s disk is getting full (${num(p, 'freeMiB')} MiB left): free some space before new sales are stopped.`,
  // Raised by the page itself when it cannot reach main.
  'kiosk-service-silent': () => 'The kiosk service is not answering. Try again in a moment.',
  'station-link-lost': () => 'This page lost its link to the station. Reload it.',
  'answer-off-contract': () => 'The kiosk service sent an answer it should not have.',
  // Provisioning (kiosk-provision.json, #13): read by IT in a terminal, so worded for them.
  'provision-not-json': (p) => `The file is not JSON: ${str(p, 'detail')}`,
  'provision-not-object': () => 'The file must hold one JSON object, { "kioskName": … }.',
  'provision-token-refused': () =>
    'The API token does not belong in the provisioning file (it is copied to every kiosk, e-mailed and kept in repositories): give it with --token-file or OPSCOM_TOKEN.',
  'provision-plain-pin-refused': () =>
    'The admin PIN is never written in clear: put its hash in adminPinHash (npm run provision -- --hash-pin).',
  'provision-kiosk-id-refused': () =>
    'The kiosk id is made by each kiosk for itself: one file shared by several kiosks would give them the same ticket numbers.',
  'provision-unknown-key': () => 'This kiosk has no such setting.',
  'provision-reserved-key': () =>
    'This name is refused anywhere in the file: __proto__, constructor and prototype can change how the kiosk reads everything else.',
  'provision-pin-hash-format': () =>
    'Not a PIN hash: make one with npm run provision -- --hash-pin (it starts with scrypt$).',
  'provision-pin-hash-bounds': (p) =>
    `This PIN hash is refused: ${hashBoundsEn(p)}. Make one with npm run provision -- --hash-pin.`,
  'provision-wrong-type': (p) => `This must be ${TYPE_EN[str(p, 'expected')] ?? str(p, 'expected')}.`,
  'provision-one-of': (p) => `Use one of: ${str(p, 'values')}.`,
  'provision-invalid': () => 'This value is not valid.',
  /** A message written before problems had codes (an older journal). */
  'legacy-message': (p) => str(p, 'text'),
} satisfies Record<string, Words>;
