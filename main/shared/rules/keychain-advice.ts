/**
 * What to tell people when the OS keychain cannot be used, by problem, in two registers:
 *
 * - `KEYCHAIN_DESK`: what a front-desk agent reads in the console — what it means for the
 *   desk and whom to call, never a package or a command;
 * - `KEYCHAIN_IT`: what the chamber's IT does about it — packages, commands, services. The
 *   console keeps it in a "Pour le service informatique" detail the agent can open and read
 *   out on the phone; the log records it.
 *
 * `KEYCHAIN_ADVICE` joins both, for the command line and the startup error, which IT reads.
 */
export const KEYCHAIN_DESK = {
  fr: {
    'not-installed':
      'Le trousseau du système n’est pas utilisable sur cette borne : les secrets ne peuvent pas y être gardés. Prévenez le service informatique de la chambre.',
    'no-service': 'Le trousseau du système ne répond pas. Relancez la borne ; si le problème reste, prévenez le service informatique de la chambre.',
    locked: 'Le trousseau du système est verrouillé. Prévenez le service informatique de la chambre.',
    other: 'Le trousseau du système a refusé la demande. Prévenez le service informatique de la chambre.',
  },
  en: {
    'not-installed': 'The system keychain cannot be used on this kiosk: secrets cannot be kept in it. Tell the chamber’s IT department.',
    'no-service': 'The system keychain does not answer. Restart the kiosk; if the problem stays, tell the chamber’s IT department.',
    locked: 'The system keychain is locked. Tell the chamber’s IT department.',
    other: 'The system keychain refused the request. Tell the chamber’s IT department.',
  },
} as const;

export const KEYCHAIN_IT = {
  fr: {
    'not-installed': 'Le module keytar n’est pas installé : installez libsecret-1-dev puis lancez « npm rebuild keytar ».',
    'no-service':
      'Aucun trousseau (Secret Service) sur le bus D-Bus de la session : ouvrez une session de bureau (ou démarrez gnome-keyring dans une session D-Bus), puis relancez la borne.',
    locked: 'Le trousseau de la session est verrouillé : déverrouillez-le (mot de passe de la session), puis relancez la borne.',
    other: 'Consultez le journal de la borne (événement keychain-unavailable) pour le message du trousseau.',
  },
  en: {
    'not-installed': 'The keytar module is not installed: install libsecret-1-dev, then run “npm rebuild keytar”.',
    'no-service':
      'No keychain (Secret Service) on the session’s D-Bus: open a desktop session (or start gnome-keyring in a D-Bus session), then restart the kiosk.',
    locked: 'The session’s keychain is locked: unlock it (the session password), then restart the kiosk.',
    other: 'See the kiosk’s log (event keychain-unavailable) for the keychain’s message.',
  },
} as const;

type Problem = keyof (typeof KEYCHAIN_DESK)['fr'];
const both = (lang: 'fr' | 'en') =>
  Object.fromEntries((Object.keys(KEYCHAIN_DESK[lang]) as Problem[]).map((p) => [p, `${KEYCHAIN_DESK[lang][p]} ${KEYCHAIN_IT[lang][p]}`])) as Record<
    Problem,
    string
  >;

export const KEYCHAIN_ADVICE = { fr: both('fr'), en: both('en') } as const;
