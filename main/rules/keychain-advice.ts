/**
 * What to tell a person when the OS keychain cannot be used, by problem: printed by the
 * command line and at startup, shown by the staff console (renderer/i18n takes them from here).
 */
export const KEYCHAIN_ADVICE = {
  fr: {
    'not-installed':
      'Le trousseau du système n’est pas utilisable : le module keytar n’est pas installé. Installez libsecret-1-dev puis lancez « npm rebuild keytar ».',
    'no-service':
      'Le trousseau du système ne répond pas : ouvrez une session de bureau (ou démarrez gnome-keyring dans une session D-Bus), puis relancez la borne.',
    locked: 'Le trousseau du système est verrouillé : déverrouillez-le (mot de passe de la session), puis relancez la borne.',
    other: 'Le trousseau du système a refusé la demande : consultez le journal de la borne et l’informatique de la chambre.',
  },
  en: {
    'not-installed': 'The system keychain cannot be used: the keytar module is not installed. Install libsecret-1-dev, then run “npm rebuild keytar”.',
    'no-service': 'The system keychain does not answer: open a desktop session (or start gnome-keyring in a D-Bus session), then restart the kiosk.',
    locked: 'The system keychain is locked: unlock it (the session password), then restart the kiosk.',
    other: 'The system keychain refused the request: see the kiosk’s log and the chamber’s IT.',
  },
} as const;
