import type { Screen } from './kiosk-machine.ts';
import type { VisitPlace, VisitState } from './visit-state.ts';

/**
 * The artisan's path, written once: the steps every screen of it counts from, where "Retour"
 * leads, and where "Terminer" stands. Screens do not number themselves: "Étape 2 sur 4" means
 * the same thing wherever it shows, and a screen added to a step gets its count from here.
 */
export const ARTISAN_STEPS = ['identify', 'account', 'details', 'card'] as const;
export type ArtisanStep = (typeof ARTISAN_STEPS)[number];

/** The step each screen of the path belongs to. Screens not listed (welcome, help, staff) show no step. */
const STEP_OF: Partial<Record<Screen, ArtisanStep>> = {
  identify: 'identify',
  // The answer to identification, found or not: still the first step.
  outcome: 'identify',
  activate: 'account',
  'check-mail': 'account',
  'change-email': 'account',
  login: 'account',
  forgot: 'account',
  space: 'details',
  photo: 'details',
  card: 'card',
  'pvc-order': 'card',
};

export type StepPosition = { step: ArtisanStep; number: number; total: number };

export function stepOf(screen: Screen): StepPosition | null {
  const step = STEP_OF[screen];
  if (!step) return null;
  return { step, number: ARTISAN_STEPS.indexOf(step) + 1, total: ARTISAN_STEPS.length };
}

/**
 * The screen "Retour" goes to, with what it shows, where going back loses nothing (what was
 * typed lives in the visit's forms, not in the screens), or null where there is no going back:
 * the waiting screen (the e-mail is sent), the outcomes that end the visit.
 */
export function previousPlace(state: VisitState): VisitPlace | null {
  switch (state.screen) {
    case 'outcome':
      return state.outcome.kind === 'found' ? { screen: 'identify' } : null;
    case 'activate':
      // Back to the artisan's name and account status, then on again.
      return { screen: 'outcome', outcome: state.found };
    case 'login':
      return state.found ? { screen: 'outcome', outcome: state.found } : null;
    case 'forgot':
      return { screen: 'login', found: state.found };
    case 'change-email':
      return state.from === 'outcome' && state.found
        ? { screen: 'outcome', outcome: state.found }
        : { screen: 'check-mail', found: state.found, email: state.email, activated: null };
    case 'photo':
    case 'card':
      return { screen: 'space', info: state.info };
    default:
      return null;
  }
}

export function previousScreen(state: VisitState): VisitPlace['screen'] | null {
  return previousPlace(state)?.screen ?? null;
}

/**
 * Screens that end the visit say "Terminer" in their own actions (a refusal, the PVC order's
 * number): the top bar then leaves it out, so "Terminer" is never there twice.
 */
export function finishesInScreen(state: VisitState): boolean {
  if (state.screen === 'outcome') return state.outcome.kind !== 'found';
  if (state.screen === 'pvc-order') return state.order !== null;
  return false;
}
