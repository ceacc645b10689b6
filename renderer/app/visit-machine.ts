import type { MyInformation } from '../../main/shared/artisan.ts';
import { formatMobile } from '../../main/shared/rules/phone-format.ts';
import { answered, callStatus, refuse, type Status } from './machine.ts';
import { previousPlace } from './path.ts';
import {
  EMPTY_FORMS,
  type FormName,
  type Forms,
  type Found,
  initialVisit,
  type VisitAction,
  type VisitHelp,
  type VisitPlace,
  type VisitScreenName,
  type VisitState,
} from './visit-state.ts';

/** The screens where each form is typed: an edit elsewhere is refused. */
const FORM_SCREENS: Record<FormName, readonly VisitScreenName[]> = {
  identify: ['identify'],
  activate: ['activate'],
  changeEmail: ['change-email'],
  login: ['login', 'forgot'],
  contact: ['space'],
};

function status(state: VisitState): Status {
  return { pending: state.pending, errors: state.errors, errorTick: state.errorTick, notices: state.notices };
}

/** The visit on a new screen, built whole: nothing of the screen left lingers beside it. */
function at(place: VisitPlace | VisitHelp, s: Status, forms: Forms): VisitState {
  return { ...place, ...s, forms };
}

/**
 * The identification's answer with the account as it now stands: "Retour" from the login screen
 * shows the artisan's name with the account just activated, not the "Activer" of before.
 */
function withAccount(found: Found | null, accountStatus: 'pending' | 'active'): Found | null {
  return found && { ...found, artisan: { ...found.artisan, accountStatus } };
}

/** The artisan's answer the screen carries, if any (for "Retour" from the account's screens). */
function foundOn(state: VisitState): Found | null {
  switch (state.screen) {
    case 'outcome':
      return state.outcome.kind === 'found' ? state.outcome : null;
    case 'activate':
    case 'check-mail':
    case 'change-email':
    case 'login':
    case 'forgot':
      return state.found;
    default:
      return null;
  }
}

/** The login form, with the address typed to activate when none was typed to log in: nothing typed is lost. */
function loginForm(forms: Forms): Forms {
  return { ...forms, login: { ...forms.login, email: forms.login.email || forms.activate.email } };
}

/** Passwords are not kept a moment longer than needed. */
function withoutPasswords(forms: Forms): Forms {
  return { ...forms, activate: { ...forms.activate, password: '', confirmation: '' }, login: { ...forms.login, password: '' } };
}

function loggedIn(state: VisitState, info: MyInformation): VisitState {
  const c = info.contact;
  const a = c.deliveryAddress;
  const forms: Forms = {
    ...state.forms,
    activate: EMPTY_FORMS.activate,
    login: { ...state.forms.login, password: '' },
    // The address in use (the one just typed to log in); one waiting for its link is named under
    // the field, masked unless typed in this visit.
    contact: {
      email: c.email,
      mobile: c.mobile ? formatMobile(c.mobile) : '',
      line1: a?.line1 ?? '',
      line2: a?.line2 ?? '',
      postalCode: a?.postalCode ?? '',
      city: a?.city ?? '',
    },
  };
  return at({ screen: 'space', info }, { ...answered(state), notices: state.notices }, forms);
}

