import { pluralsOf } from '../../intl';
import { money, num, str, theirs, type Words } from './params';
import type { ProblemCode, ProblemParams } from '../problems';

/**
 * What each problem main can report says in French (Canada), in English's order: every code English has
 * (`ProblemCode`), and no other, or the build fails. French has "one" for 0 and 1 (`forms`, Intl.PluralRules).
 */
const forms = pluralsOf('fr-CA');
const fr$ = (params: ProblemParams, key: string) => money(params, key, 'fr-CA');

/** A JSON type, as a provisioning error names it (zod's `expected`). */
const TYPE_FR: Record<string, string> = {
  number: 'un nombre',
  string: 'du texte entre guillemets',
  array: 'une liste [ … ]',
  object: 'un objet { … }',
  boolean: 'true ou false',
};

/** The parts of an admin PIN hash (src/shared/settings/pin-hash.ts), as a bounds error names them. */
const PIN_HASH_PART_FR: Record<string, string> = {
  N: 'le N de scrypt',
  r: 'le r de scrypt',
  p: 'le p de scrypt',
  salt: 'la longueur du sel en octets',
  key: 'la longueur de la clé en octets',
};
const hashBoundsFr = (p: ProblemParams) =>
  `${PIN_HASH_PART_FR[str(p, 'part')] ?? str(p, 'part')} y vaut ${str(p, 'value')}, et doit aller de ${str(p, 'min')} à ${str(p, 'max')}${str(p, 'part') === 'N' ? ', une puissance de deux' : ''}`;

/** What OPSCOM's documented error codes mean, in plain words. */
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

