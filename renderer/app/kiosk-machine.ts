import { consoleReducer } from './console-machine.ts';
import { type ConsoleAction, type ConsoleScreenName, type ConsoleState, consoleAt } from './console-state.ts';
import { type CallAction, refuse } from './machine.ts';
import { visitReducer } from './visit-machine.ts';
import { initialVisit, type VisitAction, type VisitScreenName, type VisitState } from './visit-state.ts';

/**
 * The kiosk is either in an artisan's visit or in a staff console session, never both: the
 * state holds one machine or the other. Opening the console (the staff gesture on the welcome
 * screen) starts a clean console; "Terminer", "Quitter la console" and the idle timeout start a
 * clean visit. An action meant for the machine not running is refused (machine.ts).
 */
export type KioskState = { mode: 'visit'; visit: VisitState } | { mode: 'console'; console: ConsoleState };

export type KioskAction =
  | { type: 'visit'; action: VisitAction }
  | { type: 'console'; action: ConsoleAction }
  /** What `call()` says (the wait, its refusal), to whichever machine runs. */
  | { type: 'call'; action: CallAction }
  | { type: 'open-console'; configured: boolean }
  /** A clean visit on the welcome screen, whichever machine ran. */
  | { type: 'finish' };

export type Screen = VisitScreenName | ConsoleScreenName;

export const initialKiosk: KioskState = { mode: 'visit', visit: initialVisit };

export function screenOf(state: KioskState): Screen {
  return state.mode === 'visit' ? state.visit.screen : state.console.screen;
}

export function kioskReducer(state: KioskState, action: KioskAction): KioskState {
  switch (action.type) {
    case 'visit': {
      if (state.mode !== 'visit') return refuse(state, 'kiosk', action.action, screenOf(state));
      const visit = visitReducer(state.visit, action.action);
      return visit === state.visit ? state : { mode: 'visit', visit };
    }
    case 'console': {
      if (state.mode !== 'console') return refuse(state, 'kiosk', action.action, screenOf(state));
      const next = consoleReducer(state.console, action.action);
      return next === state.console ? state : { mode: 'console', console: next };
    }
    case 'call':
      return state.mode === 'visit'
        ? kioskReducer(state, { type: 'visit', action: action.action })
        : kioskReducer(state, { type: 'console', action: action.action });
    case 'open-console':
      // Only from the welcome screen, where the gesture is: nothing of a visit is carried in.
      if (state.mode !== 'visit' || state.visit.screen !== 'welcome') return refuse(state, 'kiosk', action, screenOf(state));
      return { mode: 'console', console: consoleAt(action.configured) };
    case 'finish':
      return initialKiosk;
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}
