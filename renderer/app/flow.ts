import type { IdentifyOutcome, MyInformation } from '../../main/shared/artisan.ts';
import type { CardView } from '../../main/shared/card.ts';
import type { StaffOverview } from '../../main/shared/console.ts';
import type { ErrorCode, ErrorField, FieldProblem } from '../../main/shared/errors.ts';
import type { SecretsView, SettingsView } from '../../main/shared/kiosk.ts';
import type { OrderTicket } from '../../main/shared/orders.ts';
import type { PrinterStatus } from '../../main/shared/printers.ts';
import { formatMobile } from '../../main/shared/rules/phone-format.ts';
import type { EmailTarget, IdDocument, IssuanceResult, SearchHit, StaffMember } from '../../main/shared/staff.ts';
import type { MessageKey } from '../i18n/fr.ts';
import { previousScreen } from './path.ts';

/**
 * The visit as a state machine. Everything a person typed lives here, outside the screens,
 * so that switching language or going back never loses it, and "Terminer" wipes it at once.
 */
export type Screen =
  | 'welcome'
  | 'identify'
  | 'outcome'
  | 'activate'
  | 'check-mail'
  | 'change-email'
  | 'login'
  | 'forgot'
  | 'space'
  | 'faq'
  | 'partners'
  | 'support'
  | 'photo'
  | 'card'
  | 'pvc-order'
  | 'verify'
  | 'staff-pin'
  | 'staff-console'
  | 'staff-issue'
  | 'staff-issue-photo'
  | 'staff-issue-card';

/** Screens of information, opened from any screen and left by "Retour". */
export const HELP_SCREENS: readonly Screen[] = ['faq', 'partners', 'support', 'verify'];

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

/** A sentence to show next to a field: its message and the values it names. */
export type FieldError = { key: MessageKey; params?: Record<string, string | number> };

/** "Délivrer une carte" in progress at the console. */
export type IssueState = {
  query: string;
  hits: SearchHit[] | null;
  selected: string | null;
  document: IdDocument | null;
  card: CardView | null;
  /** The answer to the last action on the card, replaced by the next one (never stacked). */
  result: IssuanceResult | null;
  /** Where an e-mailed card would go, shown before staff send it. */
  emailTarget: EmailTarget | null;
  /** The PVC order taken in this issuance: its payment buttons do not come back. */
  ordered: string | null;
};
const EMPTY_ISSUE: IssueState = { query: '', hits: null, selected: null, document: null, card: null, result: null, emailTarget: null, ordered: null };

export type FlowState = {
  screen: Screen;
  forms: Forms;
  /** Errors by field, shown above the field and in the summary. */
  errors: Partial<Record<ErrorField | 'general', FieldError>>;
  outcome: IdentifyOutcome | null;
  pending: boolean;
  /** Bumped by every submit that ends in errors, so the summary takes focus again. */
  errorTick: number;
  /** The address a confirmation went to. */
  email: string | null;
  /** The link was followed while the check-mail screen waited: said there, then "Continuer". */
  activated: { loggedIn: boolean } | null;
  /** Where "Retour" leads from "Ce n'est pas mon adresse". */
  changeEmailFrom: 'outcome' | 'check-mail';
  info: MyInformation | null;
  /** A sentence confirming what just happened (saved, sent). */
  notices: MessageKey[];
  /** Where "Retour" leads from a help screen. */
  returnTo: Screen;
  card: CardView | null;
  /** A one-time download link for the phone, while "Ma carte" shows it. */
  cardLink: { url: string; expiresAt: string } | null;
  staff: { configured: boolean; name: string | null; id?: number };
  members: StaffMember[] | null;
  settings: SettingsView | null;
  issue: IssueState;
  overview: StaffOverview | null;
  /** The PVC order of this visit, once asked for. */
  order: OrderTicket | null;
  printers: PrinterStatus[] | null;
  secrets: SecretsView | null;
};

