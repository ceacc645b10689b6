import type { ErrorCode, ErrorField, FieldProblem } from '../../main/shared/errors.ts';
import type { MessageKey } from '../i18n/fr.ts';

/**
 * What the visit's machine (visit-machine.ts) and the console's (console-machine.ts) have in
 * common: the wait for an answer, the refusal shown next to its field, the confirmations. Each
 * machine keeps its own copy; nothing here is shared between a visit and a console session.
 */

/** A sentence to show next to a field: its message and the values it names. */
export type FieldError = { key: MessageKey; params?: Record<string, string | number> };

/** Errors by field, shown above the field and in the summary. */
export type Errors = Partial<Record<ErrorField | 'general', FieldError>>;

export type Status = {
  /** A call is on its way: the screen's buttons wait (app.tsx `call()` always ends it). */
  pending: boolean;
  errors: Errors;
  /** Bumped by every submit that ends in errors, so the summary takes focus again. */
  errorTick: number;
  /** Sentences confirming what just happened (saved, sent). */
  notices: MessageKey[];
};

export const IDLE: Status = { pending: false, errors: {}, errorTick: 0, notices: [] };

/** The status of a screen that just answered: the wait over, the last refusal gone. */
export function answered(state: Status, notices: MessageKey[] = []): Status {
  return { pending: false, errors: {}, errorTick: state.errorTick, notices };
}

/** What `call()` does in either machine: the wait begins, ends in a refusal, or ends with nothing new to show. */
export type CallAction =
  | { type: 'submit' }
  | { type: 'refused'; code: ErrorCode; problems?: FieldProblem[]; params?: Record<string, string | number> }
  /** An action answered with nothing new to show (its effect was already shown): the wait ends. */
  | { type: 'settled' };

export function callStatus(state: Status, action: CallAction): Status {
  switch (action.type) {
    case 'submit':
      return { ...state, pending: true, notices: [] };
    case 'refused':
      return {
        ...state,
        pending: false,
        errors: action.problems?.length
          ? Object.fromEntries(action.problems.map((p) => [p.field, { key: `error.${p.code}` }]))
          : { general: { key: `error.${action.code}`, ...(action.params ? { params: action.params } : {}) } },
        errorTick: state.errorTick + 1,
      };
    case 'settled':
      return { ...state, pending: false };
    default: {
      const unreachable: never = action;
      throw new Error(`unknown action ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * An action that makes no sense on the screen on show (an answer arriving after the person
 * left the screen that asked for it, a button of a screen no longer there) is refused: the
 * machine returns the very same state object, so React renders nothing new and a test sees
 * `next === state`. The refusal is also reported, by machine, action and screen names only
 * (never what was typed or answered), to the reporter set here: a console warning in the
 * renderer's development build and in the tests that ask for it, nothing in a packaged kiosk.
 */
export type IllegalTransition = { machine: 'visit' | 'console' | 'kiosk'; action: string; screen: string };
let report: ((refused: IllegalTransition) => void) | null = null;

export function onIllegalTransition(reporter: ((refused: IllegalTransition) => void) | null): void {
  report = reporter;
}

export function refuse<S>(state: S, machine: IllegalTransition['machine'], action: { type: string }, screen: string): S {
  report?.({ machine, action: action.type, screen });
  return state;
}
