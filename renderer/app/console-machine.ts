import type { ConsoleAction, ConsoleScreen, ConsoleState, Desk } from './console-state.ts';
import { consoleAt, EMPTY_ISSUANCE } from './console-state.ts';
import { answered, callStatus, refuse, type Status } from './machine.ts';

function status(state: ConsoleState): Status {
  return { pending: state.pending, errors: state.errors, errorTick: state.errorTick, notices: state.notices };
}

/** The console on a new screen, built whole: nothing of the screen left lingers beside it. */
function at(screen: ConsoleScreen, s: Status): ConsoleState {
  return { ...screen, ...s };
}

/** The desk's data answered: `quiet` leaves the wait and what the screen says as they are. */
function withDesk<S extends ConsoleState & { desk: Desk }>(state: S, patch: Partial<Desk>, notices: ConsoleState['notices'], quiet = false): S {
  const desk = { ...state.desk, ...patch };
  if (quiet) return { ...state, desk };
  return { ...state, ...answered(state, notices), desk };
}

/** The console's transitions. An action the screen on show has no use for is refused (machine.ts). */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  const no = () => refuse(state, 'console', action, state.screen);
  switch (action.type) {
    case 'submit': {
      const next = { ...state, ...callStatus(status(state), action) };
      // A new action on the card to issue: the previous answer goes, the new one takes its place.
      return next.screen === 'staff-issue-card' ? { ...next, issue: { ...next.issue, result: null, emailTarget: null } } : next;
    }
    case 'refused':
    case 'settled':
      return { ...state, ...callStatus(status(state), action) };
    case 'pin-asked':
      return state.screen === 'staff-pin' ? at({ screen: 'staff-pin', configured: action.configured }, answered(state)) : no();
    case 'signed-in': {
      if (state.screen !== 'staff-pin') return no();
      const desk: Desk = { member: action.member, section: 'orders', overview: null, printers: null, secrets: null, members: null, settings: null };
      return at({ screen: 'staff-console', desk }, answered(state));
    }
    case 'locked':
      return state.screen === 'staff-pin' ? no() : consoleAt(true, ['staff.lockedIdle']);
    case 'chose-section':
      return state.screen === 'staff-console' ? { ...state, desk: { ...state.desk, section: action.section } } : no();
    case 'overview':
      if (state.screen === 'staff-pin') return no();
      // The console refreshes itself on the kiosk's events: that must not wipe a refusal being read.
      if (action.quiet) return { ...state, desk: { ...state.desk, overview: action.overview } };
      return { ...state, pending: false, errors: {}, desk: { ...state.desk, overview: action.overview } };
    case 'printers':
      return state.screen === 'staff-pin' ? no() : withDesk(state, { printers: action.printers }, action.notices ?? [], action.quiet);
    case 'secrets':
      return state.screen === 'staff-pin' ? no() : withDesk(state, { secrets: action.secrets }, action.notices ?? []);
    case 'members':
      return state.screen === 'staff-pin' ? no() : withDesk(state, { members: action.members }, action.notices ?? []);
    case 'settings':
      return state.screen === 'staff-pin' ? no() : withDesk(state, { settings: action.settings }, action.notices ?? []);
    case 'done':
      return state.screen === 'staff-console' ? { ...state, ...answered(state, action.notices) } : no();
    case 'chose-issue':
      return state.screen === 'staff-console'
        ? at({ screen: 'staff-issue', desk: state.desk, issuance: EMPTY_ISSUANCE }, answered(state, state.notices))
        : no();
    case 'issue-edit':
      return state.screen === 'staff-issue' ? { ...state, issuance: { ...state.issuance, ...action.patch } } : no();
    case 'found-artisans':
      if (state.screen !== 'staff-issue') return no();
      // A new search: a choice among the previous results no longer holds.
      return { ...state, ...answered(state, state.notices), issuance: { ...state.issuance, hits: action.hits, selected: null, document: null } };
    case 'needs-photo':
      return state.screen === 'staff-issue' ? at({ screen: 'staff-issue-photo', desk: state.desk, issuance: state.issuance }, answered(state)) : no();
    case 'retake-photo':
      return state.screen === 'staff-issue-card' ? at({ screen: 'staff-issue-photo', desk: state.desk, issuance: state.issuance }, answered(state)) : no();
    case 'card-ready':
      if (state.screen !== 'staff-issue' && state.screen !== 'staff-issue-photo') return no();
      return at(
        { screen: 'staff-issue-card', desk: state.desk, issuance: state.issuance, issue: { card: action.card, result: null, emailTarget: null } },
        answered(state, state.notices),
      );
    case 'issued': {
      if (state.screen !== 'staff-issue-card') return no();
      // A refused payment took no money: the PVC buttons stay, for once the printer is put right.
      const ordered = action.result.delivery === 'pvc' && action.result.status !== 'refused' ? action.result.orderNumber : state.issuance.ordered;
      return {
        ...state,
        ...answered(state, state.notices),
        issuance: { ...state.issuance, ordered },
        issue: { ...state.issue, result: action.result, emailTarget: null },
      };
    }
    case 'email-target':
      if (state.screen !== 'staff-issue-card') return no();
      return { ...state, ...answered(state, state.notices), issue: { ...state.issue, result: null, emailTarget: action.target } };
    case 'issue-ended':
      if (state.screen !== 'staff-issue' && state.screen !== 'staff-issue-photo' && state.screen !== 'staff-issue-card') return no();
      return at({ screen: 'staff-console', desk: state.desk }, answered(state, state.notices));
    case 'previous':
      return state.screen === 'staff-issue-photo' ? at({ screen: 'staff-issue', desk: state.desk, issuance: state.issuance }, answered(state)) : no();
    case 'chose-verify':
      return state.screen === 'staff-console' ? at({ screen: 'verify', desk: state.desk }, status(state)) : no();
    case 'back':
      return state.screen === 'verify' ? at({ screen: 'staff-console', desk: state.desk }, status(state)) : no();
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}
