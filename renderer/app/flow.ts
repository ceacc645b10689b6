import type { ErrorCode, ErrorField, FieldProblem } from '../../main/api/errors.ts';
import type { IdentifyOutcome } from '../../main/identity/identify.ts';
import type { MessageKey } from '../i18n/fr.ts';

/**
 * The visit as a state machine. Everything a person typed lives here, outside the screens,
 * so that switching language or going back never loses it, and "Terminer" wipes it at once.
 */
export type FormField = 'rmNumber' | 'day' | 'month' | 'year';
export type IdentifyForm = Record<FormField, string>;

/** A sentence to show next to a field: its message and the values it names. */
export type FieldError = { key: MessageKey; params?: Record<string, string | number> };

export type FlowState = {
  screen: 'welcome' | 'identify' | 'outcome';
  form: IdentifyForm;
  /** Errors by field, shown above the field and in the summary. */
  errors: Partial<Record<ErrorField | 'general', FieldError>>;
  outcome: IdentifyOutcome | null;
  pending: boolean;
  /** Bumped by every submit that ends in errors, so the summary takes focus again. */
  errorTick: number;
};

export type FlowAction =
  | { type: 'start' }
  | { type: 'edit'; field: FormField; value: string }
  | { type: 'submit' }
  | { type: 'refused'; code: ErrorCode; problems?: FieldProblem[] }
  | { type: 'answered'; outcome: IdentifyOutcome }
  | { type: 'correct' }
  | { type: 'finish' };

export const EMPTY_FORM: IdentifyForm = { rmNumber: '', day: '', month: '', year: '' };

export const initialFlow: FlowState = { screen: 'welcome', form: EMPTY_FORM, errors: {}, outcome: null, pending: false, errorTick: 0 };

export function flowReducer(state: FlowState, action: FlowAction): FlowState {
  switch (action.type) {
    case 'start':
      return { ...initialFlow, screen: 'identify' };
    case 'edit':
      return { ...state, form: { ...state.form, [action.field]: action.value } };
    case 'submit':
      return { ...state, pending: true };
    case 'refused':
      return {
        ...state,
        pending: false,
        errors: action.problems?.length
          ? Object.fromEntries(action.problems.map((p) => [p.field, { key: `error.${p.code}` }]))
          : { general: { key: `error.${action.code}` } },
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