/** The visit's transitions. An action the screen on show has no use for is refused (machine.ts). */
export function visitReducer(state: VisitState, action: VisitAction): VisitState {
  const no = () => refuse(state, 'visit', action, state.screen);
  switch (action.type) {
    case 'submit':
    case 'refused':
    case 'settled':
      return { ...state, ...callStatus(status(state), action) };
    case 'edit': {
      if (!FORM_SCREENS[action.form].includes(state.screen)) return no();
      const form = { ...state.forms[action.form], [action.field]: action.value };
      return { ...state, forms: { ...state.forms, [action.form]: form } };
    }
    case 'start':
      return state.screen === 'welcome' ? at({ screen: 'identify' }, answered(state), EMPTY_FORMS) : no();
    case 'identified':
      if (state.screen !== 'identify' && state.screen !== 'outcome') return no();
      return at({ screen: 'outcome', outcome: action.outcome }, answered(state), state.forms);
    case 'wrong-date': {
      // A wrong date stays on the form, next to the date, with the tries left.
      if (state.screen !== 'identify' && state.screen !== 'outcome') return no();
      const key = action.triesLeft === 1 ? 'identify.wrongDate.one' : 'identify.wrongDate.other';
      const s: Status = { pending: false, errors: { birthDate: { key, params: { count: action.triesLeft } } }, errorTick: state.errorTick + 1, notices: [] };
      return at({ screen: 'identify' }, s, state.forms);
    }
    case 'correct':
      return state.screen === 'outcome' ? at({ screen: 'identify' }, { ...answered(state), notices: state.notices }, state.forms) : no();
    case 'chose-activate': {
      const found = state.screen === 'outcome' ? foundOn(state) : null;
      return found ? at({ screen: 'activate', found }, answered(state), state.forms) : no();
    }
    case 'chose-login':
      if (state.screen !== 'outcome' && state.screen !== 'check-mail' && state.screen !== 'change-email') return no();
      if (state.screen === 'outcome' && state.outcome.kind !== 'found') return no();
      return at({ screen: 'login', found: foundOn(state) }, answered(state), loginForm(state.forms));
    case 'account-exists':
      if (state.screen !== 'activate') return no();
      return at(
        { screen: 'login', found: withAccount(state.found, 'active') },
        answered(state, ['login.accountExists']),
        loginForm({ ...state.forms, activate: { ...state.forms.activate, password: '', confirmation: '' } }),
      );
    case 'chose-forgot':
      return state.screen === 'login' ? at({ screen: 'forgot', found: state.found }, answered(state), state.forms) : no();
    case 'mail-sent': {
      if (state.screen !== 'activate' && state.screen !== 'outcome' && state.screen !== 'check-mail') return no();
      const found = withAccount(foundOn(state), 'pending');
      if (state.screen === 'outcome' && !found) return no();
      const forms = { ...state.forms, activate: { ...state.forms.activate, password: '', confirmation: '' } };
      return at({ screen: 'check-mail', found, email: action.email, activated: null }, answered(state, action.notices), forms);
    }
    case 'chose-not-mine': {
      if (state.screen !== 'outcome' && state.screen !== 'check-mail') return no();
      const found = foundOn(state);
      if (state.screen === 'outcome' && !found) return no();
      // What was typed here before (a refused try, an earlier change) stays in the field.
      const from = state.screen === 'outcome' ? 'outcome' : 'check-mail';
      return at({ screen: 'change-email', found, email: action.email, from }, answered(state), state.forms);
    }
    case 'email-changed': {
      if (state.screen !== 'change-email') return no();
      // The address the link now goes to was typed in this visit: shown whole from now on. Only
      // once the registry took it: an address merely typed here, then left, must not unmask the
      // one on file by matching it (no guessing someone's address at the kiosk).
      const forms = { ...state.forms, activate: { ...state.forms.activate, email: action.email, password: '', confirmation: '' } };
      const place = { screen: 'check-mail' as const, found: withAccount(state.found, 'pending'), email: action.email, activated: null };
      return at(place, answered(state, ['checkMail.changed']), forms);
    }
    case 'link-followed':
      if (state.screen !== 'check-mail') return no();
      return { ...state, ...answered(state), found: withAccount(state.found, 'active'), activated: { loggedIn: action.loggedIn } };
    case 'logged-in':
      return state.screen === 'login' || state.screen === 'check-mail' ? loggedIn(state, action.info) : no();
    case 'logged-out':
      return state.screen === 'space' ? at({ screen: 'login', found: null }, answered(state), withoutPasswords(state.forms)) : no();
    case 'reset-mail-sent':
      return state.screen === 'forgot' ? { ...state, ...answered(state, ['forgot.sent']) } : no();
    case 'details-saved':
      return state.screen === 'space' ? { ...state, ...answered(state, action.notices) } : no();
    case 'opened-photo':
      return state.screen === 'space' || state.screen === 'card' ? at({ screen: 'photo', info: state.info }, answered(state), state.forms) : no();
    case 'opened-card': {
      if (state.screen !== 'space' && state.screen !== 'photo' && state.screen !== 'pvc-order') return no();
      // No card without a photo: "Ma carte" takes the artisan to "Ma photo" first, saying why.
      if (!action.card.photo) return at({ screen: 'photo', info: state.info }, answered(state, ['photo.needed']), state.forms);
      return at({ screen: 'card', info: state.info, card: action.card, link: null }, answered(state, action.notices), state.forms);
    }
    case 'card-mailed':
      return state.screen === 'card' ? { ...state, ...answered(state, action.notices) } : no();
    case 'got-phone-link':
      return state.screen === 'card' ? { ...state, ...answered(state, state.notices), link: action.link } : no();
    case 'asked-pvc':
      if (state.screen !== 'card') return no();
      return at({ screen: 'pvc-order', info: state.info, card: state.card, order: null }, answered(state), state.forms);
    case 'ordered-pvc':
      return state.screen === 'pvc-order' && state.order === null ? { ...state, ...answered(state), order: action.order } : no();
    case 'previous': {
      const place = previousPlace(state);
      return place ? at(place, answered(state), state.forms) : no();
    }
    case 'help': {
      // Everything typed stays; "Retour" comes back to it, as it was.
      const returnTo = 'returnTo' in state ? state.returnTo : placeOf(state);
      return at({ screen: action.screen, returnTo }, status(state), state.forms);
    }
    case 'back':
      return 'returnTo' in state ? at(state.returnTo, status(state), state.forms) : no();
    case 'finish':
      return initialVisit;
    case 'end-failed':
      return { ...state, errors: { general: { key: 'visit.endFailed' } }, errorTick: state.errorTick + 1 };
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The screen on show with what it shows, without the wait, errors and forms. */
function placeOf(state: Exclude<VisitState, VisitHelp>): VisitPlace {
  const { pending: _p, errors: _e, errorTick: _t, notices: _n, forms: _f, ...place } = state;
  return place;
}