export type FlowAction =
  | { type: 'start' }
  | { type: 'edit'; form: FormName; field: string; value: string }
  | { type: 'submit' }
  | { type: 'refused'; code: ErrorCode; problems?: FieldProblem[]; params?: Record<string, string | number> }
  | { type: 'answered'; outcome: IdentifyOutcome }
  | { type: 'go'; screen: Screen; notices?: MessageKey[] }
  | { type: 'help'; screen: Screen }
  | { type: 'back' }
  /** "Retour" on a screen of the artisan's path: to the screen before it (path.ts), what was typed kept. */
  | { type: 'previous' }
  | { type: 'mail-sent'; email: string; notices?: MessageKey[] }
  | { type: 'activated'; loggedIn: boolean }
  | { type: 'change-email'; email: string; from: 'outcome' | 'check-mail' }
  | { type: 'profile'; info: MyInformation }
  | { type: 'saved'; notices: MessageKey[] }
  | { type: 'card'; card: CardView; notices?: MessageKey[] }
  | { type: 'card-link'; link: { url: string; expiresAt: string } }
  | { type: 'staff'; configured: boolean; name: string | null; id?: number; notices?: MessageKey[] }
  | { type: 'members'; members: StaffMember[]; notices?: MessageKey[] }
  | { type: 'settings'; settings: SettingsView; notices?: MessageKey[] }
  | { type: 'issue-edit'; patch: Partial<Pick<IssueState, 'query' | 'selected' | 'document'>> }
  | { type: 'issue-hits'; hits: SearchHit[] }
  | { type: 'issue-card'; card: CardView }
  | { type: 'issue-result'; result: IssuanceResult }
  | { type: 'issue-email-target'; target: EmailTarget }
  | { type: 'issue-reset'; screen: Screen }
  | { type: 'overview'; overview: StaffOverview; quiet?: boolean }
  | { type: 'order'; order: OrderTicket | null }
  | { type: 'printers'; printers: PrinterStatus[]; notices?: MessageKey[]; quiet?: boolean }
  | { type: 'secrets'; secrets: SecretsView; notices?: MessageKey[] }
  | { type: 'correct' }
  /** An action answered with nothing new to show (its effect was already shown): the wait ends. */
  | { type: 'settled' }
  | { type: 'finish' };

export const initialFlow: FlowState = {
  screen: 'welcome',
  forms: EMPTY_FORMS,
  errors: {},
  outcome: null,
  pending: false,
  errorTick: 0,
  email: null,
  activated: null,
  changeEmailFrom: 'check-mail',
  info: null,
  notices: [],
  returnTo: 'welcome',
  card: null,
  cardLink: null,
  staff: { configured: true, name: null },
  members: null,
  settings: null,
  issue: EMPTY_ISSUE,
  overview: null,
  order: null,
  printers: null,
  secrets: null,
};

/**
 * The identification's answer with the account as it now stands: "Retour" from the login screen
 * shows the artisan's name with the account just activated, not the "Activer" of before.
 */
