/**
 * Everything main can tell the page went wrong, as a code with parameters, and the words for each in both of the
 * kiosk's languages. Main sends `{ code: <kind>, problem: { code, params }, message }`; the page shows
 * `problemText(language, problem)`. `message` is the English text, for logs and for tests that read it.
 *
 * The contract's own validation messages are codes from here too ('pin-format', 'choose-zone'…), so a refusal
 * by a schema is translated like any other. English is the reference: French must have every code, or the build
 * fails.
 */
import type { Language } from '../language';
import { centsToAmountString, formatMoney } from '../money/money';

export type ProblemParams = Record<string, string | number>;
export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

type Words = (params: ProblemParams) => string;
const str = (params: ProblemParams, key: string): string => String(params[key] ?? '');
const num = (params: ProblemParams, key: string): number => Number(params[key] ?? 0);

/** A JSON type, as a provisioning error names it (zod's `expected`). */
const TYPE_EN: Record<string, string> = {
  number: 'a number',
  string: 'text in quotes',
  array: 'a list [ … ]',
  object: 'an object { … }',
  boolean: 'true or false',
};
const TYPE_FR: Record<string, string> = {
  number: 'un nombre',
  string: 'du texte entre guillemets',
  array: 'une liste [ … ]',
  object: 'un objet { … }',
  boolean: 'true ou false',
};

/** The parts of an admin PIN hash (src/shared/settings/pin-hash.ts), as a bounds error names them. */
const PIN_HASH_PART_EN: Record<string, string> = {
  N: 'scrypt N',
  r: 'scrypt r',
  p: 'scrypt p',
  salt: 'salt length in bytes',
  key: 'key length in bytes',
};
const PIN_HASH_PART_FR: Record<string, string> = {
  N: 'le N de scrypt',
  r: 'le r de scrypt',
  p: 'le p de scrypt',
  salt: 'la longueur du sel en octets',
  key: 'la longueur de la clé en octets',
};
const hashBoundsEn = (p: ProblemParams) =>
  `its ${PIN_HASH_PART_EN[str(p, 'part')] ?? str(p, 'part')} is ${str(p, 'value')}, and must be from ${str(p, 'min')} to ${str(p, 'max')}${str(p, 'part') === 'N' ? ', a power of two' : ''}`;
const hashBoundsFr = (p: ProblemParams) =>
  `${PIN_HASH_PART_FR[str(p, 'part')] ?? str(p, 'part')} y vaut ${str(p, 'value')}, et doit aller de ${str(p, 'min')} à ${str(p, 'max')}${str(p, 'part') === 'N' ? ', une puissance de deux' : ''}`;

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
const OPSCOM_FR: Record<number, string> = {
  9000: 'OPSCOM indique que le code client manque. Demandez à un superviseur de vérifier les réglages.',
  9001: 'OPSCOM indique que le jeton API manque. Demandez à un superviseur de le saisir.',
  9002: 'OPSCOM a refusé le jeton API de ce kiosque. Demandez à un superviseur de le vérifier.',
  9003: 'OPSCOM n’a pas pu lire la demande.',
  9004: 'OPSCOM exige une heure de fin.',
  9005: 'OPSCOM n’a pas accepté l’heure de fin.',
  9006: 'OPSCOM exige une plaque d’immatriculation.',
  9007: 'OPSCOM n’a pas accepté l’heure de début.',
  9008: 'OPSCOM exige la référence du permis.',
  9009: 'OPSCOM n’a aucun dossier de ce permis.',
  9021: 'OPSCOM indique que la plaque est trop longue.',
  9022: 'OPSCOM a déjà un permis avec ces détails.',
  9030: 'OPSCOM indique qu’un champ est trop long.',
  9031: 'OPSCOM indique qu’un champ obligatoire manque.',
  9032: 'OPSCOM indique qu’un champ est trop court.',
  9033: 'OPSCOM indique qu’un champ a une valeur refusée.',
};
/** An amount in cents (its size: a difference's sign is in the words), in the problem's currency. */
const money = (params: ProblemParams, key: string, locale: Language): string => {
  const value = Math.abs(Math.trunc(num(params, key)));
  const cents = Number.isSafeInteger(value) ? value : 0;
  const currency = str(params, 'currency') || 'CAD';
  try {
    return formatMoney(cents, currency, locale);
  } catch {
    return `${centsToAmountString(cents)} ${currency}`;
  }
};
const en$ = (params: ProblemParams, key: string) => money(params, key, 'en-CA');
const fr$ = (params: ProblemParams, key: string) => money(params, key, 'fr-CA');

