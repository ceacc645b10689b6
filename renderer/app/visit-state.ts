import type { IdentifyOutcome, MyInformation } from '../../main/shared/artisan.ts';
import type { CardView } from '../../main/shared/card.ts';
import type { OrderTicket } from '../../main/shared/orders.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { type CallAction, IDLE, type Status } from './machine.ts';

/**
 * The artisan's visit as a state machine keyed by screen: each screen carries what it shows
 * (the outcome screen its answer, "Ma carte" its card), so no screen is drawn from a field that
 * may be missing. What the person typed lives beside the screen, in `forms`, so that switching
 * language, "Retour" and the help screens never lose it, and "Terminer" wipes it at once.
 * The transitions (visit-machine.ts) are named for what the person did or what the kiosk answered.
 */

export const EMPTY_FORMS = {
  identify: { rmNumber: '', day: '', month: '', year: '' },
  activate: { email: '', mobile: '', password: '', confirmation: '' },
  /** "Ce n'est pas mon adresse": the new address for the activation's link. */
  changeEmail: { email: '' },
  login: { email: '', password: '' },
  contact: { email: '', mobile: '', line1: '', line2: '', postalCode: '', city: '' },
};
export type Forms = typeof EMPTY_FORMS;
export type FormName = keyof Forms;
export type FormField = keyof Forms['identify'];
export type IdentifyForm = Forms['identify'];

/** One field of one form typed: the field must belong to that form (`edit` of 'login' has no 'city'). */
export type EditAction = { [F in FormName]: { type: 'edit'; form: F; field: keyof Forms[F]; value: string } }[FormName];

export type Found = Extract<IdentifyOutcome, { kind: 'found' }>;
/** An answer shown on its own screen: a wrong date stays on the form, next to the date. */
export type ShownOutcome = Exclude<IdentifyOutcome, { kind: 'wrong-date' }>;
export type CardLink = { url: string; expiresAt: string };

/** The screens of the path, each with what it shows. */
export type VisitPlace =
  | { screen: 'welcome' }
  | { screen: 'identify' }
  | { screen: 'outcome'; outcome: ShownOutcome }
  | { screen: 'activate'; found: Found }
  /** `found`: the artisan's answer, for "Retour" to show it again with the account as it now stands. */
  | { screen: 'check-mail'; found: Found | null; email: string; activated: { loggedIn: boolean } | null }
  | { screen: 'change-email'; found: Found | null; email: string; from: 'outcome' | 'check-mail' }
  | { screen: 'login'; found: Found | null }
  | { screen: 'forgot'; found: Found | null }
  | { screen: 'space'; info: MyInformation }
  | { screen: 'photo'; info: MyInformation }
  | { screen: 'card'; info: MyInformation; card: CardView; link: CardLink | null }
  | { screen: 'pvc-order'; info: MyInformation; card: CardView; order: OrderTicket | null };

export const HELP_SCREENS = ['faq', 'partners', 'support', 'verify'] as const;
export type HelpScreen = (typeof HELP_SCREENS)[number];

/** A help screen, opened from any screen: "Retour" goes back to `returnTo` as it was. */
export type VisitHelp = { screen: HelpScreen; returnTo: VisitPlace };

export type VisitScreen = VisitPlace | VisitHelp;
export type VisitScreenName = VisitScreen['screen'];

type Common = Status & { forms: Forms };
export type VisitState = VisitScreen & Common;
/** The state on one screen, for code that knows where it is. */
export type VisitOn<S extends VisitScreenName> = Extract<VisitScreen, { screen: S }> & Common;

export type VisitAction =
  | CallAction
  | EditAction
  /** "Commencer". */
  | { type: 'start' }
  /** The registry's answer to the number and date (a wrong date is `wrong-date`). */
  | { type: 'identified'; outcome: ShownOutcome }
  | { type: 'wrong-date'; triesLeft: number }
  /** "Corriger" on the answer: back to the form, the number and date as typed. */
  | { type: 'correct' }
  | { type: 'chose-activate' }
  /** "Se connecter" (or an account found active where it was thought waiting). */
  | { type: 'chose-login' }
  | { type: 'chose-forgot' }
  /** The activation link sent (activating, sent again, or found waiting): the check-mail screen. */
  | { type: 'mail-sent'; email: string; notices?: MessageKey[] }
  /** "Ce n'est pas mon adresse", with where the link went. */
  | { type: 'chose-not-mine'; email: string }
  /** The registry took the new address: the link went there. */
  | { type: 'email-changed'; email: string }
  /** "Activer" answered that an account exists already (the kiosk's copy was behind): on to log in. */
  | { type: 'account-exists' }
  /** The link was followed while the check-mail screen waited. */
  | { type: 'link-followed'; loggedIn: boolean }
  /** Logged in (or activated here, logged in): "Mon espace" with what the registry knows. */
  | { type: 'logged-in'; info: MyInformation }
  | { type: 'logged-out' }
  | { type: 'reset-mail-sent' }
  | { type: 'details-saved'; notices: MessageKey[] }
  | { type: 'opened-photo' }
  /** "Ma carte" answered (after a photo, or back from the PVC order). */
  | { type: 'opened-card'; card: CardView; notices?: MessageKey[] }
  | { type: 'card-mailed'; notices: MessageKey[] }
  | { type: 'got-phone-link'; link: CardLink }
  | { type: 'asked-pvc' }
  | { type: 'ordered-pvc'; order: OrderTicket }
  /** "Retour" on a screen of the path (path.ts says where), what was typed kept. */
  | { type: 'previous' }
  | { type: 'help'; screen: HelpScreen }
  /** "Retour" on a help screen. */
  | { type: 'back' }
  /** "Terminer" or the idle timeout: nothing of the visit stays. */
  | { type: 'finish' }
  /** The core could not end the previous visit ("session:end" failed): said on the screen, for the desk. */
  | { type: 'end-failed' };

export const initialVisit: VisitState = { screen: 'welcome', forms: EMPTY_FORMS, ...IDLE };