export const fr: Record<ProblemCode, Words> = {
  // Requests
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
  // The contract's validation messages
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
  // Fleet monitoring (#14)
  'metrics-listen-format': () =>
    'Écrivez l’adresse des métriques sous forme d’adresse IP et de port, comme 127.0.0.1:9464 ou [::1]:9464 ; laissez vide pour la désactiver.',
  'pushgateway-url-format': () =>
    'L’adresse du Pushgateway commence par http:// ou https://, comme http://pushgateway.exemple:9091 ; laissez vide pour le désactiver.',
  'push-interval-range': () => 'De 5 à 3600 secondes.',
  // Updates (#13)
  'update-feed-url-format': () =>
    'La source des mises à jour est une adresse https://, comme https://maj.exemple/kiosque/ ; laissez vide pour désactiver les mises à jour.',
  'maintenance-hour-range': () => 'Une heure d’entretien va de 0 à 23, ou aucune.',
  'reason-needed': () => 'Donnez une raison.',
  'report-date-format': () => 'Une date s’écrit AAAA-MM-JJ.',
  // Tenders and refunds
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
  // The cash drawer
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
  // Correcting a plate after the sale
  'plate-fix-needs-pin': (p) =>
    `Ce permis a été émis il y a plus de ${num(p, 'minutes')} min : corriger sa plaque exige le NIP administrateur.`,
  'plate-fix-same': (p) => `${str(p, 'plate')} est déjà la plaque de ce permis.`,
  'plate-fix-in-queue': () => 'Ce permis est à vérifier dans la file : corrigez-y sa plaque.',
  // The admin PIN
  'pin-wrong': (p) =>
    `Ce NIP n’est pas le bon. Il reste ${num(p, 'triesLeft')} ${forms(num(p, 'triesLeft'), { one: 'essai', other: 'essais' })}.`,
  // Both lock-outs also carry `until`, the instant the lock ends (ISO), which the PIN prompts count down to.
  'pin-locked': (p) => `Trop de NIP erronés. Réessayez dans ${num(p, 'minutes')} min.`,
  'pin-just-locked': (p) =>
    `Trop de NIP erronés. Le NIP est bloqué pendant ${num(p, 'minutes')} ${forms(num(p, 'minutes'), { one: 'minute', other: 'minutes' })}.`,
  'pin-not-set': () => 'Aucun NIP administrateur n’est encore choisi. Choisissez-en un au premier écran.',
  'pin-set-first': () => 'Choisissez d’abord le NIP administrateur : un superviseur le fait au premier écran.',
  'pin-already-set': () => 'Un NIP administrateur existe déjà : changez-le dans l’écran Réglages.',
  'pin-demo': (p) => `Le mode démo garde le NIP ${str(p, 'pin')}.`,
  'pin-hash-unusable': (p) =>
    `L’empreinte du NIP administrateur de ce kiosque ne peut pas être vérifiée : ${p.part ? hashBoundsFr(p) : 'ce n’est pas une empreinte de NIP'}. Le service informatique doit en fournir une nouvelle (npm run provision -- --hash-pin).`,
  // Shifts
  'shift-needed': () => 'Commencez un quart (connectez-vous) avant d’émettre des permis.',
  'shift-still-open': (p) =>
    `Le quart de ${str(p, 'attendant')} est encore ouvert. Fermez-le avant d’en commencer un autre.`,
  'no-shift-open': () => 'Aucun quart n’est ouvert.',
  // Permits
  'zone-unknown': (p) => `« ${str(p, 'zone')} » n’est pas une zone de ce kiosque.`,
  'permit-unknown': (p) => `Ce kiosque n’a pas de permis ${str(p, 'ticket')}.`,
  'permit-cancelled': (p) => `Le permis ${str(p, 'ticket')} a déjà été annulé.`,
  'permit-ended': (p) => `Le permis ${str(p, 'ticket')} est déjà terminé. Émettez-en un nouveau.`,
  // Settings and the token
  'token-new-host': (p) =>
    `Le jeton API enregistré irait à ${str(p, 'host')} : entrez de nouveau le jeton, ou confirmez l’envoi à cette adresse.`,
  'token-obscured-consent': () =>
    'Pas de trousseau sur cet ordinateur : le jeton serait seulement masqué. Un superviseur doit d’abord l’accepter.',
  'token-no-encryption': () => 'Cet ordinateur ne peut pas chiffrer le jeton API; il n’a pas été enregistré.',
  'hard-below-soft': () => 'Le délai maximal ne peut pas être plus court que le premier délai.',
  // The queue and the reconciliation list
  'retry-needs-attention': () => 'Seule une action à vérifier peut être réessayée.',
  'correct-needs-attention': () => 'Seule une action à vérifier peut avoir sa plaque corrigée.',
  'discard-needs-attention': () => 'Seule une action à vérifier peut être abandonnée.',
  'not-on-reconciliation-list': (p) => `Le permis ${str(p, 'ticket')} n’est pas sur la liste à vérifier.`,
  // OPSCOM's answers
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
  // The kiosk's own disk (#19): the action's transaction did not commit, so nothing of it was kept.
  'disk-full': () => 'Le disque de ce kiosque est plein : rien n’a été enregistré. Appelez un superviseur.',
  'disk-failing': () => 'Le disque de ce kiosque est défaillant : rien n’a été enregistré. Appelez un superviseur.',
  'disk-read-only': () =>
    'Ce kiosque ne peut pas écrire sur son disque (lecture seule) : rien n’a été enregistré. Appelez un superviseur.',
  'disk-too-low': () =>
    'Le disque de ce kiosque est presque plein : les nouvelles ventes sont arrêtées pour que celles en attente puissent encore être envoyées. Appelez un superviseur.',
  'disk-low': (p) =>
    `Le disque de ce kiosque se remplit (il reste ${num(p, 'freeMiB')} Mio) : libérez de l’espace avant que les nouvelles ventes soient arrêtées.`,
  // Raised by the page itself when it cannot reach main.
  'kiosk-service-silent': () => 'Le service du kiosque ne répond pas. Réessayez dans un instant.',
  'station-link-lost': () => 'Cette page a perdu son lien avec la station. Rechargez-la.',
  'answer-off-contract': () => 'Le service du kiosque a envoyé une réponse inattendue.',
  // Provisioning (kiosk-provision.json, #13): read by IT in a terminal, so worded for them.
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