/** OPSCOM's own message, when it sent one, after ours: it may name the field. */
const theirs = (params: ProblemParams) => (params.controllerMessage ? ` (${str(params, 'controllerMessage')})` : '');

const en = {
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
    `That PIN is not right. ${num(p, 'triesLeft')} ${num(p, 'triesLeft') === 1 ? 'try' : 'tries'} left.`,
  // Both lock-outs also carry `until`, the instant the lock ends (ISO), which the PIN prompts count down to.
  'pin-locked': (p) => `Too many wrong PINs. Try again in ${num(p, 'minutes')} min.`,
  'pin-just-locked': (p) => `Too many wrong PINs. The PIN is locked for ${num(p, 'minutes')} minutes.`,
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

export type ProblemCode = keyof typeof en;

const fr: Record<ProblemCode, Words> = {
  'invalid-request': (p) =>
    p.detail ? `La demande n’est pas valide : ${str(p, 'detail')}` : 'La demande n’est pas valide.',
  'invalid-field': (p) => `Vérifiez ce champ : ${str(p, 'field')}.`,
  'unknown-fields': (p) => `La demande contient des champs que le kiosque n’accepte pas : ${str(p, 'fields')}.`,
  'unknown-channel': () => 'Le kiosque ne connaît pas cette action.',
  'not-kiosk-page': () => 'Refusé : ce n’est pas la page du kiosque.',
  'request-not-json': () => 'Le corps de la demande n’est pas du JSON valide.',
  'request-too-large': (p) => `Le corps de la demande dépasse ${num(p, 'kib')} Kio.`,
  'request-bad-encoding': () => 'Le nom de l’appel n’est pas un encodage d’URL valide.',
  internal: () => 'Un problème est survenu dans le kiosque. Veuillez réessayer.',
  'request-id': () => 'Chaque action doit avoir son propre identifiant de demande.',
  'pin-enter': () => 'Entrez le NIP administrateur.',
  'pin-format': () => 'Un NIP compte 4 à 8 chiffres.',
  'choose-action': () => 'Choisissez une action.',
  'choose-permit': () => 'Choisissez un permis.',
  'ticket-too-long': () => 'Un numéro de billet compte au plus 50 caractères.',
  'choose-duration': () => 'Choisissez une durée.',
  'duration-whole': () => 'Une durée est un nombre entier de minutes.',
  'duration-min': () => 'Une durée est d’au moins une minute.',
  'duration-max': () => 'Un permis dure au plus 7 jours.',
  'choose-zone': () => 'Choisissez une zone.',
  'plate-needed': () => 'Entrez une plaque d’immatriculation.',
  'plate-too-long': () => 'Une plaque compte au plus 25 caractères.',
  'plate-characters': () => 'Une plaque n’utilise que les lettres A à Z et les chiffres 0 à 9.',
  'reason-too-long': () => 'Une raison compte au plus 200 caractères.',
  'note-too-long': () => 'Une note compte au plus 200 caractères.',
  'attendant-needed': () => 'Entrez votre nom ou numéro de badge.',
  'attendant-too-long': () => 'Un nom ou numéro de badge compte au plus 60 caractères.',
  'free-text-rule': () =>
    'Utilisez seulement des lettres, des chiffres, des espaces et de la ponctuation : les caractères de contrôle, invisibles et de direction du texte sont refusés.',
  'url-rule': () =>
    'L’adresse du contrôleur doit commencer par https:// (http:// seulement pour cet ordinateur, comme le bac à sable).',
  'token-format': () => 'Un jeton API compte 1 à 50 lettres, chiffres et tirets.',
  'kiosk-id-format': () => 'Un identifiant de kiosque compte 1 à 20 lettres majuscules et chiffres.',
  'kiosk-name-needed': () => 'Donnez un nom au kiosque.',
  'kiosk-name-too-long': () => 'Un nom de kiosque compte au plus 60 caractères.',
  'zones-needed': () => 'Gardez au moins une zone.',
  'zones-max': () => 'Un kiosque a au plus 20 zones.',
  'zone-name-needed': () => 'Une zone doit avoir un nom.',
  'zone-name-too-long': () => 'Un nom de zone compte au plus 200 caractères.',
  'currency-format': () => 'Une devise est un code de trois lettres, comme CAD ou USD.',
  'currency-unsupported': () => 'OPSCOM n’accepte que des montants en CAD ou en USD : choisissez l’une de ces devises.',
  'cents-whole': () => 'Les cents sont des nombres entiers.',
  'cents-range': () => 'Au plus 999 999,99, en cents.',
  'max-positive': () => 'Un maximum doit être plus grand que zéro.',
  'zone-durations-needed': () => 'Une zone doit offrir au moins une durée.',
  'zone-durations-max': () => 'Une zone offre au plus 8 durées.',
  'zone-duration-range': () => 'Une durée va de 1 minute à 7 jours.',
  'concurrency-range': () => 'De 1 à 16.',
  'soft-timeout-range': () => 'De 1 seconde à 2 minutes.',
  'hard-timeout-range': () => 'De 1 seconde à 10 minutes.',
  'idle-reset-range': () => 'De 0 à 3600 secondes (une heure).',
  'home-regions-needed': () => 'Choisissez au moins une région pour la vérification des plaques.',
  'home-region-unknown': () => 'La vérification des plaques ne connaît pas cette région.',
  'home-regions-repeated': () => 'Chaque région ne peut être choisie qu’une fois.',
  'refund-limit-range': () => 'Une limite de remboursement va de 0 à 999 999,99, en cents.',
  'drawer-tolerance-range': () => 'Une tolérance de tiroir va de 0 à 1000,00, en cents.',
  'plate-fix-window-range': () => 'De 0 à 1440 minutes (un jour).',
  'receipt-width-unknown': () => 'Choisissez un rouleau de reçus de 80 mm ou de 58 mm.',
  'printer-name-too-long': () => 'Un nom d’imprimante compte au plus 200 caractères.',
  'metrics-listen-format': () =>
    'Écrivez l’adresse des métriques sous forme d’adresse IP et de port, comme 127.0.0.1:9464 ou [::1]:9464 ; laissez vide pour la désactiver.',
  'pushgateway-url-format': () =>
    'L’adresse du Pushgateway commence par http:// ou https://, comme http://pushgateway.exemple:9091 ; laissez vide pour le désactiver.',
  'push-interval-range': () => 'De 5 à 3600 secondes.',
  'update-feed-url-format': () =>
    'La source des mises à jour est une adresse https://, comme https://maj.exemple/kiosque/ ; laissez vide pour désactiver les mises à jour.',
  'maintenance-hour-range': () => 'Une heure d’entretien va de 0 à 23, ou aucune.',
  'reason-needed': () => 'Donnez une raison.',
  'report-date-format': () => 'Une date s’écrit AAAA-MM-JJ.',
  'tender-method': () => 'Choisissez le mode de paiement : comptant, carte ou autre.',
  'tender-other-kind': () => 'Choisissez bon d’échange ou gratuité.',
  'cash-tendered-range': () => 'Le montant reçu est un nombre entier de cents, jusqu’à 999 999,99.',
  'cash-short': (p) => `Le conducteur a donné ${fr$(p, 'tendered')} : pas assez pour ${fr$(p, 'amount')}.`,
  'cash-other-currency': (p) =>
    `Le tiroir ne contient que des ${str(p, 'drawer')} : prenez ce paiement en ${str(p, 'currency')} par carte.`,
  'card-last4-format': () => 'Les 4 derniers chiffres d’une carte sont 4 chiffres.',
  'card-approval-format': () => 'Un code d’autorisation compte 2 à 12 lettres et chiffres.',
  'refund-amount-range': () => 'Un remboursement va de 0,01 à 999 999,99.',
  'refund-method': () => 'Choisissez comment l’argent est rendu : comptant, carte ou bon d’échange.',
  'refund-too-much': (p) => `Au plus ${fr$(p, 'max')} peut être remboursé pour le permis ${str(p, 'ticket')}.`,
  'refund-needs-pin': (p) => `Un remboursement de plus de ${fr$(p, 'above')} exige le NIP administrateur.`,
  'drawer-float-range': () => 'Un fonds de caisse est un nombre entier de cents, jusqu’à 100 000,00.',
  'drawer-amount-range': () => 'Un montant va de 0,01 à 999 999,99.',
  'drawer-already-open': () => 'Le tiroir de ce quart a déjà son fonds de caisse.',
  'drawer-open-too-late': () =>
    'De l’argent comptant a déjà bougé pendant ce quart : le fonds de caisse se déclare seulement en premier.',
  'drawer-currency-unsupported': (p) => `Le kiosque ne sait pas compter un tiroir en ${str(p, 'currency')}.`,
  'denomination-unknown': (p) => `${fr$(p, 'cents')} n’est pas un billet ni une pièce en ${str(p, 'currency')}.`,
  'denomination-repeated': (p) =>
    `${fr$(p, 'cents')} est compté deux fois : donnez chaque billet ou pièce une seule fois.`,
  'count-range': () => 'Un compte est un nombre entier de 0 à 10 000.',
  'count-needed': () => 'Entrez combien il y a de chaque billet et de chaque pièce dans le tiroir.',
  'drawer-count-first': () => 'Comptez le tiroir avant de fermer le quart.',
  'drawer-count-stale': () => 'De l’argent a bougé après le dernier compte : comptez le tiroir de nouveau.',
  'drawer-difference-needs-pin': (p) =>
    `Il ${num(p, 'difference') < 0 ? 'manque' : 'y a un surplus de'} ${fr$(p, 'difference')} dans le tiroir, plus que les ${fr$(p, 'tolerance')} permis : un superviseur entre le NIP administrateur pour fermer le quart.`,
  'no-closed-shift': () => 'Aucun quart n’a encore été fermé sur ce kiosque.',
  'shift-unknown': () => 'Ce kiosque n’a aucun quart fermé avec cet identifiant.',
  'plate-fix-needs-pin': (p) =>
    `Ce permis a été émis il y a plus de ${num(p, 'minutes')} min : corriger sa plaque exige le NIP administrateur.`,
  'plate-fix-same': (p) => `${str(p, 'plate')} est déjà la plaque de ce permis.`,
  'plate-fix-in-queue': () => 'Ce permis est à vérifier dans la file : corrigez-y sa plaque.',
  'pin-wrong': (p) =>
    `Ce NIP n’est pas le bon. Il reste ${num(p, 'triesLeft')} ${num(p, 'triesLeft') === 1 ? 'essai' : 'essais'}.`,
  'pin-locked': (p) => `Trop de NIP erronés. Réessayez dans ${num(p, 'minutes')} min.`,
  'pin-just-locked': (p) => `Trop de NIP erronés. Le NIP est bloqué pendant ${num(p, 'minutes')} minutes.`,
  'pin-not-set': () => 'Aucun NIP administrateur n’est encore choisi. Choisissez-en un au premier écran.',
  'pin-set-first': () => 'Choisissez d’abord le NIP administrateur : un superviseur le fait au premier écran.',
  'pin-already-set': () => 'Un NIP administrateur existe déjà : changez-le dans l’écran Réglages.',
  'pin-demo': (p) => `Le mode démo garde le NIP ${str(p, 'pin')}.`,
  'pin-hash-unusable': (p) =>
    `L’empreinte du NIP administrateur de ce kiosque ne peut pas être vérifiée : ${p.part ? hashBoundsFr(p) : 'ce n’est pas une empreinte de NIP'}. Le service informatique doit en fournir une nouvelle (npm run provision -- --hash-pin).`,
  'shift-needed': () => 'Commencez un quart (connectez-vous) avant d’émettre des permis.',
  'shift-still-open': (p) =>
    `Le quart de ${str(p, 'attendant')} est encore ouvert. Fermez-le avant d’en commencer un autre.`,
  'no-shift-open': () => 'Aucun quart n’est ouvert.',
  'zone-unknown': (p) => `« ${str(p, 'zone')} » n’est pas une zone de ce kiosque.`,
  'permit-unknown': (p) => `Ce kiosque n’a pas de permis ${str(p, 'ticket')}.`,
  'permit-cancelled': (p) => `Le permis ${str(p, 'ticket')} a déjà été annulé.`,
  'permit-ended': (p) => `Le permis ${str(p, 'ticket')} est déjà terminé. Émettez-en un nouveau.`,
  'token-new-host': (p) =>
    `Le jeton API enregistré irait à ${str(p, 'host')} : entrez de nouveau le jeton, ou confirmez l’envoi à cette adresse.`,
  'token-obscured-consent': () =>
    'Pas de trousseau sur cet ordinateur : le jeton serait seulement masqué. Un superviseur doit d’abord l’accepter.',
  'token-no-encryption': () => 'Cet ordinateur ne peut pas chiffrer le jeton API; il n’a pas été enregistré.',
  'hard-below-soft': () => 'Le délai maximal ne peut pas être plus court que le premier délai.',
  'retry-needs-attention': () => 'Seule une action à vérifier peut être réessayée.',
  'correct-needs-attention': () => 'Seule une action à vérifier peut avoir sa plaque corrigée.',
  'discard-needs-attention': () => 'Seule une action à vérifier peut être abandonnée.',
  'not-on-reconciliation-list': (p) => `Le permis ${str(p, 'ticket')} n’est pas sur la liste à vérifier.`,
  'opscom-error': (p) =>
    `${OPSCOM_FR[num(p, 'errorCode')] ?? `OPSCOM a refusé la demande (erreur ${num(p, 'errorCode')}).`}${theirs(p)}`,
  'opscom-undocumented-code': (p) =>
    `OPSCOM a répondu par un code d’erreur non documenté (${num(p, 'errorCode')}).${theirs(p)}`,
  'opscom-credentials': () =>
    'OPSCOM a refusé les identifiants de ce kiosque. Demandez à un superviseur de vérifier les réglages.',
  'opscom-redirect': (p) =>
    `OPSCOM a répondu par une redirection${p.host ? ` vers ${str(p, 'host')}` : ''} (HTTP ${num(p, 'status')}). Le kiosque ne suit pas les redirections, donc le jeton reste ici : demandez à un superviseur de vérifier l’adresse du contrôleur.`,
  'opscom-busy': () => 'OPSCOM est occupé (trop de demandes).',
  'opscom-http': (p) => `OPSCOM a répondu HTTP ${num(p, 'status')}.`,
  'opscom-unreadable': () => 'OPSCOM a répondu autre chose que sa réponse documentée.',
  'opscom-answer-too-large': (p) =>
    `La réponse d’OPSCOM dépassait ${num(p, 'kib')} Kio, bien plus que sa réponse documentée : le kiosque ne l’a pas lue.`,
  'opscom-answer-too-slow': (p) =>
    `La réponse d’OPSCOM arrivait encore après ${str(p, 'limit')} : le kiosque a cessé de la lire.`,
  'opscom-timeout': (p) => `OPSCOM n’a pas répondu en ${str(p, 'limit')}.`,
  'opscom-unreachable': () => 'Impossible de joindre OPSCOM (erreur réseau).',
  'opscom-connection-lost': () => 'La connexion à OPSCOM a été coupée avant sa réponse.',
  'opscom-held': () =>
    'OPSCOM indique qu’il a déjà ce permis (9022), d’un envoi précédent dont la réponse s’est perdue; il n’a jamais donné sa référence au kiosque.',
  'opscom-duplicate': () => 'OPSCOM indique qu’il a déjà un permis avec ces détails (9022). Vérifiez-le dans OPSCOM.',
  'opscom-not-found-update': () => 'OPSCOM n’a aucun dossier de ce permis. Il a peut-être été supprimé dans OPSCOM.',
  'never-confirmed': (p) =>
    `OPSCOM n’a jamais confirmé ce permis : il ne peut pas être ${p.done === 'cancelled' ? 'annulé' : p.done === 'corrected' ? 'corrigé' : 'prolongé'} depuis le kiosque. Vérifiez-le dans OPSCOM.`,
  'no-answer-before-restart': () => 'Aucune réponse n’a été notée avant l’arrêt du kiosque.',
  'connected-to': (p) => `Connecté à ${str(p, 'host')} : OPSCOM a répondu.`,
  'disk-full': () => 'Le disque de ce kiosque est plein : rien n’a été enregistré. Appelez un superviseur.',
  'disk-failing': () => 'Le disque de ce kiosque est défaillant : rien n’a été enregistré. Appelez un superviseur.',
  'disk-read-only': () =>
    'Ce kiosque ne peut pas écrire sur son disque (lecture seule) : rien n’a été enregistré. Appelez un superviseur.',
  'disk-too-low': () =>
    'Le disque de ce kiosque est presque plein : les nouvelles ventes sont arrêtées pour que celles en attente puissent encore être envoyées. Appelez un superviseur.',
  'disk-low': (p) =>
    `Le disque de ce kiosque se remplit (il reste ${num(p, 'freeMiB')} Mio) : libérez de l’espace avant que les nouvelles ventes soient arrêtées.`,
  'kiosk-service-silent': () => 'Le service du kiosque ne répond pas. Réessayez dans un instant.',
  'station-link-lost': () => 'Cette page a perdu son lien avec la station. Rechargez-la.',
  'answer-off-contract': () => 'Le service du kiosque a envoyé une réponse inattendue.',
  'provision-not-json': (p) => `Le fichier n’est pas du JSON : ${str(p, 'detail')}`,
  'provision-not-object': () => 'Le fichier doit contenir un seul objet JSON, { "kioskName": … }.',
  'provision-token-refused': () =>
    'Le jeton API n’a pas sa place dans le fichier de provisionnement (il est copié sur chaque kiosque, envoyé par courriel et gardé dans des dépôts) : donnez-le avec --token-file ou OPSCOM_TOKEN.',
  'provision-plain-pin-refused': () =>
    'Le NIP administrateur n’est jamais écrit en clair : mettez son empreinte dans adminPinHash (npm run provision -- --hash-pin).',
  'provision-kiosk-id-refused': () =>
    'Chaque kiosque crée son propre identifiant : un fichier partagé par plusieurs kiosques leur donnerait les mêmes numéros de billet.',
  'provision-unknown-key': () => 'Ce kiosque n’a pas de tel réglage.',
  'provision-reserved-key': () =>
    'Ce nom est refusé partout dans le fichier : __proto__, constructor et prototype peuvent changer la façon dont le kiosque lit tout le reste.',
  'provision-pin-hash-format': () =>
    'Ce n’est pas une empreinte de NIP : créez-en une avec npm run provision -- --hash-pin (elle commence par scrypt$).',
  'provision-pin-hash-bounds': (p) =>
    `Cette empreinte de NIP est refusée : ${hashBoundsFr(p)}. Créez-en une avec npm run provision -- --hash-pin.`,
  'provision-wrong-type': (p) => `Il faut ${TYPE_FR[str(p, 'expected')] ?? str(p, 'expected')}.`,
  'provision-one-of': (p) => `Utilisez l’une de ces valeurs : ${str(p, 'values')}.`,
  'provision-invalid': () => 'Cette valeur n’est pas valide.',
  'legacy-message': (p) => str(p, 'text'),
};

const words: Record<Language, Record<ProblemCode, Words>> = { 'en-CA': en, 'fr-CA': fr };

export const PROBLEM_CODES = Object.keys(en) as ProblemCode[];

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === 'string' && Object.hasOwn(en, value);
}

/** The words for a problem in a language. */
export function problemText(language: Language, problem: Problem): string {
  return words[language][problem.code](problem.params ?? {});
}

/** English, for logs, audit lines and the `message` every error still carries. */
export function problemMessage(problem: Problem): string {
  return problemText('en-CA', problem);
}