function withAccount(outcome: IdentifyOutcome | null, accountStatus: 'pending' | 'active'): IdentifyOutcome | null {
  return outcome?.kind === 'found' ? { ...outcome, artisan: { ...outcome.artisan, accountStatus } } : outcome;
}

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'start':
      return { ...initialFlow, screen: 'identify' };
    case 'edit':
      return { ...state, forms: { ...state.forms, [action.form]: { ...state.forms[action.form], [action.field]: action.value } } };
    case 'submit':
      // A new action on the card to issue: the previous answer goes, the new one takes its place.
      return { ...state, pending: true, notices: [], issue: { ...state.issue, result: null, emailTarget: null } };
    case 'refused':
      return {
        ...state,
        pending: false,
        errors: action.problems?.length
          ? Object.fromEntries(action.problems.map((p) => [p.field, { key: `error.${p.code}` }]))
          : { general: { key: `error.${action.code}`, ...(action.params ? { params: action.params } : {}) } },
        errorTick: state.errorTick + 1,
      };
    case 'answered':
      if (action.outcome.kind === 'wrong-date') {
        // A wrong date stays on the form, next to the date, with the tries left.
        return {
          ...state,
          pending: false,
          errors: {
            birthDate: {
              key: action.outcome.triesLeft === 1 ? 'identify.wrongDate.one' : 'identify.wrongDate.other',
              params: { count: action.outcome.triesLeft },
            },
          },
          errorTick: state.errorTick + 1,
        };
      }
      return { ...state, pending: false, errors: {}, outcome: action.outcome, screen: 'outcome' };
    case 'go':
      return { ...state, pending: false, errors: {}, screen: action.screen, notices: action.notices ?? [] };
    case 'help':
      // Everything typed stays; "Retour" comes back to it.
      return { ...state, screen: action.screen, returnTo: HELP_SCREENS.includes(state.screen) ? state.returnTo : state.screen };
    case 'back':
      return { ...state, screen: state.returnTo };
    case 'previous': {
      const screen = previousScreen(state);
      if (!screen) return state;
      // Back to identification: the answer goes (it is asked again), the number and date stay.
      return { ...state, pending: false, errors: {}, notices: [], screen, ...(screen === 'identify' ? { outcome: null } : {}) };
    }
    case 'mail-sent':
      return {
        ...state,
        pending: false,
        errors: {},
        email: action.email,
        activated: null,
        notices: action.notices ?? [],
        screen: 'check-mail',
        outcome: withAccount(state.outcome, 'pending'),
        forms: { ...state.forms, activate: { ...state.forms.activate, password: '', confirmation: '' } },
      };
    case 'activated':
      return { ...state, pending: false, errors: {}, notices: [], activated: { loggedIn: action.loggedIn }, outcome: withAccount(state.outcome, 'active') };
    case 'change-email':
      // What was typed here before (a refused try, an earlier change) stays in the field.
      return { ...state, pending: false, errors: {}, notices: [], email: action.email, changeEmailFrom: action.from, screen: 'change-email' };
    case 'profile': {
      const c = action.info.contact;
      const a = c.deliveryAddress;
      // Passwords are not kept a moment longer than needed.
      const forms = { ...state.forms, activate: EMPTY_FORMS.activate, login: { ...state.forms.login, password: '' } };
      return {
        ...state,
        pending: false,
        errors: {},
        info: action.info,
        screen: 'space',
        forms: {
          ...forms,
          contact: {
            // The address in use (the one just typed to log in); one waiting for its link is
            // named under the field, masked unless typed in this visit.
            email: c.email,
            mobile: c.mobile ? formatMobile(c.mobile) : '',
            line1: a?.line1 ?? '',
            line2: a?.line2 ?? '',
            postalCode: a?.postalCode ?? '',
            city: a?.city ?? '',
          },
        },
      };
    }
    case 'card':
      // No card without a photo: "Ma carte" takes the artisan to "Ma photo" first, saying why.
      if (!action.card.photo) return { ...state, pending: false, errors: {}, card: action.card, cardLink: null, screen: 'photo', notices: ['photo.needed'] };
      return { ...state, pending: false, errors: {}, card: action.card, cardLink: null, screen: 'card', notices: action.notices ?? [] };
    case 'staff':
      return {
        ...state,
        pending: false,
        errors: {},
        staff: { configured: action.configured, name: action.name, ...(action.id ? { id: action.id } : {}) },
        screen: action.name ? 'staff-console' : 'staff-pin',
        notices: action.notices ?? [],
      };
    case 'settled':
      return { ...state, pending: false };
    case 'overview':
      // The console refreshes itself every few seconds: that must not wipe a refusal being read.
      return action.quiet ? { ...state, overview: action.overview } : { ...state, pending: false, errors: {}, overview: action.overview };
    case 'order':
      return { ...state, pending: false, errors: {}, order: action.order, screen: 'pvc-order' };
    case 'issue-edit':
      return { ...state, issue: { ...state.issue, ...action.patch } };
    case 'issue-hits':
      // A new search: a choice among the previous results no longer holds.
      return { ...state, pending: false, errors: {}, issue: { ...state.issue, hits: action.hits, selected: null, document: null } };
    case 'issue-card':
      return {
        ...state,
        pending: false,
        errors: {},
        issue: { ...state.issue, card: action.card, result: null, emailTarget: null },
        screen: 'staff-issue-card',
      };
    case 'issue-result': {
      const ordered = action.result.delivery === 'pvc' ? action.result.orderNumber : state.issue.ordered;
      return { ...state, pending: false, errors: {}, issue: { ...state.issue, result: action.result, emailTarget: null, ordered } };
    }
    case 'issue-email-target':
      return { ...state, pending: false, errors: {}, issue: { ...state.issue, result: null, emailTarget: action.target } };
    case 'issue-reset':
      return { ...state, pending: false, errors: {}, issue: EMPTY_ISSUE, screen: action.screen };
    case 'settings':
      return { ...state, pending: false, errors: {}, settings: action.settings, notices: action.notices ?? [] };
    case 'members':
      return { ...state, pending: false, errors: {}, members: action.members, notices: action.notices ?? [] };
    case 'secrets':
      return { ...state, pending: false, errors: {}, secrets: action.secrets, notices: action.notices ?? [] };
    case 'printers':
      // Quiet: read again on the kiosk's event (a printer switched off), no one waits for it; what the screen says stays.
      if (action.quiet) return { ...state, printers: action.printers };
      return { ...state, pending: false, errors: {}, printers: action.printers, notices: action.notices ?? [] };
    case 'card-link':
      return { ...state, pending: false, errors: {}, cardLink: action.link };
    case 'saved':
      return { ...state, pending: false, errors: {}, notices: action.notices };
    case 'correct':
      return { ...state, screen: 'identify', outcome: null, errors: {} };
    case 'finish':
      return initialFlow;
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}
