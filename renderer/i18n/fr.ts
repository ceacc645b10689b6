/**
 * French, the kiosk's default language, and the reference for every other: a string missing
 * from another language is a type error. `{name}` marks a value filled in at display time.
 */
export const fr = {
  'app.title': 'Carte professionnelle des artisans',
  'app.chamber': "Chambre de Métiers et de l'Artisanat",
  'app.switchLanguage': 'English',
  'app.switchLanguageLabel': 'Switch to English',
  'app.finish': 'Terminer',
  'app.finishLabel': 'Terminer et effacer mes informations',
  'app.demoBadge': 'Démonstration',
  'app.skipToContent': 'Aller au contenu',

  'welcome.heading': 'Votre carte professionnelle',
  'welcome.lead': "Obtenez votre carte d'artisan en quelques minutes : identifiez-vous, mettez à jour vos informations et repartez avec votre carte.",
  'welcome.start': 'Commencer',
  'welcome.needHelp': "Besoin d'aide ? L'accueil est à votre disposition.",
  'welcome.whatYouNeed': 'Munissez-vous de votre numéro d’immatriculation RM et de votre date de naissance.',

  'identify.heading': 'Identifiez-vous',
  'identify.step': 'Étape 1 sur 4',
  'identify.rmLabel': "Numéro d'immatriculation RM",
  'identify.rmHint': 'Par exemple 123 123 127 RM 078',
  'identify.birthDateLegend': 'Date de naissance',
  'identify.birthDateHint': 'Par exemple 14 07 1980',
  'identify.day': 'Jour',
  'identify.month': 'Mois',
  'identify.year': 'Année',
  'identify.submit': 'Valider',
  'identify.checking': 'Vérification…',
  'identify.helpToggle': 'Où trouver mon numéro ?',
  'identify.helpBody':
    'Votre numéro figure sur votre précédente carte professionnelle, sur votre extrait d’immatriculation (extrait RNE de l’INPI, anciennement « extrait D1 ») et sur vos devis et factures. Il est formé de votre SIREN (9 chiffres), des lettres RM (ou RE en Moselle et en Alsace) et du numéro de votre département.',
  'identify.demoHelp': 'Mode démonstration : vous pouvez essayer ces identités.',
  'identify.demoIdentity': '{rmNumber}, né(e) le {birthDate}',
  'identify.errorSummary': 'Il y a un problème',
  'identify.wrongDate.one': 'Cette date de naissance ne correspond pas à ce numéro. Vérifiez le jour, le mois et l’année. Il vous reste un seul essai.',
  'identify.wrongDate.other': 'Cette date de naissance ne correspond pas à ce numéro. Vérifiez le jour, le mois et l’année. Il vous reste {count} essais.',
  'identify.keypad': 'Clavier pour « {field} »',

  'keypad.erase': 'Effacer',
  'keypad.eraseLabel': 'Effacer le dernier caractère',
  'keypad.next': 'Suivant',
  'keypad.nextLabel': 'Aller au champ suivant',

  'outcome.restart': 'Corriger mes informations',
  'outcome.found.heading': 'Bonjour {firstName} {lastName}',
  'outcome.found.company': 'Entreprise : {company}',
  'outcome.found.none': 'Votre identité est confirmée. Prochaine étape : activer votre compte en ligne avec votre adresse e-mail et un mot de passe.',
  'outcome.found.pending': 'Votre identité est confirmée. Votre compte attend sa confirmation : ouvrez le lien reçu par e-mail pour l’activer.',
  'outcome.found.active':
    'Votre identité est confirmée et votre compte est actif. Prochaine étape : vous connecter avec votre adresse e-mail et votre mot de passe.',
  'outcome.found.nextSoon': 'Cette étape se fait pour l’instant avec l’aide de l’accueil.',
  'outcome.notFound.heading': 'Nous ne trouvons pas ce numéro',
  'outcome.notFound.body':
    'Le numéro {rmNumber} ne figure pas dans le répertoire de cette chambre. Vérifiez-le sur votre extrait d’immatriculation. Si votre immatriculation est très récente, l’accueil peut vérifier votre dossier.',
  'outcome.locked.heading': 'Trop d’essais',
  'outcome.locked.body':
    'Par sécurité, le numéro {rmNumber} est bloqué sur cette borne jusqu’à {time}, après 5 dates de naissance incorrectes. L’accueil peut vous aider dès maintenant.',
  'outcome.radiated.heading': 'Votre entreprise est radiée',
  'outcome.radiated.body':
    'Le numéro {rmNumber} est radié du répertoire depuis le {date}. La carte professionnelle est réservée aux entreprises immatriculées.',
  'outcome.radiated.contact': 'Si votre situation a changé, contactez la {chamber} ou adressez-vous à l’accueil.',

  'qualification.artisan': 'Artisan',
  'qualification.maitre-artisan': 'Maître artisan',
  'qualification.artisan-art': 'Artisan d’art',
  'qualification.maitre-artisan-art': 'Maître artisan en métier d’art',
  'qualification.conjoint-collaborateur': 'Conjoint collaborateur',
  'qualification.none': 'Chef d’entreprise artisanale',

  'error.INVALID_INPUT': 'Ces informations n’ont pas pu être lues. Vérifiez ce que vous avez saisi et réessayez.',
  'error.UNKNOWN_CHANNEL': 'Cette action n’est pas disponible sur cette borne. Adressez-vous à l’accueil.',
  'error.FORBIDDEN': 'Cette borne a refusé la demande. Redémarrez la borne ou adressez-vous à l’accueil.',
  'error.INTERNAL': 'Un problème technique est survenu. Réessayez ; s’il persiste, adressez-vous à l’accueil.',
  'error.KIOSK_UNREACHABLE': 'La borne ne répond pas. Réessayez dans un instant ou adressez-vous à l’accueil.',
  'error.RM_EMPTY': 'Saisissez votre numéro d’immatriculation RM.',
  'error.RM_FORMAT': 'Le numéro doit commencer par les 9 chiffres du SIREN, suivis de RM (ou RE) et du département, par exemple 123 123 127 RM 078.',
  'error.RM_SIREN_LENGTH': 'Le SIREN, au début du numéro, doit compter exactement 9 chiffres.',
  'error.RM_CHECKSUM': 'Le dernier chiffre du SIREN ne correspond pas aux 8 premiers : vérifiez les 9 chiffres du SIREN.',
  'error.RM_REGISTER': 'Après les 9 chiffres du SIREN, écrivez RM (répertoire des métiers) ou RE (Moselle, Bas-Rhin, Haut-Rhin).',
  'error.RM_REGISTER_DEPARTMENT':
    'Les lettres ne correspondent pas au département : RE pour la Moselle (57), le Bas-Rhin (67) et le Haut-Rhin (68), RM partout ailleurs.',
  'error.RM_DEPARTMENT': 'Le numéro doit finir par un numéro de département existant, par exemple 078, 2A ou 974.',
  'error.DATE_EMPTY': 'Saisissez votre date de naissance.',
  'error.DATE_INCOMPLETE': 'La date de naissance doit comporter un jour, un mois et une année.',
  'error.DATE_FORMAT': 'La date de naissance s’écrit en chiffres : jour et mois sur 1 ou 2 chiffres, année sur 4 chiffres.',
  'error.DATE_INVALID': 'Cette date n’existe pas : vérifiez le jour et le mois.',
  'error.DATE_FUTURE': 'La date de naissance doit être dans le passé.',
  'error.DATE_TOO_OLD': 'Vérifiez l’année de naissance : elle semble trop ancienne.',
  'error.DATE_TOO_YOUNG': 'Vérifiez l’année de naissance : il faut avoir au moins 16 ans pour diriger une entreprise.',
} as const;

export type MessageKey = keyof typeof fr;
